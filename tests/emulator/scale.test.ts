import { SquareClient } from "square";

import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator, TEST_TOKEN, TestEmulator } from "./harness";
import { schemaProblems } from "./square-schema";

/**
 * A catalog of 10,000 top-level objects (200 categories and 9,800 items, each item with one
 * variation: 19,800 stored objects), loaded through batch-upsert in batches of 1,000, then read
 * back completely by paginated list and by search. Bounds are generous; the figures are printed.
 */
const CATEGORIES = 200;
const ITEMS = 9800;

let t: TestEmulator;
const figures: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestEmulator({ writeProcessingMs: 20 });
});
afterAll(async () => {
  console.log(
    `Square Catalog emulator at 10,000 objects:\n${Object.entries(figures)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join("\n")}`,
  );
  await t.stop();
});

async function timed<T>(name: string, work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  figures[name] = `${ms.toFixed(0)} ms`;
  return [result, ms];
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { objects?: { id: string }[]; cursor?: string },
  };
}

describe("10,000 objects", () => {
  test("load through batch-upsert in batches of 1000 stays fast", async () => {
    const objects: Record<string, unknown>[] = [
      ...Array.from({ length: CATEGORIES }, (_, i) => wireCategory(`#c${i}`, `Category ${i}`)),
      ...Array.from({ length: ITEMS }, (_, i) =>
        wireItem(`#i${i}`, `Menu item ${i} ${i % 7 === 0 ? "Wrap" : "Bowl"}`, {
          priceCents: 500 + i,
        }),
      ),
    ];
    const [, ms] = await timed("load 10 batch-upserts of 1,000", async () => {
      for (let i = 0; i < objects.length; i += 1000) {
        const answer = await post("/v2/catalog/batch-upsert", {
          idempotency_key: freshKey(),
          batches: [{ objects: objects.slice(i, i + 1000) }],
        });
        expect(answer.status).toBe(200);
      }
    });
    expect(ms).toBeLessThan(20_000);
    expect(t.emulator.counters().BatchUpsertCatalogObjects).toBe(10);
  });

  test("a full paginated list read (100 pages of 100) stays under 5 s", async () => {
    const [ids, ms] = await timed("full list, raw HTTP, 100 pages", async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const response = await fetch(
          `${t.url}/v2/catalog/list${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
          {
            headers: { authorization: `Bearer ${TEST_TOKEN}` },
          },
        );
        const page = (await response.json()) as { objects: { id: string }[]; cursor?: string };
        if (seen.length === 0) expect(schemaProblems("ListCatalogResponse", page)).toEqual([]);
        seen.push(...page.objects.map((o) => o.id));
        cursor = page.cursor;
      } while (cursor);
      return seen;
    });
    expect(ids).toHaveLength(CATEGORIES + ITEMS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ms).toBeLessThan(5_000);
  });

  test("a full list through the SDK's page iterator stays under 10 s", async () => {
    const client = new SquareClient({ token: TEST_TOKEN, baseUrl: t.url, maxRetries: 0 });
    const [count, ms] = await timed("full list, square SDK for-await", async () => {
      let n = 0;
      for await (const _ of await client.catalog.list()) n++;
      return n;
    });
    expect(count).toBe(CATEGORIES + ITEMS);
    expect(ms).toBeLessThan(10_000);
  });

  test("a search over all items (limit 1000) and a selective exact_query stay fast", async () => {
    const [total, fullMs] = await timed("search all ITEMs, limit 1000, 10 pages", async () => {
      let n = 0;
      let cursor: string | undefined;
      do {
        const page = await post("/v2/catalog/search", {
          object_types: ["ITEM"],
          limit: 1000,
          cursor,
        });
        n += page.body.objects?.length ?? 0;
        cursor = page.body.cursor;
      } while (cursor);
      return n;
    });
    expect(total).toBe(ITEMS);
    expect(fullMs).toBeLessThan(5_000);

    const [matches, exactMs] = await timed(
      "search exact_query name 'wrap' (1,400 matches)",
      async () => {
        let n = 0;
        let cursor: string | undefined;
        do {
          const page = await post("/v2/catalog/search", {
            object_types: ["ITEM"],
            query: { exact_query: { attribute_name: "name", attribute_value: "wrap" } },
            limit: 1000,
            cursor,
          });
          n += page.body.objects?.length ?? 0;
          cursor = page.body.cursor;
        } while (cursor);
        return n;
      },
    );
    expect(matches).toBe(1400);
    expect(exactMs).toBeLessThan(2_000);

    const [, retrieveMs] = await timed("batch-retrieve 1,000 IDs", async () => {
      const ids = t.emulator
        .objects()
        .slice(0, 1000)
        .map((o) => o.id);
      const answer = await post("/v2/catalog/batch-retrieve", { object_ids: ids });
      expect(answer.body.objects).toHaveLength(1000);
    });
    expect(retrieveMs).toBeLessThan(2_000);
    figures["heap used"] =
      `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB (jest process incl. emulator)`;
  });
});
