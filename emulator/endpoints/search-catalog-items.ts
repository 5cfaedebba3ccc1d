import { decodeCursor } from "../cursor";
import { isRecord, JsonRecord } from "../json";
import { collectPage } from "../pagination";
import { CatalogObjectJson } from "../store";
import { answer, Endpoint } from "./endpoint";
import { advisoryLimit, bodyObject, optionalStringArray } from "./request-fields";

/**
 * POST /v2/catalog/search-catalog-items, the subset a catalog tool needs: `text_filter` (every
 * word of it must start a word of the item's name, description or abbreviation, or of a
 * variation's name, sku or upc), `category_ids` (an item in any of them), `limit` (default 100)
 * and `cursor`. Results are in creation order so cursors stay stable; `sort_order`, stock levels,
 * location, product type and custom attribute filters are not modelled and are ignored.
 */
const ITEMS_DEFAULT_LIMIT = 100;

export const searchCatalogItems: Endpoint = {
  method: "POST",
  path: "/v2/catalog/search-catalog-items",
  operationId: "SearchCatalogItems",
  async handle({ account, body }) {
    const request = bodyObject(body);
    const terms = typeof request.text_filter === "string" ? words(request.text_filter) : [];
    const categoryIds = new Set(optionalStringArray(request, "category_ids") ?? []);
    const limit = advisoryLimit(request.limit, ITEMS_DEFAULT_LIMIT, ITEMS_DEFAULT_LIMIT);
    const afterSeq = decodeCursor(request.cursor);
    const view = { kind: "lagged" as const, lagMs: account.faults.searchLagMs, now: Date.now() };

    const page = collectPage(account.store, view, afterSeq, limit, (revision) => {
      const object = revision.object;
      if (object.type !== "ITEM" || object.is_deleted) return false;
      if (categoryIds.size > 0 && !categoriesOf(object).some((id) => categoryIds.has(id)))
        return false;
      if (terms.length === 0) return true;
      if (matchesAll(terms, textOf(object.item_data, ["name", "description", "abbreviation"])))
        return true;
      return variationMatches(account.store.renderRevision(revision, view), terms).length > 0;
    });

    const matchedVariationIds = page.objects.flatMap((item) => variationMatches(item, terms));
    return answer(200, {
      items: page.objects,
      cursor: page.cursor,
      matched_variation_ids: matchedVariationIds,
    });
  },
};

function variationMatches(item: CatalogObjectJson, terms: string[]): string[] {
  if (terms.length === 0) return [];
  const variations = (item.item_data as JsonRecord | undefined)?.variations;
  if (!Array.isArray(variations)) return [];
  return variations
    .filter((v: CatalogObjectJson) =>
      matchesAll(terms, textOf(v.item_variation_data, ["name", "sku", "upc"])),
    )
    .map((v: CatalogObjectJson) => v.id);
}

function categoriesOf(item: CatalogObjectJson): string[] {
  const data = item.item_data as JsonRecord | undefined;
  const ids: unknown[] = [data?.category_id];
  if (Array.isArray(data?.categories))
    ids.push(...data.categories.map((c) => (isRecord(c) ? c.id : undefined)));
  return ids.filter((id): id is string => typeof id === "string");
}

function textOf(data: unknown, attributes: string[]): string[] {
  if (!isRecord(data)) return [];
  return attributes.flatMap((a) => (typeof data[a] === "string" ? words(data[a] as string) : []));
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function matchesAll(terms: string[], candidates: string[]): boolean {
  return terms.every((term) => candidates.some((word) => word.startsWith(term)));
}
