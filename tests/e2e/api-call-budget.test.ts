import { catalogFixture, generatedMenu, liveByType, writeCalls, type CatalogFixture } from "./catalog-fixture";

/**
 * Square rate-limits its API, so the number of calls is part of the contract. The engine runs
 * with its default parallelism on this machine (4 per core); the bound for `up` from empty is
 * what concurrent creates sharing batch calls allow at that parallelism.
 */
const ITEMS = 200;
const CATEGORIES = 10;

function callsOf(counters: Record<string, number>) {
  return Object.fromEntries(Object.entries(counters).filter(([, n]) => n > 0));
}

function total(counters: Record<string, number>) {
  return Object.values(counters).reduce((sum, n) => sum + n, 0);
}

describe(`API calls for a ${ITEMS}-item menu in ${CATEGORIES} categories`, () => {
  let fixture: CatalogFixture;
  const figures: Record<string, unknown> = {};
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: generatedMenu(ITEMS, CATEGORIES) });
  });
  afterAll(async () => {
    console.log(`API calls, ${ITEMS} items / ${CATEGORIES} categories:\n${JSON.stringify(figures, null, 2)}`);
    await fixture?.dispose();
  });

  async function measure(label: string, command: () => Promise<{ code: number }>) {
    fixture.emulator.resetCounters();
    const started = Date.now();
    const result = await command();
    const counters = fixture.emulator.counters();
    figures[label] = { calls: callsOf(counters), seconds: (Date.now() - started) / 1000 };
    expect(result.code).toBe(0);
    return counters;
  }

  test("up from empty writes in shared batches: at most ceil(200/P) + ceil(10/P) + 2 write calls", async () => {
    const parallelism = 4 * require("os").cpus().length;
    const counters = await measure("up from empty", () => fixture.workspace.up());
    const bound = Math.ceil(ITEMS / parallelism) + Math.ceil(CATEGORIES / parallelism) + 2;
    figures.parallelism = parallelism;
    figures.writeBound = bound;
    expect(writeCalls(fixture.emulator)).toBeLessThanOrEqual(bound);
    expect(counters.BatchUpsertCatalogObjects).toBeGreaterThan(0);
    expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(ITEMS);
    expect(liveByType(fixture.emulator, "CATEGORY")).toHaveLength(CATEGORIES);
  });

  test("a preview of the unchanged stack makes at most 3 calls, none a write", async () => {
    const counters = await measure("preview, unchanged", () => fixture.workspace.preview());
    expect(total(counters)).toBeLessThanOrEqual(3);
    expect(writeCalls(fixture.emulator)).toBe(0);
  });

  test("a refresh makes at most 3 calls", async () => {
    const counters = await measure("refresh", () => fixture.workspace.refresh());
    expect(total(counters)).toBeLessThanOrEqual(3);
    expect(writeCalls(fixture.emulator)).toBe(0);
  });

  test("a second up makes no write call", async () => {
    await measure("up, unchanged", () => fixture.workspace.up());
    expect(writeCalls(fixture.emulator)).toBe(0);
    expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(ITEMS);
  });
});
