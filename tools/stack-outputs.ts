import { spawn } from "node:child_process";

import type { CommandContext } from "./command-context";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineEnv } = require("../scripts/engine.js") as {
  engineEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

/** The program's outputs that name Square objects: display name → Square ID. */
export interface StackIdOutputs {
  categoryIds: Record<string, string>;
  menuItemIds: Record<string, string>;
}

/**
 * Reads `categoryIds` and `menuItemIds` with `pulumi stack output --json`, in the project
 * directory (the context's cwd) and with the engine on PATH. The stack is the one selected
 * there unless `stack` names another.
 */
export async function readStackIdOutputs(
  context: CommandContext,
  stack?: string,
): Promise<StackIdOutputs> {
  const args = ["stack", "output", "--json", ...(stack ? ["--stack", stack] : [])];
  const { code, stdout, stderr } = await runPulumi(args, context);
  const which = stack ? `stack "${stack}"` : "the selected stack";
  if (code !== 0) {
    throw new Error(
      `\`pulumi ${args.join(" ")}\` failed (exit ${code}) in ${context.cwd}:\n${stderr.trim()}\n` +
        "Run it from the project directory, and check the stack name (`pulumi stack ls`).",
    );
  }

  const outputs = JSON.parse(stdout) as Record<string, unknown>;
  const categoryIds = idMap(outputs.categoryIds);
  const menuItemIds = idMap(outputs.menuItemIds);
  if (!categoryIds || !menuItemIds) {
    throw new Error(
      `${which} has no categoryIds and menuItemIds outputs yet: run \`pulumi up\` on it first.`,
    );
  }
  return { categoryIds, menuItemIds };
}

function idMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(([, id]) => typeof id === "string");
  return Object.fromEntries(entries) as Record<string, string>;
}

function runPulumi(args: string[], context: CommandContext) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd: context.cwd,
      env: engineEnv(context.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
