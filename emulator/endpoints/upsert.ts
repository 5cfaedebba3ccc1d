import { SellerAccount } from "../account";
import { BatchOutcome, IdMapping, upsertBatch, WriteStamp } from "../catalog-upsert";
import { badRequest, SquareApiError, SquareErrorJson } from "../errors";
import { IDEMPOTENCY_KEY_MAX_LENGTH, requestFingerprint } from "../idempotency";
import { isRecord, JsonRecord } from "../json";
import { CatalogObjectJson } from "../store";
import { answer, Endpoint, EndpointAnswer } from "./endpoint";
import { bodyObject } from "./request-fields";

/**
 * POST /v2/catalog/object and POST /v2/catalog/batch-upsert.
 *
 * Batch upsert follows BatchUpsertCatalogObjectsRequest.batches: each batch is all-or-nothing,
 * "an error in one batch will not affect other batches within the same request". When a batch
 * fails the answer is 400 with the errors of every failed batch; if other batches were written,
 * that 400 also carries their `objects` and `id_mappings` (and is remembered for the idempotency
 * key, because a write happened). Over-limit requests (more than 1,000 objects in a batch, or
 * more than 10,000 in all, counting nested variations) write nothing at all.
 */
export const BATCH_MAX_OBJECTS = 1000;
export const REQUEST_MAX_OBJECTS = 10000;

export const upsertCatalogObject: Endpoint = {
  method: "POST",
  path: "/v2/catalog/object",
  operationId: "UpsertCatalogObject",
  async handle({ account, body }) {
    const request = bodyObject(body);
    const key = idempotencyKey(request);
    if (!isRecord(request.object)) {
      throw badRequest("MISSING_REQUIRED_PARAMETER", "object is required.", "object");
    }
    const object = request.object;

    return writeOnce(account, "UpsertCatalogObject", key, request, (stamp) => {
      const outcome = upsertBatch(account.store, [object], () => "object", stamp);
      return answer(
        200,
        { catalog_object: outcome.objects[0], id_mappings: outcome.idMappings },
        true,
      );
    });
  },
};

export const batchUpsertCatalogObjects: Endpoint = {
  method: "POST",
  path: "/v2/catalog/batch-upsert",
  operationId: "BatchUpsertCatalogObjects",
  async handle({ account, body }) {
    const request = bodyObject(body);
    const key = idempotencyKey(request);
    const batches = checkBatches(request.batches);

    return writeOnce(account, "BatchUpsertCatalogObjects", key, request, (stamp) => {
      const written: BatchOutcome[] = [];
      const errors: SquareErrorJson[] = [];
      batches.forEach((objects, b) => {
        try {
          written.push(
            upsertBatch(account.store, objects, (i) => `batches[${b}].objects[${i}]`, stamp),
          );
        } catch (error) {
          if (!(error instanceof SquareApiError)) throw error;
          errors.push(...error.errors);
        }
      });

      if (errors.length > 0 && written.length === 0) throw new SquareApiError(400, errors);
      const objects: CatalogObjectJson[] = written.flatMap((w) => w.objects);
      const idMappings: IdMapping[] = written.flatMap((w) => w.idMappings);
      return answer(
        errors.length > 0 ? 400 : 200,
        { errors, objects, updated_at: new Date(stamp.now).toISOString(), id_mappings: idMappings },
        true,
      );
    });
  },
};

/**
 * Replays the remembered answer for a known key and request, else performs the write under the
 * account's update lock and remembers its answer if it changed the catalog.
 */
async function writeOnce(
  account: SellerAccount,
  operationId: string,
  key: string,
  request: JsonRecord,
  apply: (stamp: WriteStamp) => EndpointAnswer,
): Promise<EndpointAnswer> {
  const fingerprint = requestFingerprint(operationId, request);
  const remembered = account.idempotency.lookup(key, fingerprint);
  if (remembered) return { status: remembered.status, body: remembered.body, committed: false };

  return account.performWrite("update", (stamp) => {
    const result = apply(stamp);
    if (result.committed)
      account.idempotency.remember(key, fingerprint, result.status, result.body);
    return result;
  });
}

function idempotencyKey(request: JsonRecord): string {
  const key = request.idempotency_key;
  if (key === undefined || key === null) {
    throw badRequest(
      "MISSING_REQUIRED_PARAMETER",
      "idempotency_key is required.",
      "idempotency_key",
    );
  }
  if (typeof key !== "string")
    throw badRequest("EXPECTED_STRING", "Expected a string.", "idempotency_key");
  if (key.length === 0)
    throw badRequest("VALUE_TOO_SHORT", "idempotency_key must not be empty.", "idempotency_key");
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw badRequest(
      "VALUE_TOO_LONG",
      `idempotency_key must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters long, found ${key.length}.`,
      "idempotency_key",
    );
  }
  return key;
}

/**
 * The size limits of BatchUpsertCatalogObjectsRequest. Square's reference does not name the error
 * code; ARRAY_LENGTH_TOO_LONG is the ErrorCode documented as "The provided array has too many
 * elements", so the emulator uses it, with the offending field.
 */
function checkBatches(value: unknown): unknown[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest(
      "MISSING_REQUIRED_PARAMETER",
      "batches must contain at least one batch.",
      "batches",
    );
  }
  let total = 0;
  const batches = value.map((batch, b) => {
    const objects = isRecord(batch) ? batch.objects : undefined;
    if (!Array.isArray(objects) || objects.length === 0) {
      throw badRequest(
        "ARRAY_EMPTY",
        "Each batch needs at least one object.",
        `batches[${b}].objects`,
      );
    }
    if (objects.length > BATCH_MAX_OBJECTS) {
      throw badRequest(
        "ARRAY_LENGTH_TOO_LONG",
        `A batch may contain at most ${BATCH_MAX_OBJECTS} objects, found ${objects.length}.`,
        `batches[${b}].objects`,
      );
    }
    total += objects.reduce<number>((sum, o) => sum + 1 + nestedVariationCount(o), 0);
    return objects as unknown[];
  });
  if (total > REQUEST_MAX_OBJECTS) {
    throw badRequest(
      "ARRAY_LENGTH_TOO_LONG",
      `A request may upsert at most ${REQUEST_MAX_OBJECTS} objects in all batches (nested variations ` +
        `count), found ${total}.`,
      "batches",
    );
  }
  return batches;
}

function nestedVariationCount(object: unknown): number {
  if (!isRecord(object) || !isRecord(object.item_data)) return 0;
  const variations = object.item_data.variations;
  return Array.isArray(variations) ? variations.length : 0;
}
