import { SMALL_MENU, catalogFixture, writeCalls, type CatalogFixture } from "../e2e/catalog-fixture";
import { callCount, errorCount, errorText, tableRow } from "./bad-input-fixture";

const LONG = 300_000;

/**
 * Legacy ID files the program cannot take over, through the real engine. Already specified
 * elsewhere and not repeated here: a malformed file with its line and column, an ID deleted in
 * Square, an ID of another type, one ID under two names (tests/state-import/legacy-id-errors);
 * each problem code on its own (tests/state-import/load-adoptions).
 */
describe("malformed or inconsistent legacy ID files", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
  }, LONG);
  afterAll(() => fixture?.dispose());

  test("every problem of both files in one error, before Square is asked anything", async () => {
    fixture.workspace.writeFile("category_ids.json", ["3Q3X4LNHUZMAO6T2Y2ZIF7W2"]);
    fixture.workspace.writeFile("menu_item_ids.json", {
      "Greek Salad": "greek salad",
      "Cookie Platter": 1234,
      "Turkey Club Wrapp": "CSYUNQCZ66ZR2LDMY3TWNHRJ",
    });
    fixture.emulator.resetCounters();

    const up = await fixture.workspace.run(["up", "--yes", "--non-interactive"]);

    expect(up.code).not.toBe(0);
    expect(errorCount(up)).toBe(1);
    const text = errorText(up);
    expect(text).toMatch(/The legacy ID files in \S+ have 4 problems:/);
    expect(text).toContain("category_ids.json:");
    expect(text).toContain('menu_item_ids.json entry "Greek Salad": "greek salad" is not a Square ID');
    expect(text).toContain('menu_item_ids.json entry "Cookie Platter": expected a Square ID in double quotes, got');
    expect(text).toContain(
      'menu_item_ids.json entry "Turkey Club Wrapp": no item of that name is declared in the menu. Did you mean "Turkey Club Wrap"?',
    );
    expect(text).toContain("Nothing was sent to Square.");
    expect(callCount(fixture.emulator)).toBe(0);
    tableRow(
      "legacy ID files: a list instead of an object, a name as the ID, a number, an undeclared name",
      'The legacy ID files in … have 4 problems: … menu_item_ids.json entry "Turkey Club Wrapp": no item of that name is declared in the menu. Did you mean "Turkey Club Wrap"?',
      "the program (`state-import/`), no call",
    );
  }, LONG);

  test("an ID that Square does not know: the preview names the entry and the ID, and nothing is written", async () => {
    fixture.workspace.writeFile("category_ids.json", { Wraps: "ZZZZZZZZZZZZZZZZZZZZZZZZ" });
    fixture.workspace.writeFile("menu_item_ids.json", {});
    fixture.emulator.resetCounters();

    const preview = await fixture.workspace.preview();
    const up = await fixture.workspace.run(["up", "--yes", "--non-interactive"]);

    for (const result of [preview, up]) {
      expect(result.code).not.toBe(0);
      expect(errorText(result)).toContain(
        '"Wraps" → ZZZZZZZZZZZZZZZZZZZZZZZZ (from category_ids.json entry "Wraps"): no such object in Square.',
      );
      expect(errorText(result)).toContain("npm run legacy-ids -- check");
    }
    expect(writeCalls(fixture.emulator)).toBe(0);
    expect(fixture.emulator.objects()).toEqual([]);
    tableRow(
      "legacy ID files: a well-formed ID unknown to Square",
      '"Wraps" → ZZZ… (from category_ids.json entry "Wraps"): no such object in Square. Remove the entry … or correct the ID',
      "the provider's `check` (preview), reads only",
    );
  }, LONG);
});
