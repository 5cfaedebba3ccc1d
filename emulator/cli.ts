import { startEmulator } from "./index";

/**
 * Runs the emulator in the foreground:
 *   npm run emulator -- --port <n> --token <t> [--data <file>] [--write-ms <n>] [--host <h>]
 * The token may come from SQUARE_ACCESS_TOKEN instead of the command line; it is never printed.
 */
interface CliOptions {
  port: number;
  token: string;
  host?: string;
  dataFile?: string;
  writeProcessingMs?: number;
}

const USAGE =
  "Usage: npm run emulator -- --port <n> --token <t> [--data <file>] [--write-ms <n>] [--host <h>]\n" +
  "The token may also be given in SQUARE_ACCESS_TOKEN.";

function parseArguments(argv: string[]): CliOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const value = argv[i + 1];
    if (
      !["--port", "--token", "--data", "--write-ms", "--host"].includes(flag) ||
      value === undefined
    ) {
      fail(`Unknown or incomplete option ${flag}.`);
    }
    values.set(flag, value);
    i++;
  }

  const token = values.get("--token") ?? process.env.SQUARE_ACCESS_TOKEN;
  if (!token) fail("No token: pass --token or set SQUARE_ACCESS_TOKEN.");
  return {
    port: integer(values.get("--port") ?? "0", "--port"),
    token,
    host: values.get("--host"),
    dataFile: values.get("--data"),
    writeProcessingMs: values.has("--write-ms")
      ? integer(values.get("--write-ms") as string, "--write-ms")
      : undefined,
  };
}

function integer(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    fail(`${flag} needs a whole number >= 0, got ${text}.`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const emulator = await startEmulator(options);
  process.stdout.write(`Square Catalog emulator listening on ${emulator.url}\n`);

  const shutdown = (signal: string) => {
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Stopping after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
