import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineEnv } = require("../../scripts/engine.js") as {
  engineEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

const PROJECT_ROOT = path.resolve(__dirname, "../..");
/** What a test's copy of the project links to instead of copying. */
const LINKED = ["node_modules", "catalog", "provider", "stack", "state-import", "tsconfig.json"];

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr, for assertions on what the user sees. */
  output: string;
  /** The signal that ended the command, when it was killed. */
  signal?: NodeJS.Signals;
}

/** A command started with `PulumiWorkspace.start`. */
export interface RunningCommand {
  /** The CLI's process ID, which is also its process group's. */
  pid: number;
  done: Promise<CommandResult>;
  /** What the command has printed so far. */
  output(): string;
  /** SIGKILL to the command's process group. */
  kill(): void;
}

export interface WorkspaceOptions {
  /** `square-catalog:*` config values (plain). */
  config?: Record<string, string>;
  /** `square-catalog:*` config values stored as secrets. */
  secrets?: Record<string, string>;
  /** A Pulumi program to run instead of the project's index.ts. */
  program?: string;
  /** Extra environment for every command (e.g. SQUARE_ACCESS_TOKEN). */
  env?: Record<string, string>;
  stack?: string;
}

/**
 * A throw-away Pulumi workspace for one test: its own copy of the project (the sources linked,
 * not copied), its own file backend, PULUMI_HOME and passphrase, and a stack. Commands run the
 * real CLI asynchronously, so an emulator in the test's own process keeps answering.
 */
export class PulumiWorkspace {
  readonly stack: string;
  private readonly transcript: string[] = [];

  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    stack: string,
  ) {
    this.stack = stack;
  }

  static async create(options: WorkspaceOptions = {}): Promise<PulumiWorkspace> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "square-catalog-e2e-"));
    const dir = path.join(root, "project");
    fs.mkdirSync(dir);
    for (const entry of LINKED) {
      if (fs.existsSync(path.join(PROJECT_ROOT, entry))) {
        fs.symlinkSync(path.join(PROJECT_ROOT, entry), path.join(dir, entry));
      }
    }
    fs.copyFileSync(path.join(PROJECT_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(dir, "package.json"));
    fs.writeFileSync(
      path.join(dir, "index.ts"),
      options.program ?? fs.readFileSync(path.join(PROJECT_ROOT, "index.ts"), "utf8"),
    );
    fs.mkdirSync(path.join(root, "backend"));

    const env = engineEnv({
      ...process.env,
      ...options.env,
      PULUMI_HOME: path.join(root, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(root, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
    });
    const workspace = new PulumiWorkspace(dir, env, options.stack ?? "e2e");
    await workspace.must(["stack", "init", workspace.stack]);
    for (const [key, value] of Object.entries(options.config ?? {})) {
      await workspace.setConfig(key, value);
    }
    for (const [key, value] of Object.entries(options.secrets ?? {})) {
      await workspace.setConfig(key, value, { secret: true });
    }
    return workspace;
  }

  async setConfig(key: string, value: string, options: { secret?: boolean } = {}) {
    const args = ["config", "set", `square-catalog:${key}`, "--", value];
    if (options.secret) args.splice(2, 0, "--secret");
    await this.must(args);
  }

  /** Writes a file into the workspace (a menu, legacy ID files) and returns its path. */
  writeFile(name: string, content: unknown): string {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return file;
  }

  preview(...args: string[]) {
    return this.run(["preview", "--non-interactive", "--diff", ...args]);
  }

  up(...args: string[]) {
    return this.run(["up", "--yes", "--non-interactive", "--skip-preview", ...args]);
  }

  refresh(...args: string[]) {
    return this.run(["refresh", "--yes", "--non-interactive", "--skip-preview", "--diff", ...args]);
  }

  destroy(...args: string[]) {
    return this.run(["destroy", "--yes", "--non-interactive", "--skip-preview", ...args]);
  }

  /** `pulumi preview --json`: the engine's structured plan. */
  async previewJson(): Promise<{ steps: { op: string; urn: string }[]; diagnostics?: unknown[] }> {
    const result = await this.run(["preview", "--non-interactive", "--json"]);
    return JSON.parse(result.stdout);
  }

  async exportStack(): Promise<{ deployment: { resources?: StateResource[] } }> {
    const result = await this.must(["stack", "export", "--show-secrets=false"]);
    return JSON.parse(result.stdout);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.must(["stack", "output", "--json"]);
    return JSON.parse(result.stdout);
  }

  /** Everything every command of this workspace printed. */
  get log(): string {
    return this.transcript.join("\n");
  }

  async must(args: string[]): Promise<CommandResult> {
    const result = await this.run(args);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
    }
    return result;
  }

  run(args: string[], extraEnv: Record<string, string> = {}): Promise<CommandResult> {
    return this.launch(args, extraEnv, false).done;
  }

  /**
   * Starts a command in a process group of its own and returns at once, so a test can do
   * something while it runs, or kill it the way a crash, an OOM killer or `kill -9` would:
   * `kill()` sends SIGKILL to the whole group (the CLI, its language host and the program).
   */
  start(args: string[], extraEnv: Record<string, string> = {}): RunningCommand {
    return this.launch(args, extraEnv, true);
  }

  private launch(args: string[], extraEnv: Record<string, string>, detached: boolean): RunningCommand {
    const child = spawn("pulumi", args, {
      cwd: this.dir,
      env: { ...this.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
      detached,
    });
    let output = "";
    const done = new Promise<CommandResult>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        output += chunk;
      });
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        output += chunk;
      });
      child.on("error", reject);
      child.on("close", (code, signal) => {
        // The transcript is what a test may print: arguments that carry a secret stay out.
        const shown = args.includes("--secret") ? [...args.slice(0, -1), "[secret]"] : args;
        this.transcript.push(`$ pulumi ${shown.join(" ")}\n${output}`);
        resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, output, signal: signal ?? undefined });
      });
    });
    return {
      pid: child.pid!,
      done,
      output: () => output,
      kill: () => {
        if (!detached) throw new Error("Only a command started with start() can be killed.");
        process.kill(-child.pid!, "SIGKILL");
      },
    };
  }

  dispose(): void {
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  protect?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
