import { SMALL_MENU, catalogFixture, liveByType, nameOfJson, type CatalogFixture } from "../e2e/catalog-fixture";
import {
  FaultTally,
  arrangeUnrelatedObjects,
  verifyCatalog,
  type JsonMenu,
  type UnrelatedObject,
} from "./reliability-fixture";

/** Generous: the engine shares two cores with whatever else the machine runs. */
const LONG = 600_000;

/**
 * Square answers 429 when a seller's calls come too fast and, rarely, 500. For every endpoint the
 * provider uses, a storm the client can ride out (Retry-After honoured, backoff) leaves the run
 * unaffected; a longer one fails the run with a message naming the call, and a plain re-run
 * converges. Each test changes the menu so that the run has work for that endpoint.
 */
describe("429 storms and 500s on each endpoint the stack uses", () => {
  let fixture: CatalogFixture;
  let unrelated: UnrelatedObject[];
  let menu: JsonMenu = structuredClone(SMALL_MENU);

  beforeAll(async () => {
    fixture = await catalogFixture({ menu });
    unrelated = await arrangeUnrelatedObjects(fixture.square, fixture.emulator);
  });
  afterAll(() => fixture?.dispose());

  function declare(next: JsonMenu) {
    menu = next;
    fixture.workspace.writeFile("menu.json", menu);
  }

  function addItem(name: string, price: number) {
    declare({ ...menu, items: [...menu.items, { name, category: "Wraps", variations: [{ name: "Regular", price }] }] });
  }

  function expectConverged(tally: FaultTally) {
    const verdict = verifyCatalog(fixture.emulator, menu, unrelated);
    tally.report(verdict);
    expect(verdict.problems).toEqual([]);
  }

  test("CatalogInfo (the program's access check): a short storm is ridden out; a long one fails clearly", async () => {
    const tally = new FaultTally("CatalogInfo 429/500");
    fixture.emulator.faults.failNext("CatalogInfo", 1, { status: 429, retryAfterSeconds: 1 });
    fixture.emulator.faults.failNext("CatalogInfo", 1, { status: 500 });
    tally.inject(2);
    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);

    addItem("Falafel Wrap", 1095);
    fixture.emulator.faults.failNext("CatalogInfo", 3, { status: 429, retryAfterSeconds: 1 });
    tally.inject(3);
    const failed = await tally.run(fixture.workspace.up());
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/GET \/v2\/catalog\/info/);
    expect(failed.output).toMatch(/429/);
    expect(failed.output).toMatch(/run .*again/i);
    expect(liveByType(fixture.emulator, "ITEM").map(nameOfJson)).not.toContain("Falafel Wrap");

    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);
  }, LONG);

  test.each([
    ["SearchCatalogObjects", "a new item is checked against Square", "Chicken Wrap"],
    ["BatchUpsertCatalogObjects", "a new item is written", "Veggie Wrap"],
  ])("%s (%s): a short storm is ridden out; a long one fails clearly", async (operation, _why, name) => {
    const tally = new FaultTally(`${operation} 429/500`);
    addItem(`${name} Regular`, 1200);
    fixture.emulator.faults.failNext(operation, 3, { status: 429, retryAfterSeconds: 1 });
    fixture.emulator.faults.failNext(operation, 2, { status: 500 });
    tally.inject(5);
    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);

    addItem(`${name} Large`, 1500);
    fixture.emulator.faults.failNext(operation, 8, { status: 500 });
    tally.inject(8);
    const failed = await tally.run(fixture.workspace.up());
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(`${operation} failed with HTTP 500`);
    expect(failed.output).toMatch(/run .*again/i);

    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);
  }, LONG);

  test("BatchDeleteCatalogObjects (an item removed from the menu): a storm is ridden out; a long one fails clearly", async () => {
    const tally = new FaultTally("BatchDeleteCatalogObjects 429/500");
    declare({ ...menu, items: menu.items.filter((i) => i.name !== "Cookie Platter") });
    fixture.emulator.faults.failNext("BatchDeleteCatalogObjects", 3, { status: 429, retryAfterSeconds: 1 });
    fixture.emulator.faults.failNext("BatchDeleteCatalogObjects", 2, { status: 500 });
    tally.inject(5);
    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);

    declare({ ...menu, items: menu.items.filter((i) => i.name !== "Greek Salad") });
    fixture.emulator.faults.failNext("BatchDeleteCatalogObjects", 8, { status: 500 });
    tally.inject(8);
    const failed = await tally.run(fixture.workspace.up());
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("BatchDeleteCatalogObjects failed with HTTP 500");

    expect((await tally.run(fixture.workspace.up())).code).toBe(0);
    expectConverged(tally);
  }, LONG);
});
