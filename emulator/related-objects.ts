import { isRecord, JsonRecord } from "./json";
import { CatalogObjectJson, CatalogStore, ReadView } from "./store";

/**
 * `include_related_objects`: objects referenced by ID from the answered objects, one level deep.
 * For an item: its categories (and taxes, modifier lists, images if any are stored); for a
 * variation: its parent item. Objects already in the answer are not repeated.
 */
export function relatedObjects(
  store: CatalogStore,
  objects: CatalogObjectJson[],
  view: ReadView,
): CatalogObjectJson[] {
  const answered = new Set(objects.map((o) => o.id));
  const related = new Map<string, CatalogObjectJson>();

  for (const object of objects) {
    for (const id of referencedIds(object)) {
      if (answered.has(id) || related.has(id)) continue;
      const found = store.render(id, view);
      if (found && !found.is_deleted) related.set(id, found);
    }
  }
  return [...related.values()];
}

function referencedIds(object: CatalogObjectJson): string[] {
  if (object.type === "ITEM_VARIATION" && isRecord(object.item_variation_data)) {
    const itemId = object.item_variation_data.item_id;
    return typeof itemId === "string" ? [itemId] : [];
  }
  if (object.type !== "ITEM" || !isRecord(object.item_data)) return [];

  const data: JsonRecord = object.item_data;
  const ids: unknown[] = [data.category_id, ...((data.tax_ids as unknown[] | undefined) ?? [])];
  if (Array.isArray(data.categories))
    ids.push(...data.categories.map((c) => (isRecord(c) ? c.id : undefined)));
  if (isRecord(data.reporting_category)) ids.push(data.reporting_category.id);
  if (Array.isArray(data.modifier_list_info)) {
    ids.push(...data.modifier_list_info.map((m) => (isRecord(m) ? m.modifier_list_id : undefined)));
  }
  if (Array.isArray(data.image_ids)) ids.push(...data.image_ids);
  return ids.filter((id): id is string => typeof id === "string");
}
