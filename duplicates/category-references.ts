import type { Square } from "square";

/**
 * The categories an item points at: `categories[].id`, the deprecated `category_id` the legacy
 * scripts set, and `reporting_category`. An item that points at a deleted category drops out
 * of that category in Square's Dashboard and reports.
 */
export function categoryIdsOf(item: Square.CatalogObject): string[] {
  if (item.type !== "ITEM") return [];
  const data = item.itemData;
  const ids = [
    ...(data?.categories ?? []).map((category) => category.id),
    data?.categoryId,
    data?.reportingCategory?.id,
  ];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** Category ID → the live items that point at it. */
export function itemsByCategory(objects: Square.CatalogObject[]): Map<string, Square.CatalogObject[]> {
  const references = new Map<string, Square.CatalogObject[]>();
  for (const object of objects) {
    if (object.type !== "ITEM" || object.isDeleted) continue;
    for (const id of categoryIdsOf(object)) {
      references.set(id, [...(references.get(id) ?? []), object]);
    }
  }
  return references;
}
