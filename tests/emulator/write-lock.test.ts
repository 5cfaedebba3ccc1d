import { freshKey, wireCategory } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ writeProcessingMs: 100 });
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

function upsertCategory(name: string) {
  return t.call("POST", "/v2/catalog/object", {
    idempotency_key: freshKey(),
    object: wireCategory(`#${name}`, name),
  });
}

describe("one write at a time per account", () => {
  test("an upsert arriving while another upsert is processing gets 429 RATE_LIMITED", async () => {
    const answers = await Promise.all([
      upsertCategory("A"),
      upsertCategory("B"),
      upsertCategory("C"),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 429, 429]);
    const rejected = answers.find((a) => a.status === 429);
    expect(rejected?.body.errors).toEqual([
      expect.objectContaining({ category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED" }),
    ]);
    expect(t.emulator.objects()).toHaveLength(1);
  });

  test("a batch upsert and a single upsert in parallel: one of them gets 429", async () => {
    const [batch, single] = await Promise.all([
      t.call("POST", "/v2/catalog/batch-upsert", {
        idempotency_key: freshKey(),
        batches: [{ objects: [wireCategory("#x", "X")] }],
      }),
      upsertCategory("Y"),
    ]);
    expect([batch.status, single.status].sort()).toEqual([200, 429]);
  });

  test("a delete arriving while another delete is processing gets 429 RATE_LIMITED", async () => {
    const a = (await upsertCategory("A")).body.catalog_object.id;
    const b = (await upsertCategory("B")).body.catalog_object.id;
    const answers = await Promise.all([
      t.call("DELETE", `/v2/catalog/object/${a}`),
      t.call("POST", "/v2/catalog/batch-delete", { object_ids: [b] }),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 429]);
  });

  test("writes in sequence all succeed, and the lock is released after a failed write", async () => {
    const invalid = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireCategory("#bad", ""),
    });
    expect(invalid.status).toBe(400);
    for (const name of ["A", "B", "C"]) expect((await upsertCategory(name)).status).toBe(200);
  });

  test("reads are not blocked by a write in progress", async () => {
    const started = Date.now();
    const write = upsertCategory("Slow");
    const read = await t.call("GET", "/v2/catalog/list");
    expect(read.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(100);
    expect((await write).status).toBe(200);
  });
});
