import type { Square } from "square";

import { normalizeName } from "../catalog/normalize-name";
import type { SquareCatalogApi } from "./square-api";
import { nameOf } from "./square-objects";

const TRACKED_TYPES: Square.CatalogObjectType[] = ["CATEGORY", "ITEM"];

/**
 * Every live category and item of the account, read once per run in pages of 1000 and shared
 * by all resources: a 1,000-item menu costs two search calls, not one per resource. Objects
 * this run writes are added as their responses arrive, so Square's search index, which may lag
 * writes by seconds, is never what tells the provider about its own work.
 */
export class CatalogSnapshot {
  private readonly byId = new Map<string, Square.CatalogObject>();
  /**
   * IDs by type and normalized name. Every resource asks "is there another object of this
   * name?"; scanning the whole snapshot for each made refresh and large imports quadratic.
   */
  private readonly idsByName = new Map<string, Set<string>>();
  private latestTime?: string;
  private caughtUpAt = 0;

  static async load(api: SquareCatalogApi): Promise<CatalogSnapshot> {
    const snapshot = new CatalogSnapshot();
    const { objects, latestTime } = await api.searchAll(TRACKED_TYPES);
    for (const object of objects) snapshot.remember(object);
    snapshot.latestTime = latestTime;
    snapshot.caughtUpAt = Date.now();
    return snapshot;
  }

  get(id: string): Square.CatalogObject | undefined {
    return this.byId.get(id);
  }

  /** Live objects of one type whose name is the same once case, spacing and Unicode form are ignored. */
  findByName(type: "CATEGORY" | "ITEM", name: string): Square.CatalogObject[] {
    const ids = this.idsByName.get(nameKey(type, name)) ?? [];
    return [...ids].map((id) => this.byId.get(id)!);
  }

  remember(object: Square.CatalogObject): void {
    if (!object.id) return;
    this.forget(object.id);
    if (object.isDeleted) return;
    this.byId.set(object.id, essentialsOf(object));
    const key = nameKeyOf(object);
    if (!key) return;
    const ids = this.idsByName.get(key) ?? new Set<string>();
    ids.add(object.id);
    this.idsByName.set(key, ids);
  }

  forget(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.byId.delete(id);
    const key = nameKeyOf(previous);
    const ids = key ? this.idsByName.get(key) : undefined;
    ids?.delete(id);
    if (ids && !ids.size) this.idsByName.delete(key!);
  }

  /** How long ago the snapshot last heard from Square about writes made by anyone else. */
  get ageMs(): number {
    return Date.now() - this.caughtUpAt;
  }

  /**
   * Reads what changed since the snapshot was taken, deletions included (one search call while
   * fewer than 1000 objects changed), so a create can see a same-named object that another
   * process wrote after this run's checks.
   */
  async catchUp(api: SquareCatalogApi): Promise<void> {
    const startedAt = Date.now();
    const { objects, latestTime } = await api.searchAll(TRACKED_TYPES, this.latestTime, true);
    for (const object of objects) this.remember(object);
    this.latestTime = latestTime ?? this.latestTime;
    this.caughtUpAt = startedAt;
  }
}

function nameKey(type: string, name: string): string {
  return `${type}|${normalizeName(name)}`;
}

/** The index key of a category or item; other types are kept by ID only. */
function nameKeyOf(object: Square.CatalogObject): string | undefined {
  return object.type === "CATEGORY" || object.type === "ITEM" ? nameKey(object.type, nameOf(object)) : undefined;
}

/**
 * The fields the provider reads from a snapshot object (names, versions, the declared fields
 * refresh compares, variation IDs), copied out of the SDK's object. The SDK's objects carry
 * every field Square sends; kept whole, 5,000 items held about 6 KB each in the provider, and
 * Node lets its heap grow to a multiple of what is live before it collects.
 */
function essentialsOf(object: Square.CatalogObject): Square.CatalogObject {
  const common = {
    id: object.id!,
    version: object.version,
    updatedAt: object.updatedAt,
    isDeleted: object.isDeleted,
    presentAtAllLocations: object.presentAtAllLocations,
    presentAtLocationIds: object.presentAtLocationIds,
  };
  if (object.type === "CATEGORY") {
    return { ...common, type: "CATEGORY", categoryData: { name: object.categoryData?.name } };
  }
  if (object.type === "ITEM") {
    const item = object.itemData;
    return {
      ...common,
      type: "ITEM",
      itemData: item && {
        name: item.name,
        description: item.description,
        categories: item.categories?.map((category) => ({ id: category.id })),
        categoryId: item.categoryId,
        variations: item.variations?.map((variation) =>
          variation.type === "ITEM_VARIATION"
            ? {
                type: "ITEM_VARIATION",
                id: variation.id!,
                version: variation.version,
                itemVariationData: {
                  name: variation.itemVariationData?.name,
                  priceMoney: variation.itemVariationData?.priceMoney,
                },
              }
            : variation,
        ),
      },
    };
  }
  return object;
}
