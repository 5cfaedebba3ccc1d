import { randomUUID } from "node:crypto";

import { SMALL_MENU, catalogFixture, writeCalls } from "../e2e/catalog-fixture";
import { FaultTally, arrangeUnrelatedObjects, verifyCatalog } from "./reliability-fixture";

const LONG = 600_000;

/**
 * Someone else (a script, a colleague in the dashboard) creates an object under a declared name
 * after the preview was read and before `up` runs. The `up` finds it and refuses, naming it;
 * the person decides: here, take it over with adoptExisting, the path the message offers.
 */
describe("a second process creating an object with a declared name between preview and up", () => {
  test("up refuses to create a copy; adoptExisting then takes the object over", async () => {
    const menu = structuredClone(SMALL_MENU);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally("SDK create between preview and up");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);

      const preview = await tally.run(fixture.workspace.preview());
      expect(preview.code).toBe(0);

      const made = await fixture.square.catalog.object.upsert({
        idempotencyKey: randomUUID(),
        object: { type: "CATEGORY", id: "#salads", categoryData: { name: "Salads" } },
      });
      const intruder = made.catalogObject!;
      tally.inject(1);
      fixture.emulator.resetCounters();

      const refused = await tally.run(fixture.workspace.run(["up", "--yes", "--non-interactive"]));
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain(`${intruder.id}  "Salads"`);
      expect(refused.output).toContain("would make a duplicate");
      expect(refused.output).toContain("square-catalog:adoptExisting true");
      expect(writeCalls(fixture.emulator)).toBe(0);

      await fixture.workspace.setConfig("adoptExisting", "true");
      expect((await tally.run(fixture.workspace.up())).code).toBe(0);

      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
      const outputs = await fixture.workspace.outputs();
      expect((outputs.categoryIds as Record<string, string>).Salads).toBe(intruder.id);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
