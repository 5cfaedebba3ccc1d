import * as catalog from "../../catalog";

describe("the catalog entry point", () => {
  it("exports the shipped menu and the functions to declare, load and check a menu", () => {
    expect(catalog.menu.items.length).toBeGreaterThan(0);
    for (const name of [
      "normalizeName",
      "validateMenu",
      "loadMenuFile",
      "defineMenu",
      "category",
      "item",
      "variation",
      "dollars",
    ] as const) {
      expect(typeof catalog[name]).toBe("function");
    }
    expect(catalog.MENU_FILE_CONFIG_KEY).toBe("square-catalog:menuFile");
  });
});
