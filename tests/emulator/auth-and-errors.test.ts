import { SquareClient, SquareError } from "square";

import { startTestEmulator, TEST_TOKEN, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

describe("authentication", () => {
  test("a call without Authorization answers 401 UNAUTHORIZED in Square's error format", async () => {
    const answer = await t.call("GET", "/v2/catalog/list", undefined, null);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errors: [
        { category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED", detail: expect.any(String) },
      ],
    });
  });

  test("a wrong token answers 401 through the SDK, and the answer never echoes a token", async () => {
    const client = new SquareClient({ token: "wrong-token", baseUrl: t.url, maxRetries: 0 });
    const error = await client.catalog.info().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SquareError);
    expect((error as SquareError).statusCode).toBe(401);
    expect((error as SquareError).errors[0]).toMatchObject({
      category: "AUTHENTICATION_ERROR",
      code: "UNAUTHORIZED",
    });
    expect(JSON.stringify((error as SquareError).body)).not.toContain("wrong-token");
    expect(JSON.stringify((error as SquareError).body)).not.toContain(TEST_TOKEN);
  });

  test("a malformed Authorization header answers 401", async () => {
    const response = await fetch(`${t.url}/v2/catalog/info`, {
      headers: { authorization: TEST_TOKEN },
    });
    expect(response.status).toBe(401);
  });

  test("the admin surface needs the same Bearer token", async () => {
    expect((await t.call("GET", "/_emulator/counters", undefined, null)).status).toBe(401);
    expect((await t.call("GET", "/_emulator/counters", undefined, "nope")).status).toBe(401);
    expect((await t.call("GET", "/_emulator/counters")).status).toBe(200);
  });
});

describe("errors", () => {
  test("every error is { errors: [{ category, code, detail, field? }] } with the matching HTTP status", async () => {
    const cases: [number, string, string][] = [];
    const record = (
      status: number,
      body: { errors: { category: string; code: string; detail: string }[] },
    ) => {
      for (const e of body.errors) {
        expect(typeof e.detail).toBe("string");
        cases.push([status, e.category, e.code]);
      }
    };
    const notFound = await t.call("GET", "/v2/catalog/object/NOSUCHOBJECTAAAAAAAAAAAA");
    record(notFound.status, notFound.body);
    const invalid = await t.call("POST", "/v2/catalog/object", {
      idempotency_key: "k",
      object: { type: "CATEGORY", id: "#c", category_data: {} },
    });
    record(invalid.status, invalid.body);
    t.emulator.faults.failNext("CatalogInfo", 1, { status: 429 });
    const limited = await t.call("GET", "/v2/catalog/info");
    record(limited.status, limited.body);
    t.emulator.faults.failNext("CatalogInfo", 1, { status: 500 });
    const broken = await t.call("GET", "/v2/catalog/info");
    record(broken.status, broken.body);
    const badJson = await fetch(`${t.url}/v2/catalog/search`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: "{",
    });
    record(badJson.status, (await badJson.json()) as never);

    expect(cases).toEqual([
      [404, "INVALID_REQUEST_ERROR", "NOT_FOUND"],
      [400, "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER"],
      [429, "RATE_LIMIT_ERROR", "RATE_LIMITED"],
      [500, "API_ERROR", "INTERNAL_SERVER_ERROR"],
      [400, "INVALID_REQUEST_ERROR", "EXPECTED_JSON_BODY"],
    ]);
    expect(invalid.body.errors[0].field).toBe("object.category_data.name");
  });

  test("an unknown path answers 404 and a wrong method 405, both in Square's format and uncounted", async () => {
    const unknown = await fetch(`${t.url}/v2/catalog/nothing`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch(`${t.url}/v2/catalog/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
      "METHOD_NOT_ALLOWED",
    );
    expect(Object.values(t.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
