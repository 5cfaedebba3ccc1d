import { SMALL_MENU, TOKEN, catalogFixture, writeCalls } from "../e2e/catalog-fixture";
import { PulumiWorkspace } from "../e2e/pulumi-workspace";
import { FaultTally, arrangeUnrelatedObjects, largeMenu, verifyCatalog } from "./reliability-fixture";

const LONG = 900_000;

describe("two runs at once", () => {
  /**
   * Pulumi's file backend takes a lock per stack (a file under .pulumi/locks) for the length of
   * an update, so the second `up` is refused at once with "the stack is currently locked" and
   * writes nothing; run again once the first has finished.
   */
  test("two pulumi up on the same stack: one applies, the other is refused by the stack lock", async () => {
    const menu = largeMenu(30, 3);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally("two ups on one stack at once");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      const args = ["up", "--yes", "--non-interactive", "--skip-preview"];

      const first = fixture.workspace.start(args);
      const second = fixture.workspace.start(args);
      tally.runs += 2;
      tally.inject(1);
      const results = await Promise.all([first.done, second.done]);
      const codes = results.map((r) => r.code).sort();
      console.log(`two ups at once: exit codes ${codes.join(", ")}`);

      const refused = results.filter((r) => r.code !== 0);
      for (const result of refused) expect(result.output).toMatch(/locked/);
      expect(refused.length).toBeLessThanOrEqual(1);

      const rerun = await tally.run(fixture.workspace.up());
      expect(rerun.code).toBe(0);
      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  }, LONG);

  /**
   * A second stack (another engineer's, or production's settings copied to a new stack) pointed
   * at a catalog another stack already manages. It must not take the objects over silently: its
   * preview and up fail on a declared name, naming the existing object, and write nothing.
   */
  test("two stacks pointed at one catalog: the second fails on duplicates and writes nothing", async () => {
    const menu = structuredClone(SMALL_MENU);
    const fixture = await catalogFixture({ menu });
    const other = await PulumiWorkspace.create({
      stack: "second",
      config: { environment: "local", baseUrl: fixture.emulator.url, menuFile: "menu.json" },
      secrets: { accessToken: TOKEN },
    });
    try {
      other.writeFile("menu.json", menu);
      const tally = new FaultTally("two stacks on one catalog");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      expect((await tally.run(fixture.workspace.up())).code).toBe(0);
      const ids = fixture.emulator.objects().map((o) => o.id);
      fixture.emulator.resetCounters();
      tally.inject(1);

      const preview = await tally.run(other.preview());
      expect(preview.code).not.toBe(0);
      const up = await tally.run(other.run(["up", "--yes", "--non-interactive"]));
      expect(up.code).not.toBe(0);
      for (const output of [preview.output, up.output]) {
        expect(output).toContain("would make a duplicate");
        // The engine stops at the first refusal; it names one of the first stack's objects.
        const owned = fixture.emulator.objects().filter((o) => !unrelated.some((u) => u.id === o.id));
        expect(owned.some((object) => output.includes(object.id))).toBe(true);
      }
      expect(writeCalls(fixture.emulator)).toBe(0);
      expect(fixture.emulator.objects().map((o) => o.id)).toEqual(ids);

      // The first stack still owns everything and sees nothing to do.
      const again = await tally.run(fixture.workspace.up());
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/7 unchanged/);
      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      other.dispose();
      await fixture.dispose();
    }
  }, LONG);
});
