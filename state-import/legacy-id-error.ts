import { LEGACY_ID_DIR_CONFIG_KEY } from "./legacy-id-files";

/** What kind of problem, for tools that sort entries by it (the check command's status). */
export type LegacyIdProblemCode =
  | "unreadable"
  | "not-json"
  | "not-an-object"
  | "not-text"
  | "not-an-id"
  | "id-listed-twice"
  | "name-listed-twice"
  | "not-declared";

/** One thing wrong with the legacy ID files: which file, which entry, and what. */
export interface LegacyIdProblem {
  code: LegacyIdProblemCode;
  file: string;
  /** The entry's name as written; absent for a problem with the file as a whole. */
  entry?: string;
  message: string;
}

/**
 * The legacy ID files cannot be taken over as they are. Carries every problem found, so one
 * run shows everything to fix; thrown before any resource is registered, so nothing was sent
 * to Square.
 */
export class LegacyIdFileError extends Error {
  override readonly name = "LegacyIdFileError";

  constructor(
    /** The directory the files were read from. */
    readonly dir: string,
    readonly problems: LegacyIdProblem[],
  ) {
    super(formatProblems(dir, problems));
  }
}

function formatProblems(dir: string, problems: LegacyIdProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map(
    (p) => `  ${p.file}${p.entry !== undefined ? ` entry ${JSON.stringify(p.entry)}` : ""}: ${p.message}`,
  );
  return [
    `The legacy ID files in ${dir} have ${count}:`,
    ...lines,
    "Nothing was sent to Square. Fix the entries above (or remove them: an object without an " +
      "entry is created, or adopted by name with square-catalog:adoptExisting), then run again. " +
      "`npm run legacy-ids -- check` compares every entry with Square. The files are read from " +
      `${LEGACY_ID_DIR_CONFIG_KEY} (default: the project directory).`,
  ].join("\n");
}
