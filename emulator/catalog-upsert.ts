import { checkCategoryData, checkItemData, checkVariationData } from "./catalog-rules";
import { invalidRequest, SquareApiError, SquareErrorJson } from "./errors";
import { isTemporaryId, newSquareId } from "./ids";
import { isRecord, JsonRecord } from "./json";
import { dataFieldOf, isCatalogObjectType } from "./object-types";
import { CatalogObjectJson, CatalogStore, CURRENT_VIEW } from "./store";

/**
 * Applies one atomic batch of upserts, the unit Square commits all-or-nothing: every object of
 * the batch is checked first, and only if none has a problem is anything written.
 *
 * `#` IDs are resolved within the batch only: BatchUpsertCatalogObjectsRequest.batches says
 * "Any `#`-prefixed IDs are valid only within a single atomic batch", so a reference to a
 * temporary ID of another batch is an error here as it is in Square.
 */

export interface IdMapping {
  client_object_id: string;
  object_id: string;
}

export interface BatchOutcome {
  objects: CatalogObjectJson[];
  idMappings: IdMapping[];
}

export interface WriteStamp {
  version: number;
  /** Epoch ms of the write. */
  now: number;
}

/** One object of the batch, top-level or nested in an item's `variations`. */
interface Entry {
  raw: JsonRecord;
  path: string;
  type: string;
  clientId: string;
  /** The index of the item entry this variation is nested in. */
  parent?: number;
}

const VERSION_MISMATCH_DETAIL = "Object version does not match latest database version.";

export function upsertBatch(
  store: CatalogStore,
  objects: unknown[],
  pathOf: (index: number) => string,
  stamp: WriteStamp,
): BatchOutcome {
  const errors: SquareErrorJson[] = [];
  const entries = flatten(objects, pathOf, errors);
  const resolved = assignIds(entries, errors);
  const resolver = new ReferenceResolver(store, entries, resolved);

  entries.forEach((entry, index) => errors.push(...checkEntry(store, entries, index, resolver)));
  if (errors.length > 0) throw new SquareApiError(400, errors);

  return commit(store, entries, resolved, resolver, stamp);
}

function flatten(
  objects: unknown[],
  pathOf: (index: number) => string,
  errors: SquareErrorJson[],
): Entry[] {
  const entries: Entry[] = [];
  objects.forEach((raw, i) => {
    const entry = toEntry(raw, pathOf(i), errors);
    if (!entry) return;
    entries.push(entry);
    if (entry.type !== "ITEM" || !isRecord(entry.raw.item_data)) return;

    const parent = entries.length - 1;
    const variations = entry.raw.item_data.variations;
    if (!Array.isArray(variations)) return;
    variations.forEach((nested, j) => {
      const child = toEntry(nested, `${entry.path}.item_data.variations[${j}]`, errors);
      if (!child) return;
      if (child.type !== "ITEM_VARIATION") {
        errors.push(
          invalidRequest("INVALID_VALUE", "Expected an ITEM_VARIATION.", `${child.path}.type`),
        );
        return;
      }
      entries.push({ ...child, parent });
    });
  });
  return entries;
}

function toEntry(raw: unknown, path: string, errors: SquareErrorJson[]): Entry | undefined {
  if (!isRecord(raw)) {
    errors.push(invalidRequest("EXPECTED_OBJECT", "Expected a CatalogObject.", path));
    return undefined;
  }
  if (typeof raw.id !== "string" || raw.id === "") {
    errors.push(
      invalidRequest("MISSING_REQUIRED_PARAMETER", "Every object needs an id.", `${path}.id`),
    );
    return undefined;
  }
  if (!isCatalogObjectType(raw.type)) {
    errors.push(
      invalidRequest(
        "INVALID_ENUM_VALUE",
        `Unknown object type ${JSON.stringify(raw.type)}.`,
        `${path}.type`,
      ),
    );
    return undefined;
  }
  return { raw, path, type: raw.type, clientId: raw.id };
}

/** Maps every ID of the batch to the ID it will have: new server IDs for `#` IDs. */
function assignIds(entries: Entry[], errors: SquareErrorJson[]): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const entry of entries) {
    if (resolved.has(entry.clientId)) {
      errors.push(
        invalidRequest(
          "INVALID_VALUE",
          `The id ${entry.clientId} appears twice in one batch.`,
          `${entry.path}.id`,
        ),
      );
      continue;
    }
    resolved.set(entry.clientId, isTemporaryId(entry.clientId) ? newSquareId() : entry.clientId);
  }
  return resolved;
}

