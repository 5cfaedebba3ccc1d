import { SMALL_MENU, catalogFixture, type CatalogFixture } from "../e2e/catalog-fixture";
import { callCount, errorCount, errorText, tableRow } from "./bad-input-fixture";

const LONG = 300_000;

function menuWith(change: (menu: any) => void): any {
  const menu = structuredClone(SMALL_MENU) as any;
  change(menu);
  return menu;
}

/**
 * A menu file with mistakes stops `pulumi preview` and `pulumi up` in the program, before a
 * resource is registered: one error that lists every problem with its path in the file, and not
 * a single call to Square. (tests/catalog/ specifies each message; these run the real engine.)
 */
describe("a bad menu file (square-catalog:menuFile)", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
  }, LONG);
  afterAll(() => fixture?.dispose());

  test.each<[string, string | object, string[]]>([
    [
      "broken JSON (a missing comma)",
      '{\n  "categories": [{ "name": "Wraps" }]\n  "items": []\n}\n',
      ["menu.json is not valid JSON at line 3, column 3", "Fix the file at that spot"],
    ],
    [
      "wrong types (a price as text, a name as a number)",
      menuWith((m) => {
        m.items[0].variations[0].price = "11.50";
        m.categories[1].name = 42;
      }),
      [
        "the menu has 3 problems",
        "categories[1].name",
        'items[0].variations[0].price: expected a number, got the text "11.50"',
        "Nothing was sent to Square",
      ],
    ],
    [
      "an unknown category",
      menuWith((m) => (m.items[0].category = "Wrap")),
      ['items[0].category: no category named "Wrap" is declared in categories; did you mean "Wraps"?'],
    ],
    [
      "prices out of range",
      menuWith((m) => {
        m.items[0].variations[0].price = -100;
        m.items[1].variations[1].price = 100_000_001;
      }),
      [
        "items[0].variations[0].price: expected 0 or more, got -100",
        "items[1].variations[1].price: expected at most 100000000",
      ],
    ],
    [
      "names too long",
      menuWith((m) => {
        m.categories[2].name = "D".repeat(256);
        m.items[2].category = "D".repeat(256);
        m.items[1].name = "S".repeat(513);
      }),
      [
        "categories[2].name: expected a category name of at most 255 characters, got 256",
        "items[1].name: expected an item name of at most 512 characters, got 513",
      ],
    ],
    [
      "empty names",
      menuWith((m) => {
        m.categories[0].name = "   ";
        m.items[1].name = "";
      }),
      ["categories[0].name: expected a category name, got only spaces", "items[1].name: expected an item name, got an empty name"],
    ],
  ])("%s: one error naming every problem, before any call to Square", async (label, menu, expected) => {
    fixture.workspace.writeFile("menu.json", menu);
    fixture.emulator.resetCounters();

    const preview = await fixture.workspace.preview();
    const up = await fixture.workspace.up();

    for (const result of [preview, up]) {
      expect(result.code).not.toBe(0);
      for (const excerpt of expected) expect(errorText(result)).toContain(excerpt);
      expect(errorCount(result)).toBe(1);
    }
    expect(callCount(fixture.emulator)).toBe(0);
    expect(fixture.emulator.objects()).toEqual([]);
    tableRow(`menu file: ${label}`, expected[0], "the program, before Square is called (`catalog/`)");
  }, LONG);

  test("a menu file that does not exist: one error with the path and the config key", async () => {
    await fixture.workspace.setConfig("menuFile", "menus/dinner.json");
    fixture.emulator.resetCounters();
    try {
      const preview = await fixture.workspace.preview();
      expect(preview.code).not.toBe(0);
      expect(errorText(preview)).toContain("menus/dinner.json");
      expect(errorText(preview)).toContain("does not exist");
      expect(errorText(preview)).toContain("square-catalog:menuFile");
      expect(errorCount(preview)).toBe(1);
      expect(callCount(fixture.emulator)).toBe(0);
      tableRow("menu file: missing", "menu file menus/dinner.json (...) does not exist", "the program (`catalog/load-menu.ts`)");
    } finally {
      await fixture.workspace.setConfig("menuFile", "menu.json");
    }
  }, LONG);
});
