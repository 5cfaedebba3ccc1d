import * as fs from "node:fs";
import * as path from "node:path";

import { randomUUID } from "node:crypto";

import { main } from "../../duplicates/duplicates-cli";
import type { CatalogObjectJson } from "../../emulator";
import {
  catalogFixture,
  duplicateNames,
  liveByType,
  nameOfJson,
  WRITE_OPERATIONS,
  type CatalogFixture,
} from "../e2e/catalog-fixture";
import { captureOutput, createLegacyCategory, createLegacyItem, workspaceEnv } from "../state-import/legacy-catalog";

const ITEMS = [
  ["Turkey Wrap", "Wraps"],
  ["Chicken Wrap", "Wraps"],
  ["Veggie Wrap", "Wraps"],
  ["Falafel Wrap", "Wraps"],
  ["Greek Salad", "Salads"],
  ["Cobb Salad", "Salads"],
  ["Cookie Platter", "Desserts"],
] as const;

/** The menu of the final `pulumi up`: every name once. */
const MENU = {
  categories: [{ name: "Wraps" }, { name: "Salads" }, { name: "Desserts" }],
  items: ITEMS.map(([name, category]) => ({ name, category, variations: [{ name: "Regular", price: 1200 }] })),
};

interface ScanJson {
  duplicatesFound: boolean;
  managedFrom: string;
  groups: {
    type: string;
    normalizedName: string;
    kept: string;
    keptBecause: string;
    objects: { id: string; managedByStack: boolean; cleanWould: string; referencedBy?: { name: string }[] }[];
  }[];
}

/**
 * A catalog as the legacy scripts left it: two "Wraps" categories, two "Salads" categories (one
 * spelt "SALADS"), two "Turkey Wrap" items, with items filed under each copy, some through the
 * deprecated category_id and some through categories.
 */
