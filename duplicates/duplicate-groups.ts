import type { Square } from "square";

import { normalizeName } from "../catalog/normalize-name";
import { nameOf } from "../tools/read-live-catalog";

/** Live objects of one type whose names are the same name once normalized: all but one are extra. */
export interface DuplicateGroup {
  type: "CATEGORY" | "ITEM";
  normalizedName: string;
  /** Ordered by ID, so reports and plans come out the same on every run. */
  objects: Square.CatalogObject[];
}

/**
 * Groups live categories and items by type and normalizeName (the same key the provider uses
 * to refuse a duplicate), keeping the groups of two or more. A category and an item of the same
 * name are not duplicates of each other.
 */
export function findDuplicateGroups(objects: Square.CatalogObject[]): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const object of objects) {
    if (object.isDeleted || (object.type !== "CATEGORY" && object.type !== "ITEM")) continue;
    const normalizedName = normalizeName(nameOf(object));
    const key = `${object.type}|${normalizedName}`;
    const group = groups.get(key) ?? { type: object.type, normalizedName, objects: [] };
    group.objects.push(object);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => group.objects.length > 1)
    .map((group) => ({ ...group, objects: [...group.objects].sort((a, b) => compare(a.id, b.id)) }))
    .sort((a, b) => compare(a.type, b.type) || compare(a.normalizedName, b.normalizedName));
}

function compare(a = "", b = ""): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