/** Turns an ID written in the request into a stored object's ID, checking what it names. */
class ReferenceResolver {
  private typeOfBatchId = new Map<string, string>();

  constructor(
    private readonly store: CatalogStore,
    entries: Entry[],
    private readonly resolved: Map<string, string>,
  ) {
    for (const entry of entries) this.typeOfBatchId.set(entry.clientId, entry.type);
  }

  /** The final ID, or an error saying why `ref` does not name a live object of `expectedType`. */
  resolve(ref: unknown, expectedType: string, field: string): string | SquareErrorJson {
    if (typeof ref !== "string" || ref === "") {
      return invalidRequest("EXPECTED_STRING", "Expected an object ID.", field);
    }
    const inBatch = this.typeOfBatchId.get(ref);
    if (inBatch !== undefined) {
      if (inBatch !== expectedType) return wrongType(ref, expectedType, inBatch, field);
      return this.resolved.get(ref) as string;
    }
    if (isTemporaryId(ref)) {
      return invalidRequest(
        "INVALID_VALUE",
        `The temporary id ${ref} is not defined in this batch; temporary ids are valid only within ` +
          "the batch that creates the object.",
        field,
      );
    }
    const target = this.store.current(ref);
    if (!target)
      return invalidRequest("INVALID_VALUE", `No ${expectedType} with id ${ref} exists.`, field);
    if (target.object.is_deleted) {
      return invalidRequest("INVALID_VALUE", `The ${expectedType} ${ref} has been deleted.`, field);
    }
    if (target.object.type !== expectedType)
      return wrongType(ref, expectedType, target.object.type, field);
    return ref;
  }
}

function wrongType(ref: string, expected: string, found: string, field: string): SquareErrorJson {
  return invalidRequest("INVALID_VALUE", `${ref} is a ${found}, expected a ${expected}.`, field);
}

function checkEntry(
  store: CatalogStore,
  entries: Entry[],
  index: number,
  resolver: ReferenceResolver,
): SquareErrorJson[] {
  const entry = entries[index];
  const errors: SquareErrorJson[] = [];

  if (entry.raw.is_deleted === true) {
    errors.push(
      invalidRequest(
        "INVALID_VALUE",
        "is_deleted must not be true in an upsert.",
        `${entry.path}.is_deleted`,
      ),
    );
  }
  errors.push(...checkExistence(store, entry));

  const dataField = dataFieldOf(entry.type);
  const data = entry.raw[dataField];
  const modelled =
    entry.type === "ITEM" || entry.type === "CATEGORY" || entry.type === "ITEM_VARIATION";
  if (modelled && !isRecord(data)) {
    errors.push(
      invalidRequest(
        "MISSING_REQUIRED_PARAMETER",
        `A ${entry.type} needs ${dataField}.`,
        `${entry.path}.${dataField}`,
      ),
    );
    return errors;
  }

  if (entry.type === "CATEGORY") errors.push(...checkCategoryData(data as JsonRecord, entry.path));
  if (entry.type === "ITEM") errors.push(...checkItem(data as JsonRecord, entry, resolver));
  if (entry.type === "ITEM_VARIATION") {
    errors.push(...checkVariationData(data as JsonRecord, entry.path));
    errors.push(...checkVariationParent(store, entries, entry, resolver));
  }
  return errors;
}

/**
 * A real (non-`#`) ID must name a live object of the same type, at the version the client last
 * saw. Square answers an unknown real ID with 400 (not 404): the emulator uses INVALID_VALUE, the
 * code Square's error reference gives for "the provided value is invalid".
 */
function checkExistence(store: CatalogStore, entry: Entry): SquareErrorJson[] {
  if (isTemporaryId(entry.clientId)) return [];
  const existing = store.current(entry.clientId);
  const idField = `${entry.path}.id`;
  if (!existing) {
    return [
      invalidRequest(
        "INVALID_VALUE",
        `No catalog object with id ${entry.clientId} exists. To create an object, give it an id starting with #.`,
        idField,
      ),
    ];
  }
  if (existing.object.is_deleted) {
    return [
      invalidRequest("INVALID_VALUE", `The object ${entry.clientId} has been deleted.`, idField),
    ];
  }
  if (existing.object.type !== entry.type) {
    return [wrongType(entry.clientId, entry.type, existing.object.type, `${entry.path}.type`)];
  }
  if (entry.raw.version !== existing.object.version) {
    return [invalidRequest("VERSION_MISMATCH", VERSION_MISMATCH_DETAIL, `${entry.path}.version`)];
  }
  return [];
}

