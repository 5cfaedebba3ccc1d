import { resolve } from "node:path";

import { normalizeName } from "../catalog/normalize-name";
import type { Menu } from "../catalog/schema";
import type { Adoptions } from "../stack/declare-catalog";
import { LegacyIdFileError } from "./legacy-id-error";
import { describeEntry } from "./legacy-id-files";
import { readLegacyIdFiles } from "./read-legacy-id-files";
import { validateLegacyIds } from "./validate-legacy-ids";

/**
 * The existing Square objects the legacy ID files tell the stack to take over, keyed by kind and
 * normalized name as declareCatalog expects. Absent files mean nothing to adopt.
 *
 * Throws LegacyIdFileError listing every problem in both files at once. Only what can be known
 * without Square is checked here; whether each ID exists in Square with the right type is
 * checked by the provider during the preview.
 */
export function loadAdoptions(dir: string, menu: Menu): Adoptions {
  const files = readLegacyIdFiles(dir);
  const problems = [...files.problems, ...validateLegacyIds(files.entries, menu)];
  if (problems.length) throw new LegacyIdFileError(resolve(dir), problems);

  const adoptions: Adoptions = { categories: new Map(), items: new Map() };
  for (const entry of files.entries) {
    const target = entry.kind === "category" ? adoptions.categories : adoptions.items;
    target.set(normalizeName(entry.name), { squareId: entry.squareId, reason: describeEntry(entry) });
  }
  return adoptions;
}
