import type { Square, SquareClient } from "square";

/** Square's largest search page and batch-retrieve size (GET /v2/catalog/info). */
const SEARCH_PAGE_LIMIT = 1000;
const RETRIEVE_LIMIT = 1000;

/**
 * Every live category and item of the account: one search call per 1000 objects, following the
 * cursor to the end. Deleted objects are left out (Square's default). Items come with their
 * variations nested.
 */
export async function readLiveCatalog(client: SquareClient): Promise<Square.CatalogObject[]> {
  const objects: Square.CatalogObject[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.catalog.search({
      objectTypes: ["CATEGORY", "ITEM"],
      limit: SEARCH_PAGE_LIMIT,
      cursor,
    });
    objects.push(...(page.objects ?? []));
    cursor = page.cursor || undefined;
  } while (cursor);
  return objects.filter((object) => !object.isDeleted);
}

/**
 * Objects by ID, deleted ones included, so a caller can tell "deleted in Square" from "never
 * existed" (Square leaves unknown IDs out of the answer).
 */
export async function retrieveByIds(
  client: SquareClient,
  ids: string[],
): Promise<Map<string, Square.CatalogObject>> {
  const found = new Map<string, Square.CatalogObject>();
  for (let start = 0; start < ids.length; start += RETRIEVE_LIMIT) {
    const answer = await client.catalog.batchGet({
      objectIds: ids.slice(start, start + RETRIEVE_LIMIT),
      includeDeletedObjects: true,
    });
    for (const object of answer.objects ?? []) if (object.id) found.set(object.id, object);
  }
  return found;
}

export function nameOf(object: Square.CatalogObject): string {
  if (object.type === "CATEGORY") return object.categoryData?.name ?? "";
  if (object.type === "ITEM") return object.itemData?.name ?? "";
  return "";
}
