import { freshKey, wireCategory } from "./fixtures";
import { startTestEmulator, TEST_TOKEN, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

describe("call counters", () => {
  test("every authenticated call counts under Square's operationId, rejected calls included", async () => {
    await t.client.catalog.info();
    await t.call("GET", "/v2/catalog/list");
    await t.call("POST", "/v2/catalog/search", {});
    await t.call("POST", "/v2/catalog/object", { object: wireCategory("#c", "A") }); // 400: no key
    t.emulator.faults.failNext("BatchRetrieveCatalogObjects", 1, { status: 429 });
    await t.call("POST", "/v2/catalog/batch-retrieve", { object_ids: ["X"] });
    await t.call("GET", "/v2/catalog/list", undefined, null); // 401: not authenticated, not counted

    expect(t.emulator.counters()).toEqual({
      ListCatalog: 1,
      SearchCatalogObjects: 1,
      SearchCatalogItems: 0,
      UpsertCatalogObject: 1,
      BatchUpsertCatalogObjects: 0,
      RetrieveCatalogObject: 0,
      BatchRetrieveCatalogObjects: 1,
      DeleteCatalogObject: 0,
      BatchDeleteCatalogObjects: 0,
      CatalogInfo: 1,
    });
    t.emulator.resetCounters();
    expect(Object.values(t.emulator.counters()).every((n) => n === 0)).toBe(true);
  });
});

describe("injected faults", () => {
  test("failNext answers 429 with Retry-After the given number of times, then calls succeed", async () => {
    t.emulator.faults.failNext("UpsertCatalogObject", 2, { status: 429, retryAfterSeconds: 3 });
    const request = () =>
      t.call("POST", "/v2/catalog/object", {
        idempotency_key: freshKey(),
        object: wireCategory("#c", "A"),
      });
    const first = await request();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect((await request()).status).toBe(429);
    expect((await request()).status).toBe(200);
    expect(t.emulator.objects()).toHaveLength(1);
  });

  test("failNext with 500 answers INTERNAL_SERVER_ERROR and writes nothing", async () => {
    t.emulator.faults.failNext("BatchUpsertCatalogObjects", 1, { status: 500 });
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [{ objects: [wireCategory("#c", "A")] }],
    });
    expect(answer.status).toBe(500);
    expect(answer.body.errors[0]).toMatchObject({
      category: "API_ERROR",
      code: "INTERNAL_SERVER_ERROR",
    });
    expect(t.emulator.objects()).toEqual([]);
  });

  test("dropAfterCommit applies the write, destroys the connection, and a retry with the same key replays", async () => {
    t.emulator.faults.dropAfterCommit("BatchUpsertCatalogObjects", 1);
    const request = {
      idempotency_key: freshKey(),
      batches: [{ objects: [wireCategory("#c", "Lost answer")] }],
    };
    await expect(t.call("POST", "/v2/catalog/batch-upsert", request)).rejects.toThrow();
    expect(t.emulator.objects()).toHaveLength(1);

    const retry = await t.call("POST", "/v2/catalog/batch-upsert", request);
    expect(retry.status).toBe(200);
    expect(retry.body.objects[0].id).toBe(t.emulator.objects()[0].id);
    expect(t.emulator.objects()).toHaveLength(1);
  });

  test("setLatencyMs delays every API call", async () => {
    t.emulator.faults.setLatencyMs(120);
    const started = Date.now();
    await t.client.catalog.info();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("the admin HTTP surface", () => {
  const admin = (path: string, body?: unknown) =>
    t.call(
      body === undefined && !path.includes("reset") && !path.includes("clear") ? "GET" : "POST",
      path,
      body,
    );

  test("drives the same controls as the in-process API", async () => {
    expect(
      (
        await t.call("POST", "/_emulator/faults", {
          operation_id: "CatalogInfo",
          count: 1,
          status: 429,
          retry_after_seconds: 2,
        })
      ).status,
    ).toBe(200);
    const limited = await t.call("GET", "/v2/catalog/info");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");

    expect(
      (
        await t.call("POST", "/_emulator/faults", {
          operation_id: "UpsertCatalogObject",
          count: 1,
          kind: "drop_after_commit",
        })
      ).status,
    ).toBe(200);
    await expect(
      t.call("POST", "/v2/catalog/object", {
        idempotency_key: freshKey(),
        object: wireCategory("#c", "A"),
      }),
    ).rejects.toThrow();

    const counters = await admin("/_emulator/counters");
    expect(counters.body).toMatchObject({ CatalogInfo: 1, UpsertCatalogObject: 1 });
    const objects = await admin("/_emulator/objects");
    expect(objects.body.objects).toHaveLength(1);

    await t.call("POST", "/_emulator/latency", { ms: 50 });
    await t.call("POST", "/_emulator/search-lag", { ms: 10_000 });
    await t.call("POST", "/_emulator/faults/clear", {});
    expect((await t.call("GET", "/v2/catalog/list")).body.objects).toHaveLength(1);

    await t.call("POST", "/_emulator/counters/reset", {});
    expect((await admin("/_emulator/counters")).body.ListCatalog).toBe(0);
    await t.call("POST", "/_emulator/reset", {});
    expect((await admin("/_emulator/objects")).body.objects).toEqual([]);
  });

  test("include_deleted=true also dumps deleted objects", async () => {
    const created = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: wireCategory("#c", "A"),
    });
    await t.call("DELETE", `/v2/catalog/object/${created.body.catalog_object.id}`);
    expect((await admin("/_emulator/objects")).body.objects).toEqual([]);
    const all = await admin("/_emulator/objects?include_deleted=true");
    expect(all.body.objects).toEqual([expect.objectContaining({ is_deleted: true })]);
  });

  test("rejects a fault for an unknown operation with a message listing the known ones", async () => {
    const answer = await fetch(`${t.url}/_emulator/faults`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ operation_id: "ListItems", count: 1, status: 429 }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { errors: { detail: string }[] }).errors[0].detail).toContain(
      "ListCatalog",
    );
  });
});
