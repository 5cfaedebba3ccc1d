import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

function upsert(object: unknown) {
  return t.call("POST", "/v2/catalog/object", { idempotency_key: freshKey(), object });
}

describe("object validation", () => {
  test("an item without any variation is rejected with 400 on item_data.variations", async () => {
    const answer = await upsert({
      type: "ITEM",
      id: "#i",
      item_data: { name: "Lonely", variations: [] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ code: "INVALID_VALUE", field: "object.item_data.variations" }),
    ]);
    const missing = await upsert({ type: "ITEM", id: "#i", item_data: { name: "Lonely" } });
    expect(missing.status).toBe(400);
  });

  test("a category name may have 255 code points, not 256 (emoji count as one)", async () => {
    expect((await upsert(wireCategory("#ok", "🌯".repeat(255)))).status).toBe(200);
    const tooLong = await upsert(wireCategory("#long", "a".repeat(256)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({
      code: "VALUE_TOO_LONG",
      field: "object.category_data.name",
    });
  });

  test("an item name may have 512 code points, not 513", async () => {
    expect((await upsert(wireItem("#ok", "b".repeat(512)))).status).toBe(200);
    const tooLong = await upsert(wireItem("#long", "b".repeat(513)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({
      code: "VALUE_TOO_LONG",
      field: "object.item_data.name",
    });
  });

  test("an item description may have 4096 code points, not 4097", async () => {
    expect((await upsert(wireItem("#ok", "Wrap", { description: "d".repeat(4096) }))).status).toBe(
      200,
    );
    const tooLong = await upsert(wireItem("#long", "Wrap", { description: "d".repeat(4097) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({
      code: "VALUE_TOO_LONG",
      field: "object.item_data.description",
    });
  });

  test("a missing name is rejected for categories and items", async () => {
    const category = await upsert({ type: "CATEGORY", id: "#c", category_data: {} });
    expect(category.status).toBe(400);
    expect(category.body.errors[0]).toMatchObject({
      code: "MISSING_REQUIRED_PARAMETER",
      field: "object.category_data.name",
    });
    const item = wireItem("#i", "x");
    delete (item.item_data as Record<string, unknown>).name;
    const answer = await upsert(item);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: "object.item_data.name" });
  });

  test("a reference to an unknown category is rejected", async () => {
    const answer = await upsert(wireItem("#i", "Wrap", { categoryId: "NOSUCHCATEGORYAAAAAAAAAA" }));
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "INVALID_VALUE",
      field: "object.item_data.categories[0].id",
    });
  });

  test("a reference to a deleted category is rejected, through categories and the deprecated category_id", async () => {
    const created = await upsert(wireCategory("#c", "Gone soon"));
    const categoryId = created.body.catalog_object.id;
    await t.call("DELETE", `/v2/catalog/object/${categoryId}`);

    const viaCategories = await upsert(wireItem("#i", "Wrap", { categoryId }));
    expect(viaCategories.status).toBe(400);
    expect(viaCategories.body.errors[0].detail).toContain("deleted");

    const legacy = wireItem("#j", "Wrap");
    (legacy.item_data as Record<string, unknown>).category_id = categoryId;
    const viaCategoryId = await upsert(legacy);
    expect(viaCategoryId.status).toBe(400);
    expect(viaCategoryId.body.errors[0]).toMatchObject({ field: "object.item_data.category_id" });
  });

  test("every problem of a request is reported at once, each with its field", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        {
          objects: [
            wireCategory("#a", "x".repeat(300)),
            { type: "ITEM", id: "#b", item_data: { variations: [] } },
          ],
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "batches[0].objects[0].category_data.name",
      "batches[0].objects[1].item_data.name",
      "batches[0].objects[1].item_data.variations",
    ]);
    expect(t.emulator.objects()).toEqual([]);
  });
});
