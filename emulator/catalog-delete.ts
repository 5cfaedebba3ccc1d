import { JsonRecord } from "./json";
import { CatalogStore } from "./store";
import { WriteStamp } from "./catalog-upsert";

/**
 * Deletion in Square cascades to an object's children: deleting an item deletes its variations,
 * and `deleted_object_ids` lists both. Deleted objects stay in the store with `is_deleted: true`
 * and a new version, because SearchCatalogObjects returns them with `include_deleted_objects`.
 *
 * Deleting a category leaves items that reference it unchanged; the emulator does not model what
 * Square does to those references.
 */
export function deleteCascading(store: CatalogStore, id: string, stamp: WriteStamp): string[] {
  const target = store.live(id);
  if (!target) return [];

  const updatedAt = new Date(stamp.now).toISOString();
  const deleted: string[] = [];
  const markDeleted = (objectId: string) => {
    const revision = store.live(objectId);
    if (!revision) return;
    const object = {
      ...structuredClone(revision.object),
      version: stamp.version,
      updated_at: updatedAt,
      is_deleted: true,
    };
    store.write(object, stamp.now, revision.variationIds);
    deleted.push(objectId);
  };

  markDeleted(id);
  for (const variationId of target.variationIds ?? []) markDeleted(variationId);

  if (target.object.type === "ITEM_VARIATION")
    detachFromItem(store, target.object, stamp, updatedAt);
  return deleted;
}

/** A deleted variation leaves its item's variation list, which bumps the item's version. */
function detachFromItem(
  store: CatalogStore,
  variation: JsonRecord,
  stamp: WriteStamp,
  updatedAt: string,
): void {
  const itemId = (variation.item_variation_data as JsonRecord | undefined)?.item_id;
  if (typeof itemId !== "string") return;
  const item = store.live(itemId);
  if (!item?.variationIds) return;
  const variationIds = item.variationIds.filter((v) => v !== variation.id);
  store.write(
    { ...structuredClone(item.object), version: stamp.version, updated_at: updatedAt },
    stamp.now,
    variationIds,
  );
}
