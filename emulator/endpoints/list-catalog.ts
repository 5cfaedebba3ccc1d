import { decodeCursor } from "../cursor";
import { badRequest } from "../errors";
import { DEFAULT_TOP_LEVEL_TYPES, isCatalogObjectType } from "../object-types";
import { collectPage } from "../pagination";
import { answer, Endpoint } from "./endpoint";

/**
 * GET /v2/catalog/list. Pages of 100 ("The page size is currently set to be 100"); `types` is a
 * case-insensitive comma-separated list, and without it only top-level types are listed, so
 * variations are not (they arrive nested in their items). ListCatalog never returns deleted
 * objects (its description sends callers to SearchCatalogObjects for those), so an
 * `include_deleted_objects` query parameter changes nothing here.
 */
export const LIST_PAGE_SIZE = 100;

export const listCatalog: Endpoint = {
  method: "GET",
  path: "/v2/catalog/list",
  operationId: "ListCatalog",
  async handle({ account, query }) {
    const types = parseTypes(query.get("types"));
    const afterSeq = decodeCursor(query.get("cursor"));
    const view = { kind: "lagged" as const, lagMs: account.faults.searchLagMs, now: Date.now() };

    const page = collectPage(account.store, view, afterSeq, LIST_PAGE_SIZE, (revision) => {
      return !revision.object.is_deleted && types.has(revision.object.type);
    });
    return answer(200, { cursor: page.cursor, objects: page.objects });
  },
};

function parseTypes(raw: string | null): ReadonlySet<string> {
  if (raw === null || raw.trim() === "") return DEFAULT_TOP_LEVEL_TYPES;
  const types = raw
    .split(",")
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  for (const type of types) {
    if (!isCatalogObjectType(type))
      throw badRequest("INVALID_ENUM_VALUE", `Unknown object type ${type}.`, "types");
  }
  return new Set(types);
}
