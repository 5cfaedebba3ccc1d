import { SquareError } from "square";

import { freshKey, sdkCategory, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

describe("idempotency keys", () => {
  test("the same key with the same request replays the first answer: same IDs, no second write", async () => {
    const request = {
      idempotency_key: freshKey(),
      batches: [
        { objects: [wireCategory("#c", "Wraps"), wireItem("#i", "Wrap", { categoryId: "#c" })] },
      ],
    };
    const first = await t.call("POST", "/v2/catalog/batch-upsert", request);
    const again = await t.call("POST", "/v2/catalog/batch-upsert", request);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(t.emulator.objects()).toHaveLength(2);
  });

  test("a replay through the SDK with keys in another order is still the same request", async () => {
    const key = freshKey();
    const first = await t.client.catalog.object.upsert({
      idempotencyKey: key,
      object: sdkCategory("#c", "Bowls"),
    });
    const replay = await t.call("POST", "/v2/catalog/object", {
      object: { category_data: { name: "Bowls" }, id: "#c", type: "CATEGORY" },
      idempotency_key: key,
    });
    expect(replay.body.catalog_object.id).toBe(first.catalogObject?.id);
    expect(t.emulator.objects()).toHaveLength(1);
  });

  test("the same key with a different request is rejected with IDEMPOTENCY_KEY_REUSED", async () => {
    const key = freshKey();
    await t.client.catalog.object.upsert({
      idempotencyKey: key,
      object: sdkCategory("#c", "Bowls"),
    });
    const error = await t.client.catalog.object
      .upsert({ idempotencyKey: key, object: sdkCategory("#c", "Salads") })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(SquareError);
    expect((error as SquareError).statusCode).toBe(400);
    expect((error as SquareError).errors[0]).toMatchObject({
      category: "INVALID_REQUEST_ERROR",
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(t.emulator.objects()).toHaveLength(1);
  });

  test("a key used on one endpoint cannot be reused on another", async () => {
    const key = freshKey();
    await t.call("POST", "/v2/catalog/object", {
      idempotency_key: key,
      object: wireCategory("#c", "Bowls"),
    });
    const other = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: key,
      batches: [{ objects: [wireCategory("#c", "Bowls")] }],
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  test("a failed request does not use up its key: the corrected retry is a new request", async () => {
    const key = freshKey();
    const bad = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: key,
      object: wireCategory("#c", ""),
    });
    expect(bad.status).toBe(400);
    const same = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: key,
      object: wireCategory("#c", ""),
    });
    expect(same.body.errors[0].code).toBe("MISSING_REQUIRED_PARAMETER");
  });

  test("keys are required on upserts and at most 128 characters", async () => {
    const missing = await t.call("POST", "/v2/catalog/object", { object: wireCategory("#c", "A") });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({
      code: "MISSING_REQUIRED_PARAMETER",
      field: "idempotency_key",
    });

    const ok = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: "k".repeat(128),
      object: wireCategory("#c", "A"),
    });
    expect(ok.status).toBe(200);
    const tooLong = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: "k".repeat(129),
      batches: [{ objects: [wireCategory("#c", "A")] }],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({
      code: "VALUE_TOO_LONG",
      field: "idempotency_key",
    });
  });
});
