import { SMALL_MENU, catalogFixture } from "../e2e/catalog-fixture";
import { FaultTally, arrangeUnrelatedObjects, verifyCatalog } from "./reliability-fixture";

const LONG = 600_000;

/**
 * A refresh looks up by ID (BatchRetrieveCatalogObjects) whatever the search index does not
 * show yet. If that lookup fails, the object must not be taken for deleted: the state would
 * forget an object that exists, and the next `up`, with the index still behind, would create
 * it a second time.
 */
describe("429 storms and 500s on BatchRetrieveCatalogObjects during a refresh while search lags", () => {
  test("a storm is ridden out; a long one fails the refresh and the state forgets nothing", async () => {
    const menu = structuredClone(SMALL_MENU);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally("BatchRetrieveCatalogObjects 429/500 (refresh, search lag)");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      fixture.emulator.faults.setSearchLagMs(10 * 60_000);
      expect((await tally.run(fixture.workspace.up())).code).toBe(0);

      fixture.emulator.faults.failNext("BatchRetrieveCatalogObjects", 3, { status: 429, retryAfterSeconds: 1 });
      fixture.emulator.faults.failNext("BatchRetrieveCatalogObjects", 2, { status: 500 });
      tally.inject(5);
      const refreshed = await tally.run(fixture.workspace.refresh());
      expect(refreshed.code).toBe(0);
      expect(refreshed.output).not.toMatch(/\(delete\)/);
      expect(fixture.emulator.counters().BatchRetrieveCatalogObjects).toBe(6);

      fixture.emulator.faults.failNext("BatchRetrieveCatalogObjects", 8, { status: 500 });
      tally.inject(8);
      const failed = await tally.run(fixture.workspace.refresh());
      expect(failed.output).toContain("BatchRetrieveCatalogObjects failed with HTTP 500");
      expect(failed.output).toContain("Run `pulumi up` again");
      expect(failed.code).not.toBe(0);
      const state = await fixture.workspace.exportStack();
      expect(state.deployment.resources?.filter((r) => r.type.includes("dynamic/square"))).toHaveLength(6);

      // Still behind: the re-run finds every object by ID, and up has nothing to create.
      expect((await tally.run(fixture.workspace.refresh())).code).toBe(0);
      const up = await tally.run(fixture.workspace.up());
      expect(up.code).toBe(0);
      expect(up.output).toMatch(/7 unchanged/);
      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
