import { menu } from "../../catalog/menu";
import defaultMenu from "../../catalog/menu";
import { normalizeName } from "../../catalog/normalize-name";
import { validateMenu } from "../../catalog/validate-menu";

describe("the shipped menu in catalog/menu.ts", () => {
  it("validates", () => {
    expect(() => validateMenu(menu, "catalog/menu.ts")).not.toThrow();
  });

  it("is the default export too", () => {
    expect(defaultMenu).toBe(menu);
  });

  it("is a realistic catering menu: several categories, dozens of items, every one filed", () => {
    expect(menu.categories.length).toBeGreaterThanOrEqual(8);
    expect(menu.items.length).toBeGreaterThanOrEqual(35);

    const declared = new Set(menu.categories.map((category) => normalizeName(category.name)));
    for (const item of menu.items) expect(declared).toContain(normalizeName(item.category));
  });

  it("has every default filled in", () => {
    for (const item of menu.items) {
      expect(item.availableOnline).toBe(true);
      expect(item.presentAtAllLocations).toBe(true);
      for (const variation of item.variations) expect(variation.currency).toBe("USD");
    }
  });
});
