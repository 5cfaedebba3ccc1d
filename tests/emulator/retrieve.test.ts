import { SquareError } from "square";

import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

async function seed() {
  const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
    idempotency_key: freshKey(),
    batches: [
      {
        objects: [
          wireCategory("#c", "Wraps"),
          wireItem("#i", "Chicken Wrap", { categoryId: "#c" }),
        ],
      },
    ],
  });
  const ids = Object.fromEntries(
    answer.body.id_mappings.map((m: { client_object_id: string; object_id: string }) => [
      m.client_object_id,
      m.object_id,
    ]),
  );
  return {
    categoryId: ids["#c"] as string,
    itemId: ids["#i"] as string,
    variationId: ids["#i-regular"] as string,
  };
}

describe("retrieving by ID", () => {
  test("an unknown ID answers 404 NOT_FOUND", async () => {
    const error = await t.client.catalog.object.get({ objectId: "NOSUCHOBJECTAAAAAAAAAAAA" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SquareError);
    expect((error as SquareError).statusCode).toBe(404);
    expect((error as SquareError).errors[0]).toMatchObject({
      category: "INVALID_REQUEST_ERROR",
      code: "NOT_FOUND",
    });
  });

  test("include_related_objects returns an item's categories", async () => {
    const { categoryId, itemId } = await seed();
    const answer = await t.call("GET", `/v2/catalog/object/${itemId}?include_related_objects=true`);
    expect(answer.body.object.id).toBe(itemId);
    expect(answer.body.related_objects.map((o: { id: string }) => o.id)).toEqual([categoryId]);
    const without = await t.call("GET", `/v2/catalog/object/${itemId}`);
    expect(without.body.related_objects).toBeUndefined();
  });

  test("a variation is addressable by its own ID, with its item as related object", async () => {
    const { itemId, variationId } = await seed();
    const { object, relatedObjects } = await t.client.catalog.object.get({
      objectId: variationId,
      includeRelatedObjects: true,
    });
    expect(object?.type).toBe("ITEM_VARIATION");
    expect(relatedObjects?.map((o) => o.id)).toEqual([itemId]);
  });

  test("batch-retrieve returns the known IDs, skips unknown ones, and adds related objects on request", async () => {
    const { categoryId, itemId, variationId } = await seed();
    const { objects, relatedObjects } = await t.client.catalog.batchGet({
      objectIds: [itemId, "NOSUCHOBJECTAAAAAAAAAAAA", variationId],
      includeRelatedObjects: true,
    });
    expect(objects?.map((o) => o.id)).toEqual([itemId, variationId]);
    expect(relatedObjects?.map((o) => o.id)).toEqual([categoryId]);
  });
});
