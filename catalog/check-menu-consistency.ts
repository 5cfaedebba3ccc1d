import { closestName } from "./closest-name";
import { formatMenuPath } from "./menu-path";
import { normalizeName } from "./normalize-name";

/**
 * Checks that compare a menu's entries with each other: names that Square would show as
 * duplicates, items filed under a category that is not declared, and locations.
 *
 * They read the raw input rather than the schema's output, and skip whatever the schema will
 * reject anyway, so a menu with a bad price still gets its duplicate names reported in the
 * same run.
 */

/** A problem located by path segments, formatted later; see validateMenu. */
export interface LocatedProblem {
  path: (string | number)[];
  message: string;
}

const SAME_NAME_RULE = "(names are compared ignoring case, spacing and Unicode form)";

interface NamedEntry {
  index: number;
  name: string;
}

export function checkMenuConsistency(input: unknown): LocatedProblem[] {
  if (!isRecord(input)) return [];

  const categories = entriesOf(input.categories);
  const items = entriesOf(input.items);
  const problems: LocatedProblem[] = [];

  const categoryNames = namedEntries(categories);
  problems.push(...findSameNames(categoryNames, "categories"));
  problems.push(...findRepeatedKeys(categories, "categories"));

  problems.push(...findSameNames(namedEntries(items), "items"));
  problems.push(...findRepeatedKeys(items, "items"));

  items.forEach((item, itemIndex) => {
    if (!isRecord(item)) return;
    const variations = namedEntries(entriesOf(item.variations));
    problems.push(...findSameNames(variations, "variations", ["items", itemIndex]));
    problems.push(...checkItemCategory(item, itemIndex, categoryNames));
    problems.push(...checkItemLocations(item, itemIndex));
  });

  return problems;
}

/** Every entry after the first with a given name is reported, pointing back at the first. */
function findSameNames(
  entries: NamedEntry[],
  listName: string,
  listPath: (string | number)[] = [],
): LocatedProblem[] {
  const firstByName = new Map<string, NamedEntry>();
  const problems: LocatedProblem[] = [];

  for (const entry of entries) {
    const key = normalizeName(entry.name);
    const first = firstByName.get(key);
    if (first === undefined) {
      firstByName.set(key, entry);
      continue;
    }
    problems.push({
      path: [...listPath, listName, entry.index, "name"],
      message:
        `${JSON.stringify(entry.name)} is the same name as ` +
        `${formatMenuPath([...listPath, listName, first.index, "name"])} ` +
        `${JSON.stringify(first.name)} ${SAME_NAME_RULE}; rename one or remove the duplicate`,
    });
  }

  return problems;
}

function findRepeatedKeys(entries: unknown[], list: "categories" | "items"): LocatedProblem[] {
  const firstIndexByKey = new Map<string, number>();
  const problems: LocatedProblem[] = [];

  entries.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.key !== "string") return;
    const first = firstIndexByKey.get(entry.key);
    if (first === undefined) {
      firstIndexByKey.set(entry.key, index);
      return;
    }
    problems.push({
      path: [list, index, "key"],
      message:
        `${JSON.stringify(entry.key)} is already the key of ${list}[${first}]; ` +
        "keys must be unique",
    });
  });

  return problems;
}

function checkItemCategory(
  item: Record<string, unknown>,
  itemIndex: number,
  categories: NamedEntry[],
): LocatedProblem[] {
  const wanted = item.category;
  // Anything but text is the schema's to report; an "unknown category" on top would be noise.
  if (typeof wanted !== "string") return [];
  if (normalizeName(wanted) === "") return [emptyCategory(itemIndex)];

  const declared = categories.map((category) => category.name);
  if (declared.some((name) => normalizeName(name) === normalizeName(wanted))) return [];

  const guess = closestName(wanted, declared);
  const advice =
    guess !== undefined
      ? `did you mean ${JSON.stringify(guess)}?`
      : declared.length === 0
        ? "no categories are declared yet; add it to categories"
        : `declare it in categories or use one of ${listSome(declared)}`;

  return [
    {
      path: ["items", itemIndex, "category"],
      message: `no category named ${JSON.stringify(wanted)} is declared in categories; ${advice}`,
    },
  ];
}

function emptyCategory(itemIndex: number): LocatedProblem {
  return {
    path: ["items", itemIndex, "category"],
    message: "expected the name of a category declared in categories, got an empty name",
  };
}

function checkItemLocations(item: Record<string, unknown>, itemIndex: number): LocatedProblem[] {
  // presentAtAllLocations defaults to true, and Square ignores a location list on an item that is
  // present everywhere: the author would believe the item is limited when it is not.
  if (item.locationIds === undefined || item.presentAtAllLocations === false) return [];

  return [
    {
      path: ["items", itemIndex, "presentAtAllLocations"],
      message:
        "locationIds lists the only locations that sell this item, so presentAtAllLocations " +
        "must be false (it defaults to true); add presentAtAllLocations: false",
    },
  ];
}

/** Up to ten distinct names, quoted, for a hint that must stay one readable line. */
function listSome(names: string[]): string {
  const distinct = [...new Map(names.map((name) => [normalizeName(name), name])).values()];
  const shown = distinct.slice(0, 10).map((name) => JSON.stringify(name));
  return distinct.length > 10 ? `${shown.join(", ")}, …` : shown.join(", ");
}

function namedEntries(entries: unknown[]): NamedEntry[] {
  const named: NamedEntry[] = [];
  entries.forEach((entry, index) => {
    if (isRecord(entry) && typeof entry.name === "string" && normalizeName(entry.name) !== "") {
      named.push({ index, name: entry.name });
    }
  });
  return named;
}

function entriesOf(list: unknown): unknown[] {
  return Array.isArray(list) ? list : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
