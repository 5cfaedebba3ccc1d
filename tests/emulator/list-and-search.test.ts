import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TestEmulator } from "./harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ writeProcessingMs: 0 });
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.reset());
afterEach(() => expect(t.schemaViolations).toEqual([]));

type IdMapping = { client_object_id: string; object_id: string };

async function upsertAll(objects: Record<string, unknown>[]): Promise<Record<string, string>> {
  const mappings: Record<string, string> = {};
  for (let i = 0; i < objects.length; i += 1000) {
    const answer = await t.call("POST", "/v2/catalog/batch-upsert", {
      idempotency_key: freshKey(),
      batches: [{ objects: objects.slice(i, i + 1000) }],
    });
    expect(answer.status).toBe(200);
    for (const m of answer.body.id_mappings as IdMapping[])
      mappings[m.client_object_id] = m.object_id;
  }
  return mappings;
}

async function searchNames(query: Record<string, unknown>): Promise<string[]> {
  const answer = await t.call("POST", "/v2/catalog/search", { object_types: ["ITEM"], query });
  expect(answer.status).toBe(200);
  return (answer.body.objects ?? [])
    .map((o: { item_data: { name: string } }) => o.item_data.name)
    .sort();
}

describe("ListCatalog", () => {
  test("lists in pages of 100 and, without types, only top-level types (no ITEM_VARIATION)", async () => {
    await upsertAll(Array.from({ length: 150 }, (_, i) => wireItem(`#i${i}`, `Item ${i}`)));
    const first = await t.call("GET", "/v2/catalog/list");
    expect(first.body.objects).toHaveLength(100);
    expect(first.body.cursor).toEqual(expect.any(String));
    const second = await t.call(
      "GET",
      `/v2/catalog/list?cursor=${encodeURIComponent(first.body.cursor)}`,
    );
    expect(second.body.objects).toHaveLength(50);
    expect(second.body.cursor).toBeUndefined();
    expect(
      [...first.body.objects, ...second.body.objects].every(
        (o: { type: string }) => o.type === "ITEM",
      ),
    ).toBe(true);

    let viaSdk = 0;
    for await (const object of await t.client.catalog.list({ types: "item_variation" })) {
      expect(object.type).toBe("ITEM_VARIATION");
      viaSdk++;
    }
    expect(viaSdk).toBe(150);
  });

  test("cursors stay correct while objects are written between pages: nothing skipped, nothing repeated", async () => {
    const mapping = await upsertAll(
      Array.from({ length: 250 }, (_, i) => wireCategory(`#c${i}`, `Category ${i}`)),
    );
    const seen: string[] = [];
    const first = await t.call("GET", "/v2/catalog/list?types=CATEGORY");
    seen.push(...first.body.objects.map((o: { id: string }) => o.id));

    // Between pages: delete ten objects already read, add thirty new ones.
    await t.call("POST", "/v2/catalog/batch-delete", { object_ids: seen.slice(0, 10) });
    const added = await upsertAll(
      Array.from({ length: 30 }, (_, i) => wireCategory(`#n${i}`, `New ${i}`)),
    );

    let cursor: string | undefined = first.body.cursor;
    while (cursor) {
      const page = await t.call(
        "GET",
        `/v2/catalog/list?types=CATEGORY&cursor=${encodeURIComponent(cursor)}`,
      );
      seen.push(...page.body.objects.map((o: { id: string }) => o.id));
      cursor = page.body.cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set([...Object.values(mapping), ...Object.values(added)]));
  });

  test("a cursor that this API did not issue is rejected with INVALID_CURSOR", async () => {
    const answer = await t.call("GET", "/v2/catalog/list?cursor=not-a-cursor");
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ code: "INVALID_CURSOR" });
  });
});

