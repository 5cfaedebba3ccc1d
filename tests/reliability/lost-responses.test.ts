import { SMALL_MENU, catalogFixture, type CatalogFixture } from "../e2e/catalog-fixture";
import {
  FaultTally,
  arrangeUnrelatedObjects,
  largeMenu,
  verifyCatalog,
  type JsonMenu,
  type UnrelatedObject,
} from "./reliability-fixture";

const LONG = 600_000;

/**
 * Square applied the write, then the connection dropped before its answer arrived. The provider
 * sends the same call again with the same idempotency key, and Square answers with what the first
 * attempt wrote: one object, not two, and the state records it.
 */
describe("a write applied by Square whose answer never arrives", () => {
  let fixture: CatalogFixture;
  let unrelated: UnrelatedObject[];
  let menu: JsonMenu;

  beforeAll(async () => {
    menu = structuredClone(SMALL_MENU);
    fixture = await catalogFixture({ menu });
    unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
  }, LONG);
  afterAll(() => fixture?.dispose());

  function declare(next: JsonMenu) {
    menu = next;
    fixture.workspace.writeFile("menu.json", menu);
  }

  function expectConverged(tally: FaultTally) {
    const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
    tally.report(verdict);
    expect(verdict.problems).toEqual([]);
  }

  test("on create: every object exists once and the state holds its ID", async () => {
    const tally = new FaultTally("dropAfterCommit on create");
    fixture.emulator.faults.dropAfterCommit("BatchUpsertCatalogObjects", 2);
    tally.inject(2);

    const up = await tally.run(fixture.workspace.up());
    expect(up.code).toBe(0);
    expectConverged(tally);

    const outputs = await fixture.workspace.outputs();
    const items = fixture.emulator.objects().filter((o) => o.type === "ITEM" && !unrelated.some((u) => u.id === o.id));
    expect(Object.values(outputs.menuItemIds as object).sort()).toEqual(items.map((i) => i.id).sort());

    const again = await tally.run(fixture.workspace.preview());
    expect(again.code).toBe(0);
    expect(again.output).not.toMatch(/\+ .*create|~ .*update/);
  }, LONG);

  test("on update: the item is updated once, keeping its ID and variation IDs", async () => {
    const tally = new FaultTally("dropAfterCommit on update");
    const before = fixture.emulator.objects().find((o) => (o as any).item_data?.name === "Greek Salad") as any;
    const next = structuredClone(menu);
    next.items.find((i) => i.name === "Greek Salad")!.variations[0].price = 4700;
    declare(next);
    fixture.emulator.faults.dropAfterCommit("BatchUpsertCatalogObjects", 1);
    tally.inject(1);

    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    const after = fixture.emulator.objects().find((o) => o.id === before.id) as any;
    expect(after.item_data.variations.map((v: any) => v.id)).toEqual(
      before.item_data.variations.map((v: any) => v.id),
    );
    expect(after.version).toBeGreaterThan(before.version);
    expectConverged(tally);

    // The state recorded the version the lost answer carried: the next up has nothing to do and
    // a later change is not refused as stale.
    next.items.find((i) => i.name === "Greek Salad")!.variations[0].price = 4800;
    declare(next);
    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);
  }, LONG);

  test("on delete: the item is gone once and the state forgets it", async () => {
    const tally = new FaultTally("dropAfterCommit on delete");
    declare({ ...menu, items: menu.items.filter((i) => i.name !== "Cookie Platter") });
    fixture.emulator.faults.dropAfterCommit("BatchDeleteCatalogObjects", 1);
    tally.inject(1);

    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);
    const state = await fixture.workspace.exportStack();
    expect(state.deployment.resources?.some((r) => r.urn.endsWith("::item:Cookie Platter"))).toBe(false);
  }, LONG);
});

describe("answers lost while many creates share batch calls", () => {
  test("every one of 40 items exists once", async () => {
    const menu = largeMenu(40, 4);
    const fixture = await catalogFixture({ menu });
    try {
      const tally = new FaultTally("dropAfterCommit on shared batches (40 items)");
      const unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
      fixture.emulator.faults.dropAfterCommit("BatchUpsertCatalogObjects", 3);
      tally.inject(3);

      expect((await tally.run(fixture.workspace.up())).code).toBe(0);
      const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
