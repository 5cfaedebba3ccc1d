import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";

/** The emulator as other tools start it: `npm run emulator -- --port ... --token ...`. */
const ROOT = resolve(__dirname, "../..");
const TS_NODE = resolve(ROOT, "node_modules/.bin/ts-node");

function startCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(TS_NODE, ["--transpile-only", "emulator/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, SQUARE_ACCESS_TOKEN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const firstLine = new Promise<string>((resolveLine, reject) => {
    child.stdout.on("data", () => {
      const line = output
        .split("\n")
        .find((l) => l.startsWith("Square Catalog emulator listening on "));
      if (line) resolveLine(line);
    });
    child.once("exit", (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
  firstLine.catch(() => undefined); // a test that expects the CLI to exit does not await this line
  return { child, firstLine, output: () => output };
}

describe("the emulator CLI", () => {
  test("prints its base URL on one line, serves with the token from SQUARE_ACCESS_TOKEN, stops on SIGTERM", async () => {
    const cli = startCli(["--port", "0", "--write-ms", "1"], {
      SQUARE_ACCESS_TOKEN: "cli-secret-token",
    });
    const line = await cli.firstLine;
    const url = line.replace("Square Catalog emulator listening on ", "").trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const info = await fetch(`${url}/v2/catalog/info`, {
      headers: { authorization: "Bearer cli-secret-token" },
    });
    expect(info.status).toBe(200);

    cli.child.kill("SIGTERM");
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(0);
    expect(cli.output()).not.toContain("cli-secret-token");
  });

  test("refuses to start without a token and says how to give one", async () => {
    const cli = startCli(["--port", "0"]);
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(2);
    expect(cli.output()).toContain("SQUARE_ACCESS_TOKEN");
  });
});