describe("SearchCatalogObjects", () => {
  test("limit goes up to 1000 per page; larger values are ignored (default 100)", async () => {
    await upsertAll(
      Array.from({ length: 1500 }, (_, i) => wireCategory(`#c${i}`, `Category ${i}`)),
    );
    const big = await t.call("POST", "/v2/catalog/search", {
      object_types: ["CATEGORY"],
      limit: 1000,
    });
    expect(big.body.objects).toHaveLength(1000);
    const rest = await t.call("POST", "/v2/catalog/search", {
      object_types: ["CATEGORY"],
      limit: 1000,
      cursor: big.body.cursor,
    });
    expect(rest.body.objects).toHaveLength(500);
    const ignored = await t.call("POST", "/v2/catalog/search", {
      object_types: ["CATEGORY"],
      limit: 5000,
    });
    expect(ignored.body.objects).toHaveLength(100);
  });

  test("exact_query matches case-insensitively and partially, so it is never an equality test", async () => {
    await upsertAll([
      wireItem("#a", "Wrap"),
      wireItem("#b", "Chicken WRAP"),
      wireItem("#c", "Wraps Deluxe"),
      wireItem("#d", "Bowl"),
    ]);
    expect(
      await searchNames({ exact_query: { attribute_name: "name", attribute_value: "wrap" } }),
    ).toEqual(["Chicken WRAP", "Wrap", "Wraps Deluxe"]);
    expect(
      await searchNames({ exact_query: { attribute_name: "name", attribute_value: "CHICKEN" } }),
    ).toEqual(["Chicken WRAP"]);
  });

  test("prefix_query matches a case-insensitive prefix of the attribute", async () => {
    await upsertAll([
      wireItem("#a", "Chicken Wrap"),
      wireItem("#b", "Spicy Chicken"),
      wireItem("#c", "chili bowl"),
    ]);
    expect(
      await searchNames({ prefix_query: { attribute_name: "name", attribute_prefix: "CHI" } }),
    ).toEqual(["Chicken Wrap", "chili bowl"]);
  });

  test("text_query matches all keywords as word prefixes in any order; keywords under 3 characters are ignored", async () => {
    await upsertAll([
      wireItem("#a", "Chicken Wrap"),
      wireItem("#b", "Wrap with chicken"),
      wireItem("#c", "Chicken Bowl"),
    ]);
    expect(await searchNames({ text_query: { keywords: ["wra", "CHICK"] } })).toEqual([
      "Chicken Wrap",
      "Wrap with chicken",
    ]);
    expect(await searchNames({ text_query: { keywords: ["bowl", "x"] } })).toEqual([
      "Chicken Bowl",
    ]);
  });

  test("include_related_objects adds the categories of the items found", async () => {
    const ids = await upsertAll([
      wireCategory("#c", "Wraps"),
      wireItem("#i", "Wrap", { categoryId: "#c" }),
    ]);
    const answer = await t.call("POST", "/v2/catalog/search", {
      object_types: ["ITEM"],
      include_related_objects: true,
    });
    expect(answer.body.related_objects.map((o: { id: string }) => o.id)).toEqual([ids["#c"]]);
    expect(Date.parse(answer.body.latest_time)).not.toBeNaN();
  });

  test("begin_time returns only objects changed after it (exclusive)", async () => {
    await upsertAll([wireCategory("#old", "Old")]);
    const old = (await t.call("POST", "/v2/catalog/search", { object_types: ["CATEGORY"] })).body
      .objects[0];
    await new Promise((r) => setTimeout(r, 5));
    await upsertAll([wireCategory("#new", "New")]);
    const answer = await t.call("POST", "/v2/catalog/search", {
      object_types: ["CATEGORY"],
      begin_time: old.updated_at,
    });
    expect(
      answer.body.objects.map((o: { category_data: { name: string } }) => o.category_data.name),
    ).toEqual(["New"]);
  });

  test("search sees an object's newest state only after the search lag; retrieve sees it at once", async () => {
    t.emulator.faults.setSearchLagMs(300);
    const ids = await upsertAll([wireItem("#i", "Fresh Wrap")]);
    expect(
      await searchNames({ prefix_query: { attribute_name: "name", attribute_prefix: "fresh" } }),
    ).toEqual([]);
    expect((await t.call("GET", "/v2/catalog/list")).body.objects).toBeUndefined();
    expect((await t.call("GET", `/v2/catalog/object/${ids["#i"]}`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 350));
    expect(
      await searchNames({ prefix_query: { attribute_name: "name", attribute_prefix: "fresh" } }),
    ).toEqual(["Fresh Wrap"]);

    const item = (await t.call("GET", `/v2/catalog/object/${ids["#i"]}`)).body.object;
    await t.call("POST", "/v2/catalog/object", {
      idempotency_key: freshKey(),
      object: { ...item, item_data: { ...item.item_data, name: "Renamed Wrap" } },
    });
    expect(await searchNames({})).toEqual(["Fresh Wrap"]);
    await new Promise((r) => setTimeout(r, 350));
    expect(await searchNames({})).toEqual(["Renamed Wrap"]);
  });
});

describe("SearchCatalogItems", () => {
  test("text_filter and category_ids find items; matched_variation_ids names matching variations", async () => {
    const ids = await upsertAll([
      wireCategory("#wraps", "Wraps"),
      wireItem("#a", "Chicken Wrap", { categoryId: "#wraps" }),
      wireItem("#b", "Falafel Wrap"),
      wireItem("#c", "Chicken Bowl"),
    ]);
    const byText = await t.client.catalog.searchItems({ textFilter: "chicken" });
    expect(byText.items?.map((i) => i.id).sort()).toEqual([ids["#a"], ids["#c"]].sort());

    const byCategory = await t.client.catalog.searchItems({ categoryIds: [ids["#wraps"]] });
    expect(byCategory.items?.map((i) => i.id)).toEqual([ids["#a"]]);

    const byVariation = await t.call("POST", "/v2/catalog/search-catalog-items", {
      text_filter: "regular",
    });
    expect(byVariation.body.items).toHaveLength(3);
    expect(byVariation.body.matched_variation_ids).toHaveLength(3);
  });
});
