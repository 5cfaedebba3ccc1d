import { catalogFixture, duplicateNames, generatedMenu, liveByType, type CatalogFixture } from "../e2e/catalog-fixture";

const LONG = 600_000;
const CEILING_PER_SECOND = 4;
const INTERVAL_MS = 1000 / CEILING_PER_SECOND;

/**
 * Square does not publish its rate limits, so the provider keeps its own ceiling
 * (square-catalog:maxRequestsPerSecond) over every call it makes. The emulator logs when each
 * call arrives; the spacing it saw is the evidence, not the provider's own account.
 */
describe("the client-side request ceiling", () => {
  let fixture: CatalogFixture;
  const menu = generatedMenu(40, 4);

  beforeAll(async () => {
    fixture = await catalogFixture({ menu, config: { maxRequestsPerSecond: String(CEILING_PER_SECOND) } });
  });
  afterAll(() => fixture?.dispose());

  test(
    "a large up spaces the provider's calls by at least 1 / maxRequestsPerSecond and creates everything once",
    async () => {
      // --parallel 2 makes many small batches: enough calls for the spacing to show.
      const result = await fixture.workspace.up("--parallel", "2");
      expect(result.code).toBe(0);

      // The program's access check (CatalogInfo) runs in its own process, before the provider.
      const calls = fixture.emulator.callLog().filter((call) => call.operationId !== "CatalogInfo");
      expect(calls.length).toBeGreaterThanOrEqual(20);
      // The ceiling spaces the moments calls are sent; the emulator sees them arrive after the
      // SDK has built each request, which takes longer for the first. So: on average no faster
      // than the ceiling, and never two calls in a burst (without it they come 5 to 30 ms apart).
      const gaps = calls.slice(1).map((call, i) => call.atMs - calls[i].atMs);
      const span = calls[calls.length - 1].atMs - calls[0].atMs;
      expect(span).toBeGreaterThanOrEqual((calls.length - 1) * INTERVAL_MS * 0.98);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS / 2);

      expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(40);
      expect(liveByType(fixture.emulator, "CATEGORY")).toHaveLength(4);
      expect(duplicateNames(fixture.emulator, "ITEM")).toEqual([]);
      expect(duplicateNames(fixture.emulator, "CATEGORY")).toEqual([]);
    },
    LONG,
  );
});
