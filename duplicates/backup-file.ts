import { writeFileSync } from "node:fs";

import { serialization, type Square } from "square";

/** What `clean --apply` writes before it deletes anything. */
export interface CleanBackup {
  /** When the backup was taken (ISO 8601). */
  takenAt: string;
  /** The Square API the objects were read from. */
  target: string;
  /**
   * Every object about to be deleted, complete (items with their variations), in Square's own
   * JSON (snake_case, as the API answers and accepts it).
   */
  deletedObjects: unknown[];
  /** The items re-pointed at a kept category, as they were before. */
  repointedItemsBefore: unknown[];
  /** Deleted category ID → the kept category its items now point at. */
  categoryReplacements: Record<string, string>;
}

/** The default file name: `duplicates-backup-2025-01-31T10-15-00Z.json`, in the current directory. */
export function defaultBackupName(now = new Date()): string {
  return `duplicates-backup-${now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`;
}

/** Square's wire JSON of an SDK object (bigints, such as versions and amounts, as numbers). */
export function squareJson(object: Square.CatalogObject): unknown {
  return serialization.CatalogObject.jsonOrThrow(object, {
    unrecognizedObjectKeys: "passthrough",
    allowUnrecognizedEnumValues: true,
  });
}

/** Writes the backup with the flag that refuses to overwrite an existing file. */
export function writeBackup(path: string, backup: CleanBackup): void {
  const text = JSON.stringify(backup, (_key, value) => (typeof value === "bigint" ? Number(value) : value), 2);
  writeFileSync(path, `${text}\n`, { flag: "wx" });
}
