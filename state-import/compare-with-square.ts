import type { Square } from "square";

import { normalizeName } from "../catalog/normalize-name";
import type { Menu } from "../catalog/schema";
import { nameOf } from "../tools/read-live-catalog";
import type { LegacyIdProblem, LegacyIdProblemCode } from "./legacy-id-error";
import type { LegacyIdEntry, LegacyKind } from "./legacy-id-files";
import type { LegacyIdFiles } from "./read-legacy-id-files";
import { validateLegacyIds } from "./validate-legacy-ids";

export type EntryStatus =
  | "found"
  | "name differs"
  | "wrong type"
  | "deleted in Square"
  | "not in Square"
  | "not declared"
  | "not a Square ID"
  | "listed twice"
  | "unreadable file";

/** What `pulumi up` does with the entry: take the object over, stop with an error, or skip it. */
export type UpAction = "adopt" | "fail" | "ignore";

export interface EntryReport {
  file: string;
  /** The entry's name as written; absent for a problem with the whole file. */
  entry?: string;
  squareId?: string;
  status: EntryStatus;
  action: UpAction;
  /** Every reason behind the status and the action, in words. */
  details: string[];
}

export interface SquareView {
  /** Every live category and item. */
  live: Square.CatalogObject[];
  /** Objects retrieved by ID (deleted ones included) for IDs the search did not return. */
  retrieved: Map<string, Square.CatalogObject>;
}

const PROBLEM_STATUS: Record<LegacyIdProblemCode, EntryStatus> = {
  unreadable: "unreadable file",
  "not-json": "unreadable file",
  "not-an-object": "unreadable file",
  "not-text": "not a Square ID",
  "not-an-id": "not a Square ID",
  "id-listed-twice": "listed twice",
  "name-listed-twice": "listed twice",
  "not-declared": "not declared",
};

const SQUARE_TYPE: Record<LegacyKind, string> = { category: "CATEGORY", item: "ITEM" };

/**
 * One report per entry of the legacy ID files: what Square holds under the ID, and what the
 * next `pulumi up` does with it. `managed` (the stack's outputs, when known) marks names the
 * stack already manages: for those the program's adoption input is ignored.
 */
export function compareWithSquare(
  files: LegacyIdFiles,
  menu: Menu,
  square: SquareView,
  managed?: Map<string, string>,
): EntryReport[] {
  const reports: EntryReport[] = files.problems
    .filter((problem) => problem.entry === undefined)
    .map((problem) => ({
      file: problem.file,
      status: PROBLEM_STATUS[problem.code],
      action: "fail" as const,
      details: [problem.message],
    }));

  const entryProblems = [...files.problems, ...validateLegacyIds(files.entries, menu)].filter(
    (problem) => problem.entry !== undefined,
  );
  const liveById = new Map(square.live.map((object) => [object.id!, object]));

  for (const entry of files.entries) {
    const problems = entryProblems.filter((p) => p.file === entry.file && p.entry === entry.name);
    const found = squareStatus(entry, liveById.get(entry.squareId) ?? square.retrieved.get(entry.squareId));
    const twins = otherLiveTwins(entry, square.live);
    const managedId = managed?.get(`${entry.kind}|${normalizeName(entry.name)}`);
    reports.push(reportFor(entry, problems, found, twins, managedId));
  }

  // Shape problems of single entries (a number where an ID belongs) have no LegacyIdEntry.
  for (const problem of files.problems.filter((p) => p.entry !== undefined)) {
    reports.push({
      file: problem.file,
      entry: problem.entry,
      status: PROBLEM_STATUS[problem.code],
      action: "fail",
      details: [problem.message],
    });
  }
  return reports;
}

interface SquareStatus {
  status: EntryStatus;
  detail: string;
}

function squareStatus(entry: LegacyIdEntry, object: Square.CatalogObject | undefined): SquareStatus {
  const expected = SQUARE_TYPE[entry.kind];
  if (!object) return { status: "not in Square", detail: `Square has no object ${entry.squareId}` };
  if (object.isDeleted) {
    return { status: "deleted in Square", detail: `${entry.squareId} was deleted in Square` };
  }
  if (object.type !== expected) {
    return {
      status: "wrong type",
      detail: `${entry.squareId} is of type ${object.type} in Square, not ${expected}`,
    };
  }
  const squareName = nameOf(object);
  if (normalizeName(squareName) !== normalizeName(entry.name)) {
    return {
      status: "name differs",
      detail: `Square calls it ${JSON.stringify(squareName)}; up renames it to the declared name`,
    };
  }
  return { status: "found", detail: `Square holds ${expected} ${JSON.stringify(squareName)}` };
}

function otherLiveTwins(entry: LegacyIdEntry, live: Square.CatalogObject[]): string[] {
  const wanted = normalizeName(entry.name);
  return live
    .filter((o) => o.type === SQUARE_TYPE[entry.kind] && o.id !== entry.squareId)
    .filter((o) => normalizeName(nameOf(o)) === wanted)
    .map((o) => o.id!);
}

function reportFor(
  entry: LegacyIdEntry,
  problems: LegacyIdProblem[],
  found: SquareStatus,
  twins: string[],
  managedId: string | undefined,
): EntryReport {
  const base = { file: entry.file, entry: entry.name, squareId: entry.squareId };
  const details = [...problems.map((p) => p.message), found.detail];
  if (twins.length) {
    details.push(
      `Square also holds ${twins.join(", ")} under this name: ` +
        "`npm run duplicates -- scan` shows the group",
    );
  }

  // The program reads the files strictly: these stop every `up`, managed or not.
  if (problems.length) {
    return { ...base, status: PROBLEM_STATUS[problems[0].code], action: "fail", details };
  }
  if (managedId !== undefined) {
    details.push(
      managedId === entry.squareId
        ? "the stack already manages this object; up ignores the entry"
        : `the stack already manages ${managedId} under this name; up ignores the entry`,
    );
    return { ...base, status: found.status, action: "ignore", details };
  }
  const adoptable = found.status === "found" || found.status === "name differs";
  if (!adoptable) details.push("up fails in the preview; remove the entry or correct the ID");
  return { ...base, status: found.status, action: adoptable ? "adopt" : "fail", details };
}
