import { decodeCursor } from "../cursor";
import { badRequest } from "../errors";
import { DEFAULT_TOP_LEVEL_TYPES, isCatalogObjectType } from "../object-types";
import { collectPage } from "../pagination";
import { relatedObjects } from "../related-objects";
import { compileQuery } from "../search-query";
import { answer, Endpoint } from "./endpoint";
import { advisoryLimit, bodyObject, optionalBoolean, optionalStringArray } from "./request-fields";

/**
 * POST /v2/catalog/search. `limit` up to 1,000 (default 100; out-of-range values are ignored as
 * the field's description says), deleted objects only with `include_deleted_objects`,
 * `begin_time` exclusive on `updated_at`. Reads go through the lagging view: a search may not
 * see a write made moments before, as in production.
 */
export const SEARCH_MAX_LIMIT = 1000;
const SEARCH_DEFAULT_LIMIT = 100;

export const searchCatalogObjects: Endpoint = {
  method: "POST",
  path: "/v2/catalog/search",
  operationId: "SearchCatalogObjects",
  async handle({ account, body }) {
    const request = bodyObject(body);
    const types = objectTypes(optionalStringArray(request, "object_types"));
    const includeDeleted = optionalBoolean(request, "include_deleted_objects");
    const includeRelated = optionalBoolean(request, "include_related_objects");
    const beginTime = parseBeginTime(request.begin_time);
    const limit = advisoryLimit(request.limit, SEARCH_MAX_LIMIT, SEARCH_DEFAULT_LIMIT);
    const matches = compileQuery(request.query);
    const afterSeq = decodeCursor(request.cursor);
    const view = { kind: "lagged" as const, lagMs: account.faults.searchLagMs, now: Date.now() };

    const page = collectPage(account.store, view, afterSeq, limit, ({ object }) => {
      if (!types.has(object.type)) return false;
      if (object.is_deleted && !includeDeleted) return false;
      if (beginTime !== undefined && Date.parse(String(object.updated_at)) <= beginTime)
        return false;
      return matches(object);
    });
    return answer(200, {
      cursor: page.cursor,
      objects: page.objects,
      related_objects: includeRelated
        ? relatedObjects(account.store, page.objects, view)
        : undefined,
      latest_time: account.latestTime(),
    });
  },
};

function objectTypes(requested: string[] | undefined): ReadonlySet<string> {
  if (!requested || requested.length === 0) return DEFAULT_TOP_LEVEL_TYPES;
  requested.forEach((type, i) => {
    if (!isCatalogObjectType(type)) {
      throw badRequest("INVALID_ENUM_VALUE", `Unknown object type ${type}.`, `object_types[${i}]`);
    }
  });
  return new Set(requested);
}

function parseBeginTime(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw badRequest("INVALID_TIME", "begin_time must be an RFC 3339 timestamp.", "begin_time");
  }
  return parsed;
}
