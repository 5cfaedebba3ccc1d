import { SquareError } from "square";

import { SQUARE_ID_PATTERN } from "../../emulator/ids";
import { freshKey, sdkCategory, sdkItem, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

async function sdkError(promise: Promise<unknown>): Promise<SquareError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SquareError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("IDs", () => {
  test("server-made IDs are 24 characters of A-Z and 2-7, as Square's", async () => {
    const { catalogObject } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkItem("#wrap", "Chicken Wrap"),
    });
    expect(catalogObject?.id).toMatch(SQUARE_ID_PATTERN);
    const variation =
      catalogObject?.type === "ITEM" ? catalogObject.itemData?.variations?.[0] : undefined;
    expect(variation?.id).toMatch(SQUARE_ID_PATTERN);
    expect(variation?.id).not.toEqual(catalogObject?.id);
  });

  test("#temp IDs are resolved across the objects of a batch and returned in id_mappings", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        {
          objects: [
            wireCategory("#wraps", "Wraps"),
            wireItem("#chicken", "Chicken Wrap", { categoryId: "#wraps" }),
            {
              ...wireItem("#legacy", "Legacy Wrap"),
              item_data: {
                ...(wireItem("#legacy", "Legacy Wrap").item_data as object),
                category_id: "#wraps",
              },
            },
          ],
        },
      ],
    });
    expect(answer.status).toBe(200);

    const mapping = Object.fromEntries(
      (answer.body.id_mappings as { client_object_id: string; object_id: string }[]).map((m) => [
        m.client_object_id,
        m.object_id,
      ]),
    );
    expect(Object.keys(mapping).sort()).toEqual([
      "#chicken",
      "#chicken-regular",
      "#legacy",
      "#legacy-regular",
      "#wraps",
    ]);
    const stored = await t.call("GET", `/v2/catalog/object/${mapping["#chicken"]}`);
    expect(stored.body.object.item_data.categories).toEqual([{ id: mapping["#wraps"] }]);
    expect(stored.body.object.item_data.variations[0].item_variation_data.item_id).toBe(
      mapping["#chicken"],
    );
    const legacy = await t.call("GET", `/v2/catalog/object/${mapping["#legacy"]}`);
    expect(legacy.body.object.item_data.category_id).toBe(mapping["#wraps"]);
  });

  test("a standalone variation may name its item by the #temp ID of the same batch", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        {
          objects: [
            wireItem("#bowl", "Bowl"),
            {
              type: "ITEM_VARIATION",
              id: "#bowl-large",
              item_variation_data: {
                item_id: "#bowl",
                name: "Large",
                pricing_type: "FIXED_PRICING",
                price_money: { amount: 1299, currency: "USD" },
              },
            },
          ],
        },
      ],
    });
    expect(answer.status).toBe(200);
    const item = t.emulator.objects().find((o) => o.type === "ITEM") as unknown as {
      item_data: { variations: { item_variation_data: { name: string } }[] };
    };
    expect(item.item_data.variations.map((v) => v.item_variation_data.name)).toEqual([
      "Regular",
      "Large",
    ]);
  });

  test("a #temp ID defined in another batch of the request is rejected (temporary IDs are batch-scoped)", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        { objects: [wireCategory("#wraps", "Wraps")] },
        { objects: [wireItem("#wrap", "Wrap", { categoryId: "#wraps" })] },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "INVALID_VALUE",
      field: "batches[1].objects[0].item_data.categories[0].id",
    });
  });

  test("upserting a real ID that does not exist is a 400 INVALID_VALUE, not a 404", async () => {
    const answer = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: { ...wireCategory("ZZZZZZZZZZZZZZZZZZZZZZZZ", "Ghost"), version: 1 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        category: "INVALID_REQUEST_ERROR",
        code: "INVALID_VALUE",
        field: "object.id",
      }),
    ]);
    expect(t.emulator.objects()).toEqual([]);
  });
});

