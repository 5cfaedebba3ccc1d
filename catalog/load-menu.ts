import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { findJsonSyntaxError, lineAndColumn } from "./find-json-syntax-error";
import { MenuFileError } from "./menu-file-error";
import type { Menu } from "./schema";
import { validateMenu } from "./validate-menu";

/** The stack config key that names a menu file written in JSON. */
export const MENU_FILE_CONFIG_KEY = "square-catalog:menuFile";

/**
 * Reads and validates a menu written as JSON (the file named by `square-catalog:menuFile`).
 *
 * Throws MenuFileError when the file is missing, unreadable or not JSON, naming the line and
 * column of a syntax error; throws MenuValidationError when the JSON is not a valid menu.
 * Relative paths are resolved from the current directory, which for `pulumi up` is the
 * project directory.
 */
export function loadMenuFile(path: string): Menu {
  const text = readMenuText(path);
  const json = parseMenuJson(text, path);
  return validateMenu(json, `menu file ${path}`);
}

function readMenuText(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `menu file ${path} (${resolve(path)})`;
    const fix =
      `Check the path in the config key ${MENU_FILE_CONFIG_KEY}, e.g. ` +
      `\`pulumi config set ${MENU_FILE_CONFIG_KEY} menu.json\`; a relative path is read from ` +
      `${process.cwd()}.`;

    if (code === "ENOENT") throw new MenuFileError(`${where} does not exist. ${fix}`, path);
    if (code === "EISDIR") {
      throw new MenuFileError(`${where} is a directory, not a file. ${fix}`, path);
    }
    throw new MenuFileError(`${where} could not be read: ${(error as Error).message}`, path);
  }

  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function parseMenuJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = findJsonSyntaxError(text) ?? positionFromParser(text, error as Error);
    const at = located !== undefined ? ` at line ${located.line}, column ${located.column}` : "";
    const reason = located?.reason ?? (error as Error).message;

    const message = [
      `menu file ${path} is not valid JSON${at}: ${reason}`,
      ...(located !== undefined ? showLine(text, located.line, located.column) : []),
      "Fix the file at that spot and run again. A menu file is plain JSON: names in double " +
        "quotes, a comma between entries but none after the last, and no comments.",
    ].join("\n");
    const position = located && { line: located.line, column: located.column };
    throw new MenuFileError(message, path, position);
  }
}

/** The parser's own "at position N", used only if the scanner disagrees with JSON.parse. */
function positionFromParser(text: string, error: Error) {
  const match = /at position (\d+)/.exec(error.message);
  if (match === null) return undefined;
  return { ...lineAndColumn(text, Number(match[1])), reason: error.message };
}

/** The offending line with a caret under the column, as compilers show it. */
function showLine(text: string, line: number, column: number): string[] {
  const content = text.split("\n")[line - 1]?.replace(/\r$/, "") ?? "";
  if (content.length > 160) return [];
  // Keep tabs so the caret lines up with the text above it.
  const indent = content.slice(0, column - 1).replace(/[^\t]/g, " ");
  return [`  ${content}`, `  ${indent}^`];
}
