import { MenuValidationError } from "../../catalog/menu-validation-error";
import type { MenuInput } from "../../catalog/schema";
import { validateMenu } from "../../catalog/validate-menu";

/** A valid menu to spoil one field at a time. */
function smallMenu(): MenuInput {
  return {
    categories: [{ name: "Wraps" }, { name: "Salads" }],
    items: [
      {
        name: "Turkey Club Wrap",
        category: "Wraps",
        variations: [{ name: "Regular", price: 1195 }],
      },
      { name: "Greek Salad", category: "Salads", variations: [{ name: "Regular", price: 950 }] },
    ],
  };
}

/** The problems validateMenu reports for `input`, failing the test if it accepts it. */
function problemsOf(input: unknown): { path: string; message: string }[] {
  try {
    validateMenu(input, "catalog/menu.ts");
  } catch (error) {
    expect(error).toBeInstanceOf(MenuValidationError);
    return (error as MenuValidationError).problems;
  }
  throw new Error("expected the menu to be rejected, but it was accepted");
}

function pathsOf(input: unknown): string[] {
  return problemsOf(input).map((problem) => problem.path);
}

describe("validateMenu", () => {
  it("accepts a valid menu and fills in the defaults", () => {
    const menu = validateMenu(smallMenu(), "catalog/menu.ts");

    expect(menu.items[0]).toEqual({
      name: "Turkey Club Wrap",
      category: "Wraps",
      variations: [{ name: "Regular", price: 1195, currency: "USD" }],
      availableOnline: true,
      presentAtAllLocations: true,
    });
  });

  it("reports every problem at once, with its path, the source and what to do next", () => {
    const menu = smallMenu() as any;
    menu.categories.push({ name: " wraps " });
    menu.items[0].variations[0].price = 11.95;
    menu.items[1].category = "Desserts";
    menu.items.push({ name: "", category: "Wraps", variations: [] });

    let error: MenuValidationError | undefined;
    try {
      validateMenu(menu, "menu file menu.json");
    } catch (caught) {
      error = caught as MenuValidationError;
    }

    expect(error?.problems.map((problem) => problem.path)).toEqual([
      "categories[2].name",
      "items[0].variations[0].price",
      "items[1].category",
      "items[2].name",
      "items[2].variations",
    ]);
    const lines = error?.message.split("\n") ?? [];
    expect(lines[0]).toBe("menu file menu.json: the menu has 5 problems:");
    expect(lines).toContain(
      "  items[0].variations[0].price: expected a whole number of cents, got 11.95 " +
        "(for $11.95 write 1195): price must be a whole number of cents, e.g. 1250 for $12.50",
    );
    expect(lines[lines.length - 1]).toMatch(/^Nothing was sent to Square\. Fix .* menu\.json/);
  });

  it("reports an input that is not a menu object at all", () => {
    expect(problemsOf([])).toEqual([
      { path: "menu", message: "expected an object, got a list of 0 entries" },
    ]);
    expect(pathsOf({})).toEqual(["categories", "items"]);
  });

  it("names an unknown field and the field most likely meant", () => {
    const menu = smallMenu() as any;
    menu.items[0].descripton = "typo";

    expect(problemsOf(menu)).toEqual([
      { path: "items[0].descripton", message: 'unknown field; did you mean "description"?' },
    ]);
  });

  describe("names that Square would show as duplicates", () => {
    it.each([
      ["differing only in case and spacing", "Wraps", " wraps "],
      ["in composed and decomposed Unicode form", "Caf\u00e9", "Cafe\u0301"],
      ["with a fullwidth letter", "Wraps", "\uff37raps"],
    ])("are duplicate categories when %s", (_, first, second) => {
      const menu = smallMenu();
      menu.categories = [{ name: first }, { name: "Salads" }, { name: second }];
      menu.items = [];

      expect(problemsOf(menu)).toEqual([
        {
          path: "categories[2].name",
          message:
            `${JSON.stringify(second)} is the same name as categories[0].name ` +
            `${JSON.stringify(first)} (names are compared ignoring case, spacing and Unicode ` +
            "form); rename one or remove the duplicate",
        },
      ]);
    });

    it("are duplicate items across categories", () => {
      const menu = smallMenu();
      menu.items[1].name = "TURKEY  CLUB WRAP";

      expect(pathsOf(menu)).toEqual(["items[1].name"]);
      const [problem] = problemsOf(menu);
      expect(problem.message).toContain('same name as items[0].name "Turkey Club Wrap"');
    });

    it("are duplicate variations within one item, but not across items", () => {
      const menu = smallMenu();
      menu.items[0].variations.push({ name: "regular", price: 1500 });

      expect(pathsOf(menu)).toEqual(["items[0].variations[1].name"]);
      expect(problemsOf(menu)[0].message).toContain("items[0].variations[0].name");
    });

    it("are reported for repeated category keys", () => {
      const menu = smallMenu();
      menu.categories = [{ key: "wraps", name: "Wraps" }, { key: "wraps", name: "Salads" }];

      expect(pathsOf(menu)).toEqual(["categories[1].key"]);
    });

    it("are reported for repeated item keys", () => {
      const menu = smallMenu();
      menu.items = [
        { ...menu.items[0], key: "club" },
        { ...menu.items[0], name: "Another Wrap", key: "club" },
      ];

      expect(pathsOf(menu)).toEqual(["items[1].key"]);
    });
  });

  describe("an item's category", () => {
    it("must be a declared category, and the closest declared name is suggested", () => {
      const menu = smallMenu();
      menu.items[0].category = "Wrap";

      expect(problemsOf(menu)).toEqual([
        {
          path: "items[0].category",
          message: 'no category named "Wrap" is declared in categories; did you mean "Wraps"?',
        },
      ]);
    });

    it("lists the declared categories when none is close", () => {
      const menu = smallMenu();
      menu.items[0].category = "Beverages";

      expect(problemsOf(menu)[0].message).toContain('use one of "Wraps", "Salads"');
    });

    it("matches a declared category ignoring case, spacing and Unicode form", () => {
      const menu = smallMenu();
      menu.items[0].category = "  WRAPS";

      expect(() => validateMenu(menu, "catalog/menu.ts")).not.toThrow();
    });
  });

  describe("prices", () => {
    it.each([
      ["negative", -100, "expected 0 or more, got -100"],
      ["fractional", 12.5, "expected a whole number of cents, got 12.5 (for $12.50 write 1250)"],
      ["huge", 100_000_001, "expected at most 100000000 ($1,000,000.00), got 100000001"],
      ["unsafe", 2 ** 60, "expected at most 100000000"],
      ["text", "12.50", 'expected a number, got the text "12.50"'],
      ["missing", undefined, "price is required but missing"],
      ["null", null, "expected a number, got null"],
      ["NaN", Number.NaN, "expected a number, got NaN"],
      ["infinite", Number.POSITIVE_INFINITY, "Infinity"],
    ])("are rejected when %s", (_, price, expected) => {
      const menu = smallMenu() as any;
      menu.items[0].variations[0].price = price;

      const [problem, ...others] = problemsOf(menu);
      expect(others).toEqual([]);
      expect(problem.path).toBe("items[0].variations[0].price");
      expect(problem.message).toContain(expected);
      expect(problem.message).toContain(
        "price must be a whole number of cents, e.g. 1250 for $12.50",
      );
    });

    it("accept zero and the upper bound", () => {
      const menu = smallMenu();
      menu.items[0].variations[0].price = 0;
      menu.items[1].variations[0].price = 100_000_000;

      expect(() => validateMenu(menu, "catalog/menu.ts")).not.toThrow();
    });

    it("need a three-letter ISO 4217 currency code in capitals", () => {
      const menu = smallMenu();
      menu.items[0].variations[0].currency = "usd";

      expect(pathsOf(menu)).toEqual(["items[0].variations[0].currency"]);
    });
  });

  describe("name lengths, counted in Unicode code points", () => {
    const pizza = "\u{1F355}";

    it("accept a category name of 255 emoji, which is 510 UTF-16 units", () => {
      const menu = smallMenu();
      menu.categories[0].name = pizza.repeat(255);
      menu.items[0].category = pizza.repeat(255);

      expect(menu.categories[0].name.length).toBe(510);
      expect(() => validateMenu(menu, "catalog/menu.ts")).not.toThrow();
    });

    it("reject a category name of 256 emoji", () => {
      const menu = smallMenu();
      menu.categories[0].name = pizza.repeat(256);
      menu.items[0].category = pizza.repeat(256);

      expect(problemsOf(menu)).toEqual([
        {
          path: "categories[0].name",
          message: "expected a category name of at most 255 characters, got 256",
        },
      ]);
    });

    it("allow item names up to 512 and reject 513", () => {
      const menu = smallMenu();
      menu.items[0].name = "a".repeat(512);
      expect(() => validateMenu(menu, "catalog/menu.ts")).not.toThrow();

      menu.items[0].name = "a".repeat(513);
      expect(pathsOf(menu)).toEqual(["items[0].name"]);
    });

    it("reject a description over 4096", () => {
      const menu = smallMenu();
      menu.items[0].description = "x".repeat(4097);

      expect(pathsOf(menu)).toEqual(["items[0].description"]);
    });
  });

  describe("empty names", () => {
    it("are rejected for categories, items and variations", () => {
      const menu = smallMenu();
      menu.categories.push({ name: "" });
      menu.items[0].name = "   ";
      menu.items[1].variations[0].name = "";

      expect(problemsOf(menu)).toEqual([
        { path: "categories[2].name", message: "expected a category name, got an empty name" },
        {
          path: "items[0].name",
          message: 'expected an item name, got only spaces: the text "   "',
        },
        {
          path: "items[1].variations[0].name",
          message: "expected a variation name, got an empty name",
        },
      ]);
    });

    it("are rejected for an item's category", () => {
      const menu = smallMenu();
      menu.items[0].category = "";

      expect(pathsOf(menu)).toEqual(["items[0].category"]);
    });
  });

  it("requires at least one variation per item", () => {
    const menu = smallMenu();
    menu.items[0].variations = [];

    expect(problemsOf(menu)).toEqual([
      {
        path: "items[0].variations",
        message: 'expected at least one variation, e.g. { name: "Regular", price: 1250 }',
      },
    ]);
  });

  describe("locations", () => {
    it("require presentAtAllLocations: false when locationIds is given, and say so", () => {
      const menu = smallMenu();
      menu.items[0].locationIds = ["L1"];

      const [problem] = problemsOf(menu);
      expect(problem.path).toBe("items[0].presentAtAllLocations");
      expect(problem.message).toContain("presentAtAllLocations must be false");
    });

    it("accept locationIds with presentAtAllLocations: false", () => {
      const menu = smallMenu();
      menu.items[0].locationIds = ["L1"];
      menu.items[0].presentAtAllLocations = false;

      expect(validateMenu(menu, "catalog/menu.ts").items[0].locationIds).toEqual(["L1"]);
    });
  });
});