describe("versions and server-set fields", () => {
  test("every object, nested variations included, gets an epoch-millisecond version that rises with each write", async () => {
    const before = Date.now();
    const first = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireItem("#a", "A"),
    });
    const item = first.body.catalog_object;
    expect(item.version).toBeGreaterThanOrEqual(before);
    expect(item.version).toBeLessThan(before + 60_000);
    expect(item.item_data.variations[0].version).toBe(item.version);

    const second = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireCategory("#b", "B"),
    });
    expect(second.body.catalog_object.version).toBeGreaterThan(item.version);

    const updated = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: { ...item, item_data: { ...item.item_data, name: "A2" } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.catalog_object.version).toBeGreaterThan(second.body.catalog_object.version);
    expect(updated.body.catalog_object.item_data.variations[0].version).toBe(
      updated.body.catalog_object.version,
    );
  });

  test("the server sets updated_at, is_deleted false and present_at_all_locations true", async () => {
    const sent = {
      ...wireCategory("#c", "Bowls"),
      updated_at: "2001-01-01T00:00:00Z",
      is_deleted: false,
    };
    const { body } = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: sent,
    });
    const object = body.catalog_object;
    expect(Date.parse(object.updated_at)).toBeGreaterThan(Date.parse("2020-01-01T00:00:00Z"));
    expect(object.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(object.is_deleted).toBe(false);
    expect(object.present_at_all_locations).toBe(true);
  });

  test("an update with a stale item version is rejected with VERSION_MISMATCH", async () => {
    const { catalogObject } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkCategory("#c", "Wraps"),
    });
    const stale = catalogObject!.version;
    await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: {
        type: "CATEGORY",
        id: catalogObject!.id,
        version: stale,
        categoryData: { name: "Wraps v2" },
      },
    });

    const error = await sdkError(
      t.client.catalog.object.upsert({
        idempotencyKey: freshKey(),
        object: {
          type: "CATEGORY",
          id: catalogObject!.id,
          version: stale,
          categoryData: { name: "Wraps v3" },
        },
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.errors[0]).toMatchObject({
      category: "INVALID_REQUEST_ERROR",
      code: "VERSION_MISMATCH",
      detail: "Object version does not match latest database version.",
    });
  });

  test("an update without a version is rejected with VERSION_MISMATCH", async () => {
    const { body } = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireCategory("#c", "Wraps"),
    });
    const { version: _omitted, ...withoutVersion } = body.catalog_object;
    const answer = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: withoutVersion,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "VERSION_MISMATCH",
      field: "object.version",
    });
  });

  test("an item update with a stale nested variation version is rejected with VERSION_MISMATCH", async () => {
    const { body } = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireItem("#i", "Wrap"),
    });
    const item = body.catalog_object;
    const variation = { ...item.item_data.variations[0], version: item.version - 1 };
    const answer = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: { ...item, item_data: { ...item.item_data, variations: [variation] } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "VERSION_MISMATCH",
      field: "object.item_data.variations[0].version",
    });
  });

  test("money is an integer amount in cents with a currency, read back as bigint by the SDK", async () => {
    const { catalogObject } = await t.client.catalog.object.upsert({
      idempotencyKey: freshKey(),
      object: sdkItem("#i", "Wrap", { priceCents: 1250 }),
    });
    const id = catalogObject!.id as string;
    const { object } = await t.client.catalog.object.get({ objectId: id });
    const variation = object?.type === "ITEM" ? object.itemData?.variations?.[0] : undefined;
    const data = variation?.type === "ITEM_VARIATION" ? variation.itemVariationData : undefined;
    expect(data?.priceMoney).toEqual({ amount: BigInt(1250), currency: "USD" });
    expect(data?.pricingType).toBe("FIXED_PRICING");

    const fractional = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: {
        ...wireItem("#j", "Half cent"),
        item_data: {
          name: "Half cent",
          variations: [
            {
              type: "ITEM_VARIATION",
              id: "#v",
              item_variation_data: {
                item_id: "#j",
                pricing_type: "FIXED_PRICING",
                price_money: { amount: 8.5, currency: "USD" },
              },
            },
          ],
        },
      },
    });
    expect(fractional.status).toBe(400);
    expect(fractional.body.errors[0].field).toBe(
      "object.item_data.variations[0].item_variation_data.price_money.amount",
    );
  });
});

describe("variations", () => {
  test("updating an item with a variations list that omits an existing variation deletes that variation", async () => {
    const { body } = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: {
        type: "ITEM",
        id: "#i",
        item_data: {
          name: "Wrap",
          variations: ["Regular", "Large"].map((name) => ({
            type: "ITEM_VARIATION",
            id: `#${name}`,
            item_variation_data: {
              item_id: "#i",
              name,
              pricing_type: "FIXED_PRICING",
              price_money: { amount: 100, currency: "USD" },
            },
          })),
        },
      },
    });
    const item = body.catalog_object;
    const [regular, large] = item.item_data.variations;

    const answer = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: { ...item, item_data: { ...item.item_data, variations: [regular] } },
    });
    expect(answer.status).toBe(200);
    expect(
      answer.body.catalog_object.item_data.variations.map((v: { id: string }) => v.id),
    ).toEqual([regular.id]);
    expect((await t.call("GET", `/v2/catalog/object/${large.id}`)).status).toBe(404);
    const deleted = await t.call("POST", "/v2/catalog/search", {
      object_types: ["ITEM_VARIATION"],
      include_deleted_objects: true,
    });
    expect(deleted.body.objects.find((o: { id: string }) => o.id === large.id)).toMatchObject({
      is_deleted: true,
    });
  });
});
