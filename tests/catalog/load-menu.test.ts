import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadMenuFile } from "../../catalog/load-menu";
import { MenuFileError } from "../../catalog/menu-file-error";
import { MenuValidationError } from "../../catalog/menu-validation-error";

const directory = mkdtempSync(join(tmpdir(), "menu-file-"));

function menuFile(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function errorFrom(load: () => unknown): Error {
  try {
    load();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected loading to fail, but it succeeded");
}

describe("loadMenuFile", () => {
  it("loads the example menu", () => {
    const menu = loadMenuFile(join(__dirname, "../../catalog/examples/small-menu.json"));

    const categoryNames = menu.categories.map((category) => category.name);
    expect(categoryNames).toEqual(["Wraps", "Salads", "Desserts"]);
    expect(menu.items).toHaveLength(6);
    expect(menu.items[0].variations[0]).toEqual({ name: "Regular", price: 1150, currency: "USD" });
  });

  it("reports a JSON syntax error with the file, line and column, and what to fix", () => {
    const lines = [
      "{",
      '  "categories": [',
      '    { "name": "Wraps" }',
      '    { "name": "Salads" }',
      "  ],",
      '  "items": []',
      "}",
    ];
    const path = menuFile("missing-comma.json", lines.join("\n"));

    const error = errorFrom(() => loadMenuFile(path));

    expect(error).toBeInstanceOf(MenuFileError);
    expect((error as MenuFileError).position).toEqual({ line: 4, column: 5 });
    expect(error.message.split("\n")).toEqual([
      `menu file ${path} is not valid JSON at line 4, column 5: ` +
        'expected "," or "]" after the list entry, found "{"',
      '      { "name": "Salads" }',
      "      ^",
      expect.stringMatching(/^Fix the file at that spot and run again\./),
    ]);
  });

  it.each([
    ["a trailing comma", '{"categories": [],\n  "items": [],\n}', 3, 1, "no comma after the last"],
    ["a single-quoted name", "{\n  'categories': []\n}", 2, 3, "a property name in double quotes"],
    ["a comment", '{\n  // the menu\n  "items": []\n}', 2, 3, "JSON does not allow comments"],
    ["a cut-off file", '{\n  "categories": [', 2, 18, "the file ends"],
    ["an empty file", "", 1, 1, "the file ends"],
    ["a bare word", '{"items": tru}', 1, 11, "expected a value"],
  ])("locates %s", (_, text, line, column, reason) => {
    const path = menuFile("broken.json", text);

    const error = errorFrom(() => loadMenuFile(path));

    expect(error.message).toContain(`at line ${line}, column ${column}: `);
    expect(error.message).toContain(reason);
  });

  it("accepts a file saved with a byte order mark", () => {
    const path = menuFile("bom.json", '\uFEFF{ "categories": [], "items": [] }');

    expect(loadMenuFile(path)).toEqual({ categories: [], items: [] });
  });

  it("names the missing file and the config key that points at it", () => {
    const path = join(directory, "no-such-menu.json");

    const error = errorFrom(() => loadMenuFile(path));

    expect(error).toBeInstanceOf(MenuFileError);
    expect(error.message).toContain(`menu file ${path}`);
    expect(error.message).toContain("does not exist");
    expect(error.message).toContain("square-catalog:menuFile");
  });

  it("reports valid JSON that is not a valid menu as MenuValidationError naming the file", () => {
    const path = menuFile(
      "bad-price.json",
      JSON.stringify({
        categories: [{ name: "Wraps" }],
        items: [{ name: "Wrap", category: "Wraps", variations: [{ name: "R", price: "12" }] }],
      }),
    );

    const error = errorFrom(() => loadMenuFile(path));

    expect(error).toBeInstanceOf(MenuValidationError);
    expect(error.message).toMatch(new RegExp(`^menu file ${path.replace(/[\\/.]/g, "\\$&")}: `));
    expect((error as MenuValidationError).problems[0].path).toBe("items[0].variations[0].price");
  });
});
