import { badRequest, notFound } from "../errors";
import { relatedObjects } from "../related-objects";
import { CatalogObjectJson, CURRENT_VIEW } from "../store";
import { answer, Endpoint } from "./endpoint";
import { bodyObject, optionalBoolean, requiredStringArray } from "./request-fields";

/**
 * Retrieval by ID reads the current state (no search lag). An unknown ID, or a deleted object,
 * answers 404 NOT_FOUND on the single endpoint; the batch endpoint simply leaves such IDs out
 * (and returns deleted ones only with `include_deleted_objects`). `catalog_version` (historical
 * reads) is not modelled and is ignored.
 */
export const BATCH_RETRIEVE_MAX_IDS = 1000;

export const retrieveCatalogObject: Endpoint = {
  method: "GET",
  path: "/v2/catalog/object/:object_id",
  operationId: "RetrieveCatalogObject",
  async handle({ account, params, query }) {
    const includeRelated = queryBoolean(
      query.get("include_related_objects"),
      "include_related_objects",
    );
    const object = account.store.render(params.object_id, CURRENT_VIEW);
    if (!object || object.is_deleted) {
      throw notFound(`Catalog object with ID \`${params.object_id}\` was not found.`, "object_id");
    }
    return answer(200, {
      object,
      related_objects: includeRelated
        ? relatedObjects(account.store, [object], CURRENT_VIEW)
        : undefined,
    });
  },
};

export const batchRetrieveCatalogObjects: Endpoint = {
  method: "POST",
  path: "/v2/catalog/batch-retrieve",
  operationId: "BatchRetrieveCatalogObjects",
  async handle({ account, body }) {
    const request = bodyObject(body);
    const ids = requiredStringArray(request, "object_ids", BATCH_RETRIEVE_MAX_IDS);
    const includeRelated = optionalBoolean(request, "include_related_objects");
    const includeDeleted = optionalBoolean(request, "include_deleted_objects");

    const objects: CatalogObjectJson[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const object = account.store.render(id, CURRENT_VIEW);
      if (object && (includeDeleted || !object.is_deleted)) objects.push(object);
    }
    return answer(200, {
      objects,
      related_objects: includeRelated
        ? relatedObjects(account.store, objects, CURRENT_VIEW)
        : undefined,
    });
  },
};

function queryBoolean(value: string | null, field: string): boolean {
  if (value === null || value === "") return false;
  if (value === "true") return true;
  if (value === "false") return false;
  throw badRequest("EXPECTED_BOOLEAN", "Expected true or false.", field);
}
