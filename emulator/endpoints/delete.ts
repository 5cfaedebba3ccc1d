import { deleteCascading } from "../catalog-delete";
import { notFound } from "../errors";
import { answer, Endpoint } from "./endpoint";
import { bodyObject, requiredStringArray } from "./request-fields";

/**
 * DELETE /v2/catalog/object/{id} and POST /v2/catalog/batch-delete, both under the account's
 * delete lock. The single delete of an unknown or already deleted ID answers 404 NOT_FOUND;
 * batch delete "succeeds even if only a portion of the targeted IDs can be deleted" and lists
 * only what it deleted, cascades included.
 */
export const BATCH_DELETE_MAX_IDS = 200;

export const deleteCatalogObject: Endpoint = {
  method: "DELETE",
  path: "/v2/catalog/object/:object_id",
  operationId: "DeleteCatalogObject",
  async handle({ account, params }) {
    return account.performWrite("delete", (stamp) => {
      const deleted = deleteCascading(account.store, params.object_id, stamp);
      if (deleted.length === 0) {
        throw notFound(
          `Catalog object with ID \`${params.object_id}\` was not found.`,
          "object_id",
        );
      }
      return answer(
        200,
        { deleted_object_ids: deleted, deleted_at: new Date(stamp.now).toISOString() },
        true,
      );
    });
  },
};

export const batchDeleteCatalogObjects: Endpoint = {
  method: "POST",
  path: "/v2/catalog/batch-delete",
  operationId: "BatchDeleteCatalogObjects",
  async handle({ account, body }) {
    const ids = requiredStringArray(bodyObject(body), "object_ids", BATCH_DELETE_MAX_IDS);

    return account.performWrite("delete", (stamp) => {
      const deleted = ids.flatMap((id) => deleteCascading(account.store, id, stamp));
      return answer(
        200,
        { deleted_object_ids: deleted, deleted_at: new Date(stamp.now).toISOString() },
        deleted.length > 0,
      );
    });
  },
};
