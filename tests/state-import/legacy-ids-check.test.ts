import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { SquareClient } from "square";

import { startEmulator, type RunningEmulator } from "../../emulator";
import { main } from "../../state-import/legacy-ids-cli";
import { WRITE_OPERATIONS } from "../e2e/catalog-fixture";
import { captureOutput, createLegacyCategory, createLegacyItem } from "./legacy-catalog";

const TOKEN = "sq-check-token";
const MENU = {
  categories: [{ name: "Wraps" }, { name: "Salads" }, { name: "Desserts" }],
  items: [
    { name: "Falafel Wrap", category: "Wraps", variations: [{ name: "Regular", price: 1095 }] },
    { name: "Greek Salad", category: "Salads", variations: [{ name: "Regular", price: 4500 }] },
    { name: "Cookie Platter", category: "Desserts", variations: [{ name: "Regular", price: 3000 }] },
  ],
};

interface CheckReport {
  upWouldFail: boolean;
  entries: { file: string; entry?: string; squareId?: string; status: string; action: string; details: string[] }[];
}

describe("npm run legacy-ids -- check", () => {
  let emulator: RunningEmulator;
  let square: SquareClient;
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startEmulator({ token: TOKEN, writeProcessingMs: 1 });
    square = new SquareClient({ token: TOKEN, baseUrl: emulator.url, maxRetries: 0 });
    ids.wraps = await createLegacyCategory(square, "Wraps");
    ids.salads = await createLegacyCategory(square, "Salad Bowls");
    ids.oldDesserts = await createLegacyCategory(square, "Desserts");
    await square.catalog.object.delete({ objectId: ids.oldDesserts });
    const falafel = await createLegacyItem(square, { name: "Falafel Wrap", categoryId: ids.wraps, priceCents: 1095 });
    ids.falafel = falafel.id;
    ids.falafelVariation = falafel.variationId;
    ids.soup = (await createLegacyItem(square, { name: "Tomato Soup", categoryId: ids.wraps, priceCents: 900 })).id;

    dir = fs.mkdtempSync(path.join(os.tmpdir(), "legacy-ids-check-"));
    fs.writeFileSync(path.join(dir, "menu.json"), JSON.stringify(MENU));
  });
  afterAll(() => emulator?.stop());

  async function check(...flags: string[]) {
    const stdout = captureOutput();
    const stderr = captureOutput();
    const before = emulator.counters();
    const code = await main(["check", "--base-url", emulator.url, "--dir", dir, "--menu", "menu.json", ...flags], {
      cwd: dir,
      env: { SQUARE_ACCESS_TOKEN: TOKEN },
      stdout,
      stderr,
    });
    const after = emulator.counters();
    expect(WRITE_OPERATIONS.map((op) => after[op] - before[op])).toEqual([0, 0, 0, 0]);
    return { code, stdout: stdout.text, stderr: stderr.text, calls: { before, after } };
  }

  function writeFiles(categoryIds: object, menuItemIds: object) {
    fs.writeFileSync(path.join(dir, "category_ids.json"), JSON.stringify(categoryIds));
    fs.writeFileSync(path.join(dir, "menu_item_ids.json"), JSON.stringify(menuItemIds));
  }

  test("gives every entry its status and what up will do, and exits 1 where up would fail", async () => {
    writeFiles(
      { Wraps: ids.wraps, Salads: ids.salads, Desserts: ids.oldDesserts },
      {
        "Falafel Wrap": ids.falafel,
        "Greek Salad": ids.falafelVariation,
        "Cookie Platter": "ZZZZZZZZZZZZZZZZZZZZZZZZ",
        "Tomato Soup": ids.soup,
      },
    );
    const { code, stdout, calls } = await check("--json");

    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.upWouldFail).toBe(true);
    const rows = report.entries.map((e) => [e.file, e.entry, e.status, e.action]);
    expect(rows).toEqual([
      ["category_ids.json", "Wraps", "found", "adopt"],
      ["category_ids.json", "Salads", "name differs", "adopt"],
      ["category_ids.json", "Desserts", "deleted in Square", "fail"],
      ["menu_item_ids.json", "Falafel Wrap", "found", "adopt"],
      ["menu_item_ids.json", "Greek Salad", "wrong type", "fail"],
      ["menu_item_ids.json", "Cookie Platter", "not in Square", "fail"],
      ["menu_item_ids.json", "Tomato Soup", "not declared", "fail"],
    ]);
    expect(report.entries[1].details).toContain(
      'Square calls it "Salad Bowls"; up renames it to the declared name',
    );
    expect(report.entries[4].details).toContain(
      `${ids.falafelVariation} is of type ITEM_VARIATION in Square, not ITEM`,
    );

    // One search page for the whole catalog, one batch-retrieve for the IDs it did not return.
    const delta = (op: string) => calls.after[op] - calls.before[op];
    expect(delta("SearchCatalogObjects")).toBe(1);
    expect(delta("BatchRetrieveCatalogObjects")).toBe(1);
  });

  test("prints a table by default and exits 0 when up can take the files over", async () => {
    writeFiles({ Wraps: ids.wraps, Salads: ids.salads }, { "Falafel Wrap": ids.falafel });
    const { code, stdout } = await check();

    expect(code).toBe(0);
    expect(stdout).toMatch(/entry\s+file\s+ID\s+status\s+pulumi up will/);
    expect(stdout).toMatch(new RegExp(`Salads\\s+category_ids.json\\s+${ids.salads}\\s+name differs\\s+adopt`));
    expect(stdout).toMatch(new RegExp(`Falafel Wrap\\s+menu_item_ids.json\\s+${ids.falafel}\\s+found\\s+adopt`));
    expect(stdout).toContain("`pulumi up` can take these files over.");
  });

  test("reports a malformed file with its line and column", async () => {
    fs.writeFileSync(path.join(dir, "category_ids.json"), `{\n  "Wraps": "${ids.wraps}",\n}`);
    const { code, stdout } = await check();

    expect(code).toBe(1);
    expect(stdout).toMatch(/\(whole file\)\s+category_ids.json\s+unreadable file\s+fail/);
    expect(stdout).toContain("is not valid JSON at line 3, column 1");
  });

  test("without files there is nothing to check", async () => {
    fs.rmSync(path.join(dir, "category_ids.json"));
    fs.rmSync(path.join(dir, "menu_item_ids.json"));
    const { code, stdout } = await check();
    expect(code).toBe(0);
    expect(stdout).toContain("adopts nothing from files");
  });

  test("refuses to guess the target", async () => {
    const stderr = captureOutput();
    const code = await main(["check", "--dir", dir], { cwd: dir, env: {}, stdout: stderr, stderr });
    expect(code).toBe(1);
    expect(stderr.text).toContain("Say which Square to read");
  });
});
