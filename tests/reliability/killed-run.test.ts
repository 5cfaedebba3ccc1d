import type { RunningEmulator } from "../../emulator";
import { catalogFixture, writeCalls } from "../e2e/catalog-fixture";
import type { StateResource } from "../e2e/pulumi-workspace";
import { descendantsOf, isAlive } from "./process-tree";
import {
  FaultTally,
  arrangeUnrelatedObjects,
  largeMenu,
  verifyCatalog,
  waitFor,
} from "./reliability-fixture";

const LONG = 900_000;

function callCount(emulator: RunningEmulator): number {
  return Object.values(emulator.counters()).reduce((sum, n) => sum + n, 0);
}

/** Resolves once the emulator has received no call for `quietMs`. */
async function quiet(emulator: RunningEmulator, quietMs = 3000) {
  let last = callCount(emulator);
  let since = Date.now();
  await waitFor("the emulator to hear no more calls", () => {
    const now = callCount(emulator);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  });
}

/**
 * `pulumi up` dies (SIGKILL: an OOM kill, a cancelled CI job) while it creates a large menu. The
 * moment chosen is the worst one: Square has applied a write whose answer the engine has not
 * recorded, so those objects exist in Square and not in the state. What the person does next,
 * each step checked here:
 *
 *   1. `pulumi up` is refused: the dead run's lock is still on the stack. `pulumi cancel` lifts it.
 *   2. `pulumi refresh --clear-pending-creates` drops the creates the engine never heard back
 *      about (a plain `up` only warns about them; clearing them needs this flag when not
 *      interactive). Everything the state does record is refreshed.
 *   3. `pulumi preview` fails on an object the killed run made but never recorded: "would make
 *      a duplicate", with its ID (the engine stops at the first such refusal). Nothing is written.
 *   4. `pulumi config set square-catalog:adoptExisting true`, then `pulumi up`: each of those
 *      objects is the only one of its name, so it is taken over; the rest of the menu is made.
 */
describe("pulumi up killed (SIGKILL) in the middle of creating a 150-item menu", () => {
  test("the documented recovery converges: every object once, nothing lost, unrelated objects untouched", async () => {
    const menu = largeMenu(150, 6);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally("SIGKILL mid-create (150 items), pending creates");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      const managedCount = () => fixture.emulator.objects().length - unrelated.length;
      fixture.emulator.faults.setLatencyMs(100);

      tally.runs++;
      const running = fixture.workspace.start(["up", "--yes", "--non-interactive", "--skip-preview"]);
      await waitFor("40 objects created", () => managedCount() >= 40, 600_000);
      fixture.emulator.faults.dropAfterCommit("BatchUpsertCatalogObjects", 1);
      const before = managedCount();
      await waitFor("the next write to be applied", () => managedCount() > before, 300_000);
      const tree = descendantsOf(running.pid);
      running.kill();
      tally.inject(2);
      const killed = await running.done;
      expect(killed.signal).toBe("SIGKILL");

      // The engine starts its plugins in process groups of their own: they outlive the kill and
      // finish what they were doing. Once Square hears nothing more, the test ends them.
      await quiet(fixture.emulator);
      const survivors = tree.filter(isAlive);
      for (const pid of survivors) process.kill(pid, "SIGKILL");
      fixture.emulator.faults.clear();

      const exported = JSON.parse((await fixture.workspace.run(["stack", "export"])).stdout).deployment;
      const recorded = (exported.resources ?? []).filter((r: StateResource) => r.type.includes("dynamic/square"));
      const unrecorded = fixture.emulator
        .objects()
        .filter((o) => !unrelated.some((u) => u.id === o.id) && !recorded.some((r: StateResource) => r.id === o.id));
      const pending = exported.pending_operations?.length ?? 0;
      console.log(
        `killed after ${managedCount()} objects: ${recorded.length} recorded, ${unrecorded.length} unrecorded, ` +
          `${pending} pending operations, ${survivors.length} of ${tree.length} child processes outlived the kill`,
      );
      expect(unrecorded.length).toBeGreaterThan(0);

      const locked = await tally.run(fixture.workspace.up());
      expect(locked.code).not.toBe(0);
      expect(locked.output).toContain("the stack is currently locked");
      expect(locked.output).toContain("pulumi cancel");
      await fixture.workspace.must(["cancel", "--yes"]);

      const refresh = await tally.run(fixture.workspace.refresh("--clear-pending-creates"));
      expect(refresh.code).toBe(0);
      const cleared = JSON.parse((await fixture.workspace.run(["stack", "export"])).stdout).deployment;
      expect(cleared.pending_operations ?? []).toEqual([]);

      fixture.emulator.resetCounters();
      const preview = await tally.run(fixture.workspace.preview());
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain("would make a duplicate");
      // The engine stops the preview at the first refusal: one of the unrecorded objects is named.
      expect(unrecorded.some((object) => preview.output.includes(object.id))).toBe(true);
      expect(writeCalls(fixture.emulator)).toBe(0);

      await fixture.workspace.setConfig("adoptExisting", "true");
      const up = await tally.run(fixture.workspace.up());
      expect(up.code).toBe(0);
      for (const object of unrecorded) expect(up.output).toContain(object.id);

      await fixture.workspace.must(["config", "rm", "square-catalog:adoptExisting"]);
      const settled = await tally.run(fixture.workspace.preview());
      expect(settled.code).toBe(0);
      expect(settled.output).not.toMatch(/\+ .*create|~ .*update|- .*delete/);

      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
