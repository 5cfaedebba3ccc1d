import { closestName } from "../catalog/closest-name";
import { normalizeName } from "../catalog/normalize-name";
import type { Menu } from "../catalog/schema";
import type { LegacyIdProblem, LegacyIdProblemCode } from "./legacy-id-error";
import { describeEntry, type LegacyIdEntry, type LegacyKind } from "./legacy-id-files";
import { isSquareId, SQUARE_ID_RULE } from "./square-id";

/** The declared names of each kind, as the menu writes them. */
export function declaredNames(menu: Menu): Record<LegacyKind, string[]> {
  return {
    category: menu.categories.map((c) => c.name.trim()),
    item: menu.items.map((i) => i.name.trim()),
  };
}

/**
 * The checks across entries and against the validated menu: every value a Square ID, each ID
 * under one name only (in both files together: one Square object cannot be two resources),
 * no two names in a file that are the same name once normalized, and every name declared.
 */
export function validateLegacyIds(entries: LegacyIdEntry[], menu: Menu): LegacyIdProblem[] {
  const problems: LegacyIdProblem[] = [];
  const problem = (entry: LegacyIdEntry, code: LegacyIdProblemCode, message: string) =>
    problems.push({ code, file: entry.file, entry: entry.name, message });

  for (const entry of entries) {
    if (!isSquareId(entry.squareId)) {
      problem(entry, "not-an-id", `${JSON.stringify(entry.squareId)} is not a Square ID: ${SQUARE_ID_RULE}`);
    }
  }

  const firstById = new Map<string, LegacyIdEntry>();
  const firstByName = new Map<string, LegacyIdEntry>();
  for (const entry of entries) {
    const earlier = firstById.get(entry.squareId);
    if (earlier) {
      problem(
        entry,
        "id-listed-twice",
        `${entry.squareId} is also listed as ${describeEntry(earlier)}; one Square object can ` +
          "be taken over by one declared object only. Keep the entry whose name matches the object in Square.",
      );
    } else {
      firstById.set(entry.squareId, entry);
    }

    const nameKey = `${entry.file}|${normalizeName(entry.name)}`;
    const sameName = firstByName.get(nameKey);
    if (sameName) {
      problem(
        entry,
        "name-listed-twice",
        `is the same name as ${JSON.stringify(sameName.name)} in this file (names are compared ` +
          "ignoring case, spacing and Unicode form); keep one of the two entries.",
      );
    } else {
      firstByName.set(nameKey, entry);
    }
  }

  problems.push(...undeclaredEntries(entries, menu));
  return problems;
}

function undeclaredEntries(entries: LegacyIdEntry[], menu: Menu): LegacyIdProblem[] {
  const names = declaredNames(menu);
  const normalized = {
    category: new Set(names.category.map(normalizeName)),
    item: new Set(names.item.map(normalizeName)),
  };

  const problems: LegacyIdProblem[] = [];
  for (const entry of entries) {
    if (normalized[entry.kind].has(normalizeName(entry.name))) continue;

    const other = entry.kind === "category" ? "item" : "category";
    const kindWord = entry.kind === "category" ? "category" : "item";
    let hint: string;
    if (normalized[other].has(normalizeName(entry.name))) {
      const file = other === "item" ? "menu_item_ids.json" : "category_ids.json";
      hint = ` It is declared as ${other === "item" ? "an item" : "a category"}: move the entry to ${file}.`;
    } else {
      const guess = closestName(entry.name, names[entry.kind]);
      hint = guess
        ? ` Did you mean ${JSON.stringify(guess)}? Rename the entry to match the menu.`
        : " Declare it in the menu, or remove the entry if the object is no longer sold.";
    }
    problems.push({
      code: "not-declared",
      file: entry.file,
      entry: entry.name,
      message: `no ${kindWord} of that name is declared in the menu.${hint}`,
    });
  }
  return problems;
}
