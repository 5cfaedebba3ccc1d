import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

const categories = (n: number, prefix = "c") =>
  Array.from({ length: n }, (_, i) => wireCategory(`#${prefix}${i}`, `${prefix} ${i}`));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `ID${String(i).padStart(22, "0")}`);

describe("batch limits (as GET /v2/catalog/info states them)", () => {
  test("catalog info reports Square's limits", async () => {
    const info = await t.client.catalog.info();
    expect(info.limits).toMatchObject({
      batchUpsertMaxObjectsPerBatch: 1000,
      batchUpsertMaxTotalObjects: 10000,
      batchRetrieveMaxObjectIds: 1000,
      searchMaxPageLimit: 1000,
      batchDeleteMaxObjectIds: 200,
    });
  });

  test("a batch of more than 1000 objects is rejected with ARRAY_LENGTH_TOO_LONG and nothing is written", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [{ objects: categories(5, "ok") }, { objects: categories(1001) }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "ARRAY_LENGTH_TOO_LONG",
      field: "batches[1].objects",
    });
    expect(t.emulator.objects()).toEqual([]);
  });

  test("more than 10000 objects in one request (nested variations count) is rejected and nothing is written", async () => {
    const items = (b: number) =>
      Array.from({ length: 1000 }, (_, i) => wireItem(`#i${b}-${i}`, `Item ${b}-${i}`));
    const batches = Array.from({ length: 6 }, (_, b) => ({ objects: items(b) })); // 6000 items + 6000 variations
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "ARRAY_LENGTH_TOO_LONG",
      field: "batches",
    });
    expect(t.emulator.objects()).toEqual([]);
  });

  test("batch-retrieve takes at most 1000 IDs", async () => {
    expect(
      (await t.call("POST", "/v2/catalog/batch-retrieve", { object_ids: ids(1000) })).status,
    ).toBe(200);
    const answer = await t.call("POST", "/v2/catalog/batch-retrieve", { object_ids: ids(1001) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "ARRAY_LENGTH_TOO_LONG",
      field: "object_ids",
    });
  });

  test("batch-delete takes at most 200 IDs", async () => {
    expect(
      (await t.call("POST", "/v2/catalog/batch-delete", { object_ids: ids(200) })).status,
    ).toBe(200);
    const answer = await t.call("POST", "/v2/catalog/batch-delete", { object_ids: ids(201) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      code: "ARRAY_LENGTH_TOO_LONG",
      field: "object_ids",
    });
  });
});

describe("each batch is all-or-nothing", () => {
  test("one invalid object fails its whole batch: the request answers 400 and none of that batch is written", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        {
          objects: [wireCategory("#a", "Fine"), wireItem("#b", "Fine too"), wireCategory("#c", "")],
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: "batches[0].objects[2].category_data.name" }),
    ]);
    expect(answer.body.objects).toBeUndefined();
    expect(t.emulator.objects()).toEqual([]);
  });

  test("a failed batch does not undo the other batches of the request, which the 400 answer reports", async () => {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [
        { objects: [wireCategory("#good", "Good")] },
        { objects: [wireCategory("#bad", "")] },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: "batches[1].objects[0].category_data.name" }),
    ]);
    expect(answer.body.id_mappings).toEqual([
      expect.objectContaining({ client_object_id: "#good" }),
    ]);
    expect(t.emulator.objects().map((o) => (o.category_data as { name: string }).name)).toEqual([
      "Good",
    ]);
  });
});