describe("npm run duplicates: scan, clean, then pulumi up without a duplicate", () => {
  let fixture: CatalogFixture;
  const id: Record<string, string> = {};
  let backupPath: string;

  beforeAll(async () => {
    fixture = await catalogFixture({ menu: MENU, config: { adoptExisting: "true" } });
    const square = fixture.square;
    id.wraps1 = await createLegacyCategory(square, "Wraps");
    id.wraps2 = await createLegacyCategory(square, "wraps ");
    id.salads1 = await createLegacyCategory(square, "Salads");
    id.salads2 = await createLegacyCategory(square, "SALADS");
    id.desserts = await createLegacyCategory(square, "Desserts");
    const item = async (name: string, categoryId: string) =>
      (await createLegacyItem(square, { name, categoryId, priceCents: 1200 })).id;
    id.turkey1 = await item("Turkey Wrap", id.wraps1);
    id.turkey2 = await item("Turkey Wrap", id.wraps2);
    id.chicken = await item("Chicken Wrap", id.wraps1);
    id.veggie = await item("Veggie Wrap", id.wraps2);
    id.falafel = await item("Falafel Wrap", id.wraps2);
    id.greek = await item("Greek Salad", id.salads1);
    id.cookie = await item("Cookie Platter", id.desserts);
    id.saladsItem = await item("Salads", id.desserts);
    id.cobb = await createModernItem("Cobb Salad", id.salads2);

    // The legacy scripts recorded the second Turkey Wrap: that is the one the stack will manage.
    fixture.workspace.writeFile("menu_item_ids.json", { "Turkey Wrap": id.turkey2 });
    backupPath = path.join(path.dirname(fixture.workspace.dir), "backup.json");
  });
  afterAll(() => fixture?.dispose());

  async function createModernItem(name: string, categoryId: string): Promise<string> {
    const answer = await fixture.square.catalog.object.upsert({
      idempotencyKey: randomUUID(),
      object: {
        type: "ITEM",
        id: "#cobb",
        itemData: {
          name,
          categories: [{ id: categoryId }],
          variations: [
            {
              type: "ITEM_VARIATION",
              id: "#cobb-regular",
              itemVariationData: {
                name: "Regular",
                pricingType: "FIXED_PRICING",
                priceMoney: { amount: BigInt(1200), currency: "USD" },
              },
            },
          ],
        },
      },
    });
    return answer.catalogObject!.id!;
  }

  async function duplicates(...argv: string[]) {
    const stdout = captureOutput();
    const stderr = captureOutput();
    const code = await main([...argv, "--base-url", fixture.emulator.url], {
      cwd: fixture.workspace.dir,
      env: workspaceEnv(fixture.workspace, { SQUARE_ACCESS_TOKEN: "sq-e2e-token-7f3a9c1d2b" }),
      stdout,
      stderr,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  const writes = () => WRITE_OPERATIONS.map((op) => fixture.emulator.counters()[op]);
  const live = (objectId: string) => fixture.emulator.objects().find((o) => o.id === objectId);
  const categoryRefs = (object?: CatalogObjectJson) => {
    const data = object?.item_data as { categories?: { id: string }[]; category_id?: string };
    return [...(data.categories ?? []).map((c) => c.id), ...(data.category_id ? [data.category_id] : [])];
  };

  test("scan reports each group, which copy is managed and which items use each category; exit 2", async () => {
    fixture.emulator.resetCounters();
    const { code, stdout } = await duplicates("scan", "--json");

    expect(code).toBe(2);
    const report = JSON.parse(stdout) as ScanJson;
    expect(report.duplicatesFound).toBe(true);
    expect(report.managedFrom).toContain("menu_item_ids.json");
    const groups = report.groups.map((g) => [g.type, g.normalizedName, g.kept, g.keptBecause]);
    expect(groups).toEqual([
      ["CATEGORY", "salads", id.salads1, expect.stringMatching(/^the oldest \(lowest version/)],
      ["CATEGORY", "wraps", id.wraps2, "most items point at it (3)"],
      ["ITEM", "turkey wrap", id.turkey2, "the stack manages it"],
    ]);
    const wraps = report.groups[1].objects;
    const usersOf = (categoryId: string) =>
      wraps.find((o) => o.id === categoryId)!.referencedBy!.map((item) => item.name).sort();
    expect(usersOf(id.wraps1)).toEqual(["Chicken Wrap", "Turkey Wrap"]);
    expect(usersOf(id.wraps2)).toEqual(["Falafel Wrap", "Turkey Wrap", "Veggie Wrap"]);
    expect(report.groups[2].objects.find((o) => o.id === id.turkey2)!.managedByStack).toBe(true);
    expect(writes()).toEqual([0, 0, 0, 0]);

    const text = await duplicates("scan");
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(new RegExp(`CATEGORY\\s+"Wraps"\\s+${id.wraps1}.*delete`));
    expect(text.stdout).toMatch(new RegExp(`ITEM\\s+"Turkey Wrap"\\s+${id.turkey2}.*yes.*keep: the stack manages it`));
    expect(text.stdout).toContain("3 groups of duplicates, 3 extra objects.");
  });

  test("clean without --apply shows the plan and changes nothing", async () => {
    const before = fixture.emulator.objects({ includeDeleted: true });
    fixture.emulator.resetCounters();
    const { code, stdout } = await duplicates("clean", "--backup", backupPath);

    expect(code).toBe(0);
    expect(stdout).toContain(`re-point item "Chicken Wrap" (${id.chicken}): category ${id.wraps1} → ${id.wraps2}`);
    expect(stdout).toContain("Dry run: nothing was changed.");
    expect(writes()).toEqual([0, 0, 0, 0]);
    expect(fixture.emulator.objects({ includeDeleted: true })).toEqual(before);
    expect(fs.existsSync(backupPath)).toBe(false);
  });

  test("clean --apply keeps one of each, re-points items first, backs up every deleted object", async () => {
    const before = new Map(fixture.emulator.objects().map((o) => [o.id, o]));
    fixture.emulator.resetCounters();
    const { code, stdout, stderr } = await duplicates("clean", "--apply", "--backup", backupPath);

    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(duplicateNames(fixture.emulator, "CATEGORY")).toEqual([]);
    expect(duplicateNames(fixture.emulator, "ITEM")).toEqual([]);
    expect(liveByType(fixture.emulator, "CATEGORY").map((o) => o.id).sort()).toEqual(
      [id.wraps2, id.salads1, id.desserts].sort(),
    );
    for (const gone of [id.wraps1, id.salads2, id.turkey1]) expect(live(gone)).toBeUndefined();

    // Items point at the kept categories; nothing points at a deleted one.
    expect(categoryRefs(live(id.chicken))).toEqual([id.wraps2]);
    expect(categoryRefs(live(id.cobb))).toEqual([id.salads1]);
    for (const object of liveByType(fixture.emulator, "ITEM")) {
      expect(categoryRefs(object)).not.toContain(id.wraps1);
      expect(categoryRefs(object)).not.toContain(id.salads2);
    }
    // Objects with nothing to change were not written: the same version as before.
    for (const untouched of [id.wraps2, id.desserts, id.turkey2, id.veggie, id.greek, id.cookie, id.saladsItem]) {
      expect(live(untouched)?.version).toBe(before.get(untouched)?.version);
    }

    const backup = JSON.parse(fs.readFileSync(backupPath, "utf8"));
    expect(backup.deletedObjects.map((o: CatalogObjectJson) => o.id).sort()).toEqual(
      [id.wraps1, id.salads2, id.turkey1].sort(),
    );
    const turkey = backup.deletedObjects.find((o: CatalogObjectJson) => o.id === id.turkey1);
    expect(turkey).toEqual(before.get(id.turkey1));
    expect(backup.repointedItemsBefore.map((o: CatalogObjectJson) => o.id).sort()).toEqual([id.chicken, id.cobb].sort());
    expect(stdout).toContain("Re-pointed 2 items.");
    expect(fixture.emulator.counters().BatchDeleteCatalogObjects).toBe(1);
    expect(fixture.emulator.counters().BatchUpsertCatalogObjects).toBe(1);
  });

  test("a second clean --apply finds nothing and deletes nothing", async () => {
    fixture.emulator.resetCounters();
    const second = await duplicates("clean", "--apply", "--backup", `${backupPath}.second`);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("No duplicates: nothing to delete.");
    expect(writes()).toEqual([0, 0, 0, 0]);
    expect((await duplicates("scan")).code).toBe(0);
  });

  test("pulumi up with adoptExisting then takes the survivors over and adds no duplicate", async () => {
    const up = await fixture.workspace.up();
    expect(up.code).toBe(0);

    expect(duplicateNames(fixture.emulator, "CATEGORY")).toEqual([]);
    expect(duplicateNames(fixture.emulator, "ITEM")).toEqual([]);
    expect(liveByType(fixture.emulator, "CATEGORY")).toHaveLength(3);
    expect(liveByType(fixture.emulator, "ITEM").map(nameOfJson).sort()).toEqual(
      [...ITEMS.map(([name]) => name), "Salads"].sort(),
    );
    const outputs = (await fixture.workspace.outputs()) as Record<string, Record<string, string>>;
    expect(outputs.categoryIds).toEqual({ Wraps: id.wraps2, Salads: id.salads1, Desserts: id.desserts });
    expect(outputs.menuItemIds["Turkey Wrap"]).toBe(id.turkey2);
    expect(outputs.menuItemIds["Chicken Wrap"]).toBe(id.chicken);
  });

  test("scan --stack marks the copy the stack manages", async () => {
    const intruder = await createLegacyCategory(fixture.square, "WRAPS");
    const { code, stdout } = await duplicates("scan", "--json", "--stack", fixture.workspace.stack);

    expect(code).toBe(2);
    const report = JSON.parse(stdout) as ScanJson;
    expect(report.managedFrom).toBe(`the outputs of stack "${fixture.workspace.stack}"`);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0].kept).toBe(id.wraps2);
    expect(report.groups[0].objects.find((o) => o.id === intruder)!.cleanWould).toBe("delete");
  });
});
