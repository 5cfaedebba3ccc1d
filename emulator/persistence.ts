import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

import { StoredAnswer } from "./idempotency";
import { isRecord } from "./json";
import { CatalogObjectJson } from "./store";

/**
 * The emulator's state on disk, so a catalog survives a restart the way a real seller account
 * does: objects (with their creation order, which cursors rely on), the version clock (versions
 * must keep rising) and remembered idempotency keys (a retry after a restart must still replay).
 */
export const DATA_FILE_FORMAT = "square-catalog-emulator/1";

export interface PersistedObject {
  seq: number;
  object: CatalogObjectJson;
  variation_ids?: string[];
}

export interface PersistedState {
  format: typeof DATA_FILE_FORMAT;
  version_clock: number;
  next_seq: number;
  objects: PersistedObject[];
  idempotency: StoredAnswer[];
}

/** Thrown when the data file exists but cannot be used; never replaced by an empty catalog. */
export class DataFileError extends Error {
  constructor(file: string, problem: string) {
    super(
      `The emulator data file ${file} cannot be loaded: ${problem}. ` +
        "It was left untouched. Move it aside or delete it to start with an empty catalog, " +
        "or restore a good copy.",
    );
    this.name = "DataFileError";
  }
}

/** The saved state, or undefined when the file does not exist yet. */
export function loadState(file: string): PersistedState | undefined {
  if (!existsSync(file)) return undefined;

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DataFileError(file, `it is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed) || parsed.format !== DATA_FILE_FORMAT) {
    throw new DataFileError(file, `it does not start with "format": "${DATA_FILE_FORMAT}"`);
  }
  if (!Number.isSafeInteger(parsed.version_clock) || !Number.isSafeInteger(parsed.next_seq)) {
    throw new DataFileError(file, "version_clock and next_seq must be integers");
  }
  if (!Array.isArray(parsed.objects) || !Array.isArray(parsed.idempotency)) {
    throw new DataFileError(file, "objects and idempotency must be arrays");
  }
  parsed.objects.forEach((entry, i) => {
    const ok =
      isRecord(entry) &&
      Number.isSafeInteger(entry.seq) &&
      isRecord(entry.object) &&
      typeof entry.object.id === "string" &&
      typeof entry.object.type === "string";
    if (!ok) throw new DataFileError(file, `objects[${i}] is not a stored catalog object`);
  });
  return parsed as unknown as PersistedState;
}

/** Writes a temporary file beside the target and renames it, so a crash never leaves half a file. */
export function saveState(file: string, state: PersistedState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
