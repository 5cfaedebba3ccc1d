/**
 * Where a command-line tool reads and writes: the process by default, something else in tests,
 * which call a tool's `main(argv, context)` directly instead of spawning it.
 */
export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function processContext(): CommandContext {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** A mistake in how the command was called: printed with the usage, exit code 1. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
