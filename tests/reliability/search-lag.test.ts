import { catalogFixture } from "../e2e/catalog-fixture";
import { FaultTally, arrangeUnrelatedObjects, largeMenu, verifyCatalog } from "./reliability-fixture";

const LONG = 600_000;
const LAG_MS = 4000;

/**
 * Square's search index may show a write seconds after it happened. The provider never learns
 * about its own writes from search (it keeps what each write answers), and a refresh looks up by
 * ID what search does not show yet, so a lagging index neither duplicates nor forgets anything.
 */
describe(`search that sees writes only ${LAG_MS / 1000} s later`, () => {
  test("an up that creates 60 items, a refresh and a second up while the index lags: each object once", async () => {
    const menu = largeMenu(60, 5);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally(`search lag ${LAG_MS} ms during a 60-item up`);
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      fixture.emulator.faults.setSearchLagMs(LAG_MS);
      tally.inject(1);

      expect((await tally.run(fixture.workspace.up())).code).toBe(0);
      const refresh = await tally.run(fixture.workspace.refresh());
      expect(refresh.code).toBe(0);
      expect(refresh.output).not.toMatch(/\(delete\)|deleted/);
      const again = await tally.run(fixture.workspace.up());
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/66 unchanged/);

      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
