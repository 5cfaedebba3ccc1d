import type { RunningEmulator } from "../../emulator";
import type { CommandResult } from "../e2e/pulumi-workspace";

/**
 * The lines of a failed command's Diagnostics that carry the error, without the engine's
 * progress lines: what the person who wrote the bad input reads.
 */
export function errorText(result: CommandResult): string {
  const diagnostics = result.output.split("\n").findIndex((line) => /^Diagnostics:/.test(line.trim()));
  return diagnostics < 0 ? result.output : result.output.split("\n").slice(diagnostics).join("\n");
}

/** How many distinct error messages the engine reported (each resource's or the program's). */
export function errorCount(result: CommandResult): number {
  const lines = errorText(result).split("\n").filter((line) => /^\s*error: /.test(line));
  // "update failed" is the engine's summary of the others, not an error of its own.
  return new Set(lines.map((line) => line.trim()).filter((line) => line !== "error: update failed")).size;
}

export function callCount(emulator: RunningEmulator): number {
  return Object.values(emulator.counters()).reduce((sum, n) => sum + n, 0);
}

/** One row of the README's bad-input table, printed by the tests so it stays true. */
export function tableRow(input: string, excerpt: string, caughtBy: string) {
  console.log(`[bad-input] | ${input} | \`${excerpt}\` | ${caughtBy} |`);
}
