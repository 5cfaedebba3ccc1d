import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { validateMenu } from "../../catalog/validate-menu";
import { LegacyIdFileError } from "../../state-import/legacy-id-error";
import { loadAdoptions } from "../../state-import/load-adoptions";

const MENU = validateMenu(
  {
    categories: [{ name: "Wraps" }, { name: "Salads" }],
    items: [
      { name: "Falafel Wrap", category: "Wraps", variations: [{ name: "Regular", price: 1095 }] },
      { name: "Greek Salad", category: "Salads", variations: [{ name: "Regular", price: 4500 }] },
    ],
  },
  "test menu",
);
const WRAPS = "3Q3X4LNHUZMAO6T2Y2ZIF7W2";
const SALADS = "NPZ3HNERHFZ5YSQHAQH64ZER";
const FALAFEL = "CSYUNQCZ66ZR2LDMY3TWNHRJ";

function idDir(files: Record<string, string | object>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "legacy-ids-"));
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === "string" ? content : JSON.stringify(content, null, 2);
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadAdoptions(dir, MENU);
  } catch (error) {
    expect(error).toBeInstanceOf(LegacyIdFileError);
    return (error as LegacyIdFileError).problems;
  }
  throw new Error("expected the files to be refused");
}

describe("loadAdoptions, the legacy ID files as the Pulumi program reads them", () => {
  test("absent files mean nothing to adopt", () => {
    const adoptions = loadAdoptions(idDir({}), MENU);
    expect(adoptions.categories.size).toBe(0);
    expect(adoptions.items.size).toBe(0);
  });

  test("each entry becomes an adoption under its normalized name, with the entry as reason", () => {
    const dir = idDir({
      "category_ids.json": { " wraps": WRAPS, Salads: SALADS },
      "menu_item_ids.json": { "Falafel Wrap": FALAFEL },
    });
    const adoptions = loadAdoptions(dir, MENU);
    expect(adoptions.categories.get("wraps")).toEqual({
      squareId: WRAPS,
      reason: 'category_ids.json entry " wraps"',
    });
    expect(adoptions.items.get("falafel wrap")).toEqual({
      squareId: FALAFEL,
      reason: 'menu_item_ids.json entry "Falafel Wrap"',
    });
  });

  test("malformed JSON is reported with the file, line and column", () => {
    const dir = idDir({ "category_ids.json": `{\n  "Wraps": "${WRAPS}",\n}\n` });
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({ code: "not-json", file: "category_ids.json" });
    expect(problem.message).toContain("at line 3, column 1");
  });

  test("every problem of both files is reported at once, each naming its file and entry", () => {
    const dir = idDir({
      "category_ids.json": { Wraps: WRAPS, WRAPS: SALADS, Sides: "wraps-id", Salads: 42 },
      "menu_item_ids.json": { "Falafel Wrap": WRAPS, "Greek Salads": FALAFEL },
    });
    const problems = problemsOf(dir);
    expect(problems.map((p) => [p.code, p.file, p.entry])).toEqual(
      expect.arrayContaining([
        ["not-text", "category_ids.json", "Salads"],
        ["name-listed-twice", "category_ids.json", "WRAPS"],
        ["not-an-id", "category_ids.json", "Sides"],
        ["not-declared", "category_ids.json", "Sides"],
        ["id-listed-twice", "menu_item_ids.json", "Falafel Wrap"],
        ["not-declared", "menu_item_ids.json", "Greek Salads"],
      ]),
    );
    expect(problems).toHaveLength(6);

    let message = "";
    try {
      loadAdoptions(dir, MENU);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("have 6 problems");
    expect(message).toContain(`menu_item_ids.json entry "Falafel Wrap": ${WRAPS} is also listed as category_ids.json entry "Wraps"`);
    expect(message).toContain('Did you mean "Greek Salad"?');
    expect(message).toContain("Nothing was sent to Square.");
  });

  test("a file that is not a flat object of names is refused as a whole", () => {
    const problems = problemsOf(idDir({ "menu_item_ids.json": [WRAPS] }));
    expect(problems).toEqual([
      expect.objectContaining({ code: "not-an-object", file: "menu_item_ids.json" }),
    ]);
  });

  test("a name filed under the wrong kind is told to move to the other file", () => {
    const problems = problemsOf(idDir({ "menu_item_ids.json": { Wraps: WRAPS } }));
    expect(problems[0].message).toContain("declared as a category: move the entry to category_ids.json");
  });
});