function checkItem(data: JsonRecord, entry: Entry, resolver: ReferenceResolver): SquareErrorJson[] {
  const errors = checkItemData(data, entry.path);
  const field = `${entry.path}.item_data`;
  for (const [ref, refField] of categoryReferences(data, field)) {
    const result = resolver.resolve(ref, "CATEGORY", refField);
    if (typeof result !== "string") errors.push(result);
  }
  return errors;
}

/** Every place an item names a category: `categories[].id`, the deprecated `category_id`, `reporting_category`. */
function categoryReferences(data: JsonRecord, field: string): [unknown, string][] {
  const refs: [unknown, string][] = [];
  if (data.category_id !== undefined && data.category_id !== null)
    refs.push([data.category_id, `${field}.category_id`]);
  if (Array.isArray(data.categories)) {
    data.categories.forEach((c, i) =>
      refs.push([isRecord(c) ? c.id : undefined, `${field}.categories[${i}].id`]),
    );
  }
  if (isRecord(data.reporting_category) && data.reporting_category.id !== undefined) {
    refs.push([data.reporting_category.id, `${field}.reporting_category.id`]);
  }
  return refs;
}

/** A variation belongs to exactly one item and cannot move to another. */
function checkVariationParent(
  store: CatalogStore,
  entries: Entry[],
  entry: Entry,
  resolver: ReferenceResolver,
): SquareErrorJson[] {
  const data = entry.raw.item_variation_data as JsonRecord;
  const field = `${entry.path}.item_variation_data.item_id`;
  let parentId: string;

  if (entry.parent !== undefined) {
    const parent = entries[entry.parent];
    const expected = resolver.resolve(parent.clientId, "ITEM", field);
    if (typeof expected !== "string") return [];
    if (
      data.item_id !== undefined &&
      data.item_id !== parent.clientId &&
      data.item_id !== expected
    ) {
      return [
        invalidRequest(
          "INVALID_VALUE",
          "A nested variation's item_id must name the item it is nested in.",
          field,
        ),
      ];
    }
    parentId = expected;
  } else {
    if (data.item_id === undefined) {
      return [invalidRequest("MISSING_REQUIRED_PARAMETER", "A variation needs an item_id.", field)];
    }
    const result = resolver.resolve(data.item_id, "ITEM", field);
    if (typeof result !== "string") return [result];
    parentId = result;
  }

  const existing = isTemporaryId(entry.clientId) ? undefined : store.live(entry.clientId);
  const storedParent = (existing?.object.item_variation_data as JsonRecord | undefined)?.item_id;
  if (storedParent !== undefined && storedParent !== parentId) {
    return [
      invalidRequest(
        "INVALID_VALUE",
        `The variation ${entry.clientId} belongs to item ${String(storedParent)}.`,
        field,
      ),
    ];
  }
  return [];
}

