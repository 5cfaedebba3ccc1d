import type { Square } from "square";

import { categoryIdsOf, itemsByCategory } from "./category-references";
import { findDuplicateGroups, type DuplicateGroup } from "./duplicate-groups";
import { chooseKept } from "./keep-rule";

export interface GroupPlan extends DuplicateGroup {
  kept: Square.CatalogObject;
  keptBecause: string;
  /** The other objects of the group: deleted by `clean --apply`. */
  extra: Square.CatalogObject[];
  /** Category groups: category ID → the live items that point at it. */
  referencedBy: Map<string, Square.CatalogObject[]>;
}

/** An item that points at a category about to be deleted, and where it must point instead. */
export interface Repoint {
  item: Square.CatalogObject;
  /** Deleted category ID → kept category ID. */
  moves: Map<string, string>;
}

export interface CleanPlan {
  groups: GroupPlan[];
  /** Items that stay and point at a category about to be deleted; sent before any delete. */
  repoints: Repoint[];
  /** Every ID to delete, in group order. Only IDs from the groups, nothing else. */
  deleteIds: string[];
}

/**
 * What a cleanup does to a catalog read from Square: per group of duplicates, the object kept
 * (by KEEP_RULE) and the ones to delete; and which surviving items must first be pointed at the
 * kept category. A catalog without duplicates gives an empty plan, which is why a second run
 * of `clean --apply` deletes nothing.
 */
export function planClean(objects: Square.CatalogObject[], managed: Set<string>): CleanPlan {
  const references = itemsByCategory(objects);
  const counts = new Map([...references].map(([id, items]) => [id, items.length]));

  const groups: GroupPlan[] = findDuplicateGroups(objects).map((group) => {
    const { kept, reason } = chooseKept(group, managed, counts);
    const referencedBy = new Map(
      group.type === "CATEGORY" ? group.objects.map((o) => [o.id!, references.get(o.id!) ?? []]) : [],
    );
    const extra = group.objects.filter((object) => object !== kept);
    return { ...group, kept, keptBecause: reason, extra, referencedBy };
  });

  const deleteIds = groups.flatMap((group) => group.extra.map((object) => object.id!));
  const deleting = new Set(deleteIds);
  const replacement = new Map<string, string>();
  for (const group of groups.filter((g) => g.type === "CATEGORY")) {
    for (const object of group.extra) replacement.set(object.id!, group.kept.id!);
  }

  const repoints: Repoint[] = [];
  for (const item of objects) {
    if (item.type !== "ITEM" || item.isDeleted || deleting.has(item.id!)) continue;
    const moves = new Map(
      categoryIdsOf(item)
        .filter((id) => replacement.has(id))
        .map((id) => [id, replacement.get(id)!]),
    );
    if (moves.size) repoints.push({ item, moves });
  }
  return { groups, repoints, deleteIds };
}
