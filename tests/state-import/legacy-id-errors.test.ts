import { catalogFixture, WRITE_OPERATIONS, type CatalogFixture } from "../e2e/catalog-fixture";
import { createLegacyCategory, createLegacyItem } from "./legacy-catalog";

/** Square already holds the legacy Wraps and Falafel Wrap; Salads and Greek Salad are new. */
const MENU = {
  categories: [{ name: "Wraps" }, { name: "Salads" }],
  items: [
    { name: "Falafel Wrap", category: "Wraps", variations: [{ name: "Regular", price: 1095 }] },
    { name: "Greek Salad", category: "Salads", variations: [{ name: "Regular", price: 4500 }] },
  ],
};

describe("legacy ID files that cannot be taken over stop `pulumi up` before any write", () => {
  let fixture: CatalogFixture;
  let wraps: string;
  let falafel: { id: string; variationId: string };
  let deletedCategory: string;

  beforeAll(async () => {
    fixture = await catalogFixture({ menu: MENU });
    wraps = await createLegacyCategory(fixture.square, "Wraps");
    falafel = await createLegacyItem(fixture.square, { name: "Falafel Wrap", categoryId: wraps, priceCents: 1095 });
    deletedCategory = await createLegacyCategory(fixture.square, "Wraps (old)");
    await fixture.square.catalog.object.delete({ objectId: deletedCategory });
  });
  afterAll(() => fixture?.dispose());

  /**
   * Runs `pulumi up` as a person or CI does, preview first, and checks that Square was not
   * written to. (With --skip-preview the engine still creates new objects that do not depend on
   * the failing one, such as Salads here, while the adoption check waits for Square's answer.)
   */
  async function upWith(categoryIds: string | object, menuItemIds: string | object) {
    fixture.workspace.writeFile("category_ids.json", categoryIds);
    fixture.workspace.writeFile("menu_item_ids.json", menuItemIds);
    const before = fixture.emulator.objects({ includeDeleted: true });
    fixture.emulator.resetCounters();

    const result = await fixture.workspace.run(["up", "--yes", "--non-interactive"]);

    expect(result.code).not.toBe(0);
    const counters = fixture.emulator.counters();
    expect(WRITE_OPERATIONS.map((op) => counters[op])).toEqual([0, 0, 0, 0]);
    expect(fixture.emulator.objects({ includeDeleted: true })).toEqual(before);
    return result.output;
  }

  test("an ID deleted in Square fails, naming the file, the entry and the ID", async () => {
    const output = await upWith({ Wraps: deletedCategory }, { "Falafel Wrap": falafel.id });
    expect(output).toContain(
      `"Wraps" → ${deletedCategory} (from category_ids.json entry "Wraps"): that object was deleted in Square.`,
    );
    expect(output).toContain("npm run legacy-ids -- check");
  });

  test("an ID of another type fails, saying what the ID is in Square", async () => {
    const output = await upWith({ Wraps: falafel.variationId }, { "Falafel Wrap": falafel.id });
    expect(output).toContain(
      `"Wraps" → ${falafel.variationId} (from category_ids.json entry "Wraps"): that ID is a ITEM_VARIATION in Square, not a CATEGORY.`,
    );
  });

  test("a malformed file fails with its line and column, before Square is asked anything", async () => {
    const output = await upWith(`{\n  "Wraps": "${wraps}"\n  "Salads": "X"\n}\n`, {});
    expect(output).toContain("category_ids.json: is not valid JSON at line 3, column 3");
    expect(fixture.emulator.counters().SearchCatalogObjects).toBe(0);
  });

  test("one ID under two names fails, naming both entries", async () => {
    const output = await upWith({ Wraps: wraps }, { "Falafel Wrap": wraps });
    expect(output).toContain(
      `menu_item_ids.json entry "Falafel Wrap": ${wraps} is also listed as category_ids.json entry "Wraps"`,
    );
    expect(output).toContain("Nothing was sent to Square.");
  });
});
