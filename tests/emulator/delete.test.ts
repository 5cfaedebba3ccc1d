import { freshKey, sdkCategory, sdkItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

async function createItem(name: string) {
  const { catalogObject } = await t.client.catalog.object.upsert({
    idempotencyKey: freshKey(),
    object: sdkItem("#i", name, { variationIds: ["#v1", "#v2"] }),
  });
  if (catalogObject?.type !== "ITEM") throw new Error("expected an item");
  return {
    itemId: catalogObject.id,
    variationIds: (catalogObject.itemData?.variations ?? []).map((v) => v.id as string),
  };
}

describe("deleting", () => {
  test("deleting an item deletes its variations, and deleted_object_ids lists both", async () => {
    const { itemId, variationIds } = await createItem("Wrap");
    const { deletedObjectIds, deletedAt } = await t.client.catalog.object.delete({
      objectId: itemId,
    });
    expect(new Set(deletedObjectIds)).toEqual(new Set([itemId, ...variationIds]));
    expect(Date.parse(deletedAt ?? "")).not.toBeNaN();
    for (const id of [itemId, ...variationIds])
      expect((await t.call("GET", `/v2/catalog/object/${id}`)).status).toBe(404);
  });

  test("batch delete succeeds partially and lists only what it deleted", async () => {
    const { itemId, variationIds } = await createItem("Wrap");
    const { catalogObject: category } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkCategory("#c", "Wraps"),
    });
    await t.client.catalog.object.delete({ objectId: category!.id as string });

    const { deletedObjectIds } = await t.client.catalog.batchDelete({
      objectIds: [itemId, "NOSUCHOBJECTAAAAAAAAAAAA", category!.id as string],
    });
    expect(new Set(deletedObjectIds)).toEqual(new Set([itemId, ...variationIds]));
  });

  test("deleting an unknown ID on the single endpoint answers 404 NOT_FOUND", async () => {
    const answer = await t.call("DELETE", "/v2/catalog/object/NOSUCHOBJECTAAAAAAAAAAAA");
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0]).toMatchObject({
      category: "INVALID_REQUEST_ERROR",
      code: "NOT_FOUND",
    });
  });

  test("deleted objects vanish from list and search unless include_deleted_objects", async () => {
    const { itemId } = await createItem("Wrap");
    const { catalogObject: kept } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkCategory("#c", "Kept"),
    });
    await t.client.catalog.object.delete({ objectId: itemId });

    const listed: string[] = [];
    for await (const object of await t.client.catalog.list()) listed.push(object.id as string);
    expect(listed).toEqual([kept!.id]);

    const search = await t.call("POST", "/v2/catalog/search", {
      object_types: ["ITEM", "CATEGORY"],
    });
    expect(search.body.objects.map((o: { id: string }) => o.id)).toEqual([kept!.id]);

    const withDeleted = await t.call("POST", "/v2/catalog/search", {
      object_types: ["ITEM"],
      include_deleted_objects: true,
    });
    expect(withDeleted.body.objects).toEqual([
      expect.objectContaining({ id: itemId, is_deleted: true }),
    ]);
    expect(withDeleted.body.objects[0].version).toBeGreaterThan(0);
  });

  test("deleting one variation removes it from its item", async () => {
    const { itemId, variationIds } = await createItem("Wrap");
    await t.client.catalog.object.delete({ objectId: variationIds[1] });
    const { object } = await t.client.catalog.object.get({ objectId: itemId });
    const remaining =
      object?.type === "ITEM" ? (object.itemData?.variations ?? []).map((v) => v.id) : [];
    expect(remaining).toEqual([variationIds[0]]);
  });

  test("a deleted object cannot be updated any more", async () => {
    const { catalogObject } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkCategory("#c", "Old"),
    });
    await t.client.catalog.object.delete({ objectId: catalogObject!.id as string });
    const answer = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: {
        type: "CATEGORY",
        id: catalogObject!.id,
        version: Number(catalogObject!.version),
        category_data: { name: "New" },
      },
    });
    expect(answer.status).toBe(400);
  });
});