function commit(
  store: CatalogStore,
  entries: Entry[],
  resolved: Map<string, string>,
  resolver: ReferenceResolver,
  stamp: WriteStamp,
): BatchOutcome {
  const updatedAt = new Date(stamp.now).toISOString();
  const finalId = (clientId: string) => resolved.get(clientId) as string;
  const finalObjects = entries.map((entry) =>
    stampObject(entry, finalId(entry.clientId), stamp.version, updatedAt),
  );

  const variationIdsOf = new Map<number, string[]>();
  entries.forEach((entry, index) => {
    if (entry.type === "ITEM") variationIdsOf.set(index, []);
    if (entry.parent !== undefined) variationIdsOf.get(entry.parent)?.push(finalId(entry.clientId));
  });

  entries.forEach((entry, index) => {
    const object = finalObjects[index];
    if (entry.type === "ITEM") resolveItemReferences(object, resolver, entry.path);
    if (entry.type === "ITEM_VARIATION") {
      const parentId =
        entry.parent !== undefined
          ? finalId(entries[entry.parent].clientId)
          : (resolver.resolve(
              (entry.raw.item_variation_data as JsonRecord).item_id,
              "ITEM",
              "",
            ) as string);
      (object.item_variation_data as JsonRecord).item_id = parentId;
    }
  });

  const standaloneVariationsByItem = new Map<string, string[]>();
  entries.forEach((entry, index) => {
    if (entry.type !== "ITEM_VARIATION" || entry.parent !== undefined) return;
    const itemId = (finalObjects[index].item_variation_data as JsonRecord).item_id as string;
    const list = standaloneVariationsByItem.get(itemId) ?? [];
    list.push(finalObjects[index].id);
    standaloneVariationsByItem.set(itemId, list);
  });

  entries.forEach((entry, index) => {
    const object = finalObjects[index];
    if (entry.type !== "ITEM") {
      store.write(object, stamp.now);
      return;
    }
    const variationIds = variationIdsOf.get(index) as string[];
    for (const extra of standaloneVariationsByItem.get(object.id) ?? []) {
      if (!variationIds.includes(extra)) variationIds.push(extra);
    }
    standaloneVariationsByItem.delete(object.id);
    deleteOmittedVariations(store, object.id, variationIds, stamp, updatedAt);
    store.write(object, stamp.now, variationIds);
  });

  // Variations upserted on their own join an item that is not part of this batch.
  for (const [itemId, added] of standaloneVariationsByItem) {
    const item = store.live(itemId);
    if (!item) continue;
    const variationIds = [...(item.variationIds ?? [])];
    const joining = added.filter((id) => !variationIds.includes(id));
    if (joining.length === 0) continue;
    variationIds.push(...joining);
    const object = {
      ...structuredClone(item.object),
      version: stamp.version,
      updated_at: updatedAt,
    };
    store.write(object, stamp.now, variationIds);
  }

  const topLevel = entries.flatMap((entry, index) =>
    entry.parent === undefined ? [finalObjects[index].id] : [],
  );
  const idMappings = entries
    .filter((entry) => isTemporaryId(entry.clientId))
    .map((entry) => ({ client_object_id: entry.clientId, object_id: finalId(entry.clientId) }));
  return {
    objects: topLevel.map((id) => store.render(id, CURRENT_VIEW) as CatalogObjectJson),
    idMappings,
  };
}

/**
 * The stored form of an object: the server owns `version`, `updated_at` and `is_deleted`;
 * `present_at_all_locations` defaults to true as CatalogObject documents; nested variations are
 * kept as objects of their own.
 */
function stampObject(
  entry: Entry,
  id: string,
  version: number,
  updatedAt: string,
): CatalogObjectJson {
  const object = structuredClone(entry.raw) as CatalogObjectJson;
  object.id = id;
  object.type = entry.type;
  object.version = version;
  object.updated_at = updatedAt;
  object.is_deleted = false;
  if (object.present_at_all_locations === undefined) object.present_at_all_locations = true;
  if (entry.type === "ITEM") delete (object.item_data as JsonRecord).variations;
  return object;
}

function resolveItemReferences(
  object: CatalogObjectJson,
  resolver: ReferenceResolver,
  path: string,
): void {
  const data = object.item_data as JsonRecord;
  const resolve = (ref: unknown) => resolver.resolve(ref, "CATEGORY", path) as string;
  if (typeof data.category_id === "string") data.category_id = resolve(data.category_id);
  if (Array.isArray(data.categories)) {
    data.categories = data.categories.map((c) => ({
      ...(c as JsonRecord),
      id: resolve((c as JsonRecord).id),
    }));
  }
  if (isRecord(data.reporting_category) && data.reporting_category.id !== undefined) {
    data.reporting_category = {
      ...data.reporting_category,
      id: resolve(data.reporting_category.id),
    };
  }
}

/** An item update whose variation list leaves out an existing variation deletes that variation. */
function deleteOmittedVariations(
  store: CatalogStore,
  itemId: string,
  keptIds: string[],
  stamp: WriteStamp,
  updatedAt: string,
): void {
  const previous = store.live(itemId);
  for (const variationId of previous?.variationIds ?? []) {
    if (keptIds.includes(variationId)) continue;
    const variation = store.live(variationId);
    if (!variation) continue;
    store.write(
      {
        ...structuredClone(variation.object),
        version: stamp.version,
        updated_at: updatedAt,
        is_deleted: true,
      },
      stamp.now,
    );
  }
}
