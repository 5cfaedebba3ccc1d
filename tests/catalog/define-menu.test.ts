import { category, defineMenu, dollars, item, variation } from "../../catalog/define-menu";
import { MenuValidationError } from "../../catalog/menu-validation-error";

describe("dollars", () => {
  it.each([
    [12.5, 1250],
    [0, 0],
    [0.29, 29],
    [1.1, 110],
    [19.99, 1999],
    [1_000_000, 100_000_000],
  ])("converts %p dollars to %p cents without floating-point drift", (amount, cents) => {
    expect(dollars(amount)).toBe(cents);
  });

  it("refuses more than two decimals instead of rounding them away", () => {
    expect(() => dollars(12.345)).toThrow("dollars(12.345): a price has at most two decimals");
    expect(() => dollars(0.1 + 0.2)).toThrow(RangeError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses %p", (amount) => {
    expect(() => dollars(amount)).toThrow("expected 0 or more dollars");
  });

  it("refuses more than a million dollars", () => {
    expect(() => dollars(1e21)).toThrow("expected at most 1000000 dollars");
  });
});

describe("menu helpers", () => {
  it("give an item with a single price one variation called Regular", () => {
    expect(item("Bottled Water", { category: "Beverages", price: 200 })).toEqual({
      name: "Bottled Water",
      category: "Beverages",
      variations: [{ name: "Regular", price: 200 }],
    });
  });

  it("keep an item's own variations and other fields", () => {
    const tray = item("Baked Ziti", {
      category: "Hot Entrées",
      description: "Ziti baked with marinara.",
      availableOnline: false,
      variations: [variation("Half Tray", dollars(70)), variation("Full Tray", 13000, "CAD")],
    });

    expect(tray).toEqual({
      name: "Baked Ziti",
      category: "Hot Entrées",
      description: "Ziti baked with marinara.",
      availableOnline: false,
      variations: [
        { name: "Half Tray", price: 7000 },
        { name: "Full Tray", price: 13000, currency: "CAD" },
      ],
    });
  });

  it("build categories with a description or a key", () => {
    expect(category("Sides")).toEqual({ name: "Sides" });
    expect(category("Sides", "Hot.")).toEqual({ name: "Sides", description: "Hot." });
    expect(category("Sides", { key: "sides" })).toEqual({ name: "Sides", key: "sides" });
  });

  it("defineMenu returns the menu with defaults, or throws naming the given source", () => {
    const menu = defineMenu({
      categories: [category("Sides")],
      items: [item("Rice Pilaf", { category: "Sides", price: 3500 })],
    });
    expect(menu.items[0].variations[0].currency).toBe("USD");

    const declareBadMenu = () =>
      defineMenu(
        { categories: [], items: [item("Rice Pilaf", { category: "Sides", price: 3500 })] },
        "catalog/menu.ts",
      );
    expect(declareBadMenu).toThrow(MenuValidationError);
    expect(declareBadMenu).toThrow(/^catalog\/menu\.ts: the menu has 1 problem:/);
  });
});
