import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describeValue } from "../catalog/describe-value";
import { findJsonSyntaxError, lineAndColumn } from "../catalog/find-json-syntax-error";
import type { LegacyIdProblem } from "./legacy-id-error";
import { LEGACY_ID_FILES, type LegacyIdEntry } from "./legacy-id-files";

export interface LegacyIdFiles {
  /** The files found, by name; an absent file is not a problem (nothing to adopt). */
  present: string[];
  /** Every entry whose value is a string, in file order. */
  entries: LegacyIdEntry[];
  /** Files that are not JSON or not a flat object of text, and entries whose value is not text. */
  problems: LegacyIdProblem[];
}

/**
 * Reads category_ids.json and menu_item_ids.json from `dir`, as written by the legacy scripts.
 * Only the shape is checked here (JSON, one object, text values); whether the values are Square
 * IDs and the names declared is for validateLegacyIds.
 */
export function readLegacyIdFiles(dir: string): LegacyIdFiles {
  const result: LegacyIdFiles = { present: [], entries: [], problems: [] };

  for (const { file, kind } of LEGACY_ID_FILES) {
    const text = readIfPresent(join(dir, file), file, result.problems);
    if (text === undefined) continue;
    result.present.push(file);

    const json = parseJson(text, file, result.problems);
    if (json === undefined) continue;
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      result.problems.push({
        code: "not-an-object",
        file,
        message:
          `expected one JSON object mapping names to Square IDs, e.g. ` +
          `{ "Wraps": "3Q3X4LNHUZMAO6T2Y2ZIF7W2" }, got ${describeValue(json)}`,
      });
      continue;
    }

    for (const [name, value] of Object.entries(json)) {
      if (typeof value !== "string") {
        result.problems.push({
          code: "not-text",
          file,
          entry: name,
          message: `expected a Square ID in double quotes, got ${describeValue(value)}`,
        });
        continue;
      }
      result.entries.push({ file, kind, name, squareId: value });
    }
  }
  return result;
}

function readIfPresent(path: string, file: string, problems: LegacyIdProblem[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    problems.push({ code: "unreadable", file, message: `could not be read (${path}): ${(error as Error).message}` });
    return undefined;
  }
  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** `JSON.parse`, with the line and column of a syntax error when it fails. */
function parseJson(text: string, file: string, problems: LegacyIdProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = findJsonSyntaxError(text) ?? fromParserMessage(text, error as Error);
    const where = located ? ` at line ${located.line}, column ${located.column}` : "";
    const shown = located ? `\n      ${text.split("\n")[located.line - 1]?.trimEnd() ?? ""}` : "";
    problems.push({
      code: "not-json",
      file,
      message: `is not valid JSON${where}: ${located?.reason ?? (error as Error).message}${shown}`,
    });
    return undefined;
  }
}

function fromParserMessage(text: string, error: Error) {
  const match = /at position (\d+)/.exec(error.message);
  if (match === null) return undefined;
  return { ...lineAndColumn(text, Number(match[1])), reason: error.message };
}
