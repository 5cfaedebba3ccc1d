import * as fs from "node:fs";
import * as path from "node:path";

import {
  catalogFixture,
  liveByType,
  nameOfJson,
  WRITE_OPERATIONS,
  type CatalogFixture,
} from "../e2e/catalog-fixture";
import type { CatalogObjectJson } from "../../emulator";
import { main } from "../../state-import/legacy-ids-cli";
import { captureOutput, createLegacyCategory, createLegacyItem, workspaceEnv } from "./legacy-catalog";

const LEGACY = [
  { category: "Breakfast Platters", item: "Continental Breakfast", price: 1450 },
  { category: "Boxed Lunches", item: "Classic Boxed Lunch", price: 1595 },
  { category: "Wraps", item: "Chicken Caesar Wrap", price: 1150 },
  { category: "Salads", item: "Greek Salad", price: 4500 },
  { category: "Desserts", item: "Cookie Platter", price: 3000 },
  { category: "Beverages", item: "Lemonade Jug", price: 1800 },
];
const NEW_ITEMS = [
  { name: "Falafel Wrap", category: "Wraps", variations: [{ name: "Regular", price: 1095 }] },
  { name: "Brownie Bites", category: "Desserts", variations: [{ name: "Regular", price: 2800 }] },
];

const MENU = {
  categories: LEGACY.map((entry) => ({ name: entry.category })),
  items: [
    ...LEGACY.map((entry) => ({
      name: entry.item,
      category: entry.category,
      variations: [{ name: "Regular", price: entry.price }],
    })),
    ...NEW_ITEMS,
  ],
};

describe("taking over a catalog the legacy scripts made, from their ID files", () => {
  let fixture: CatalogFixture;
  const categoryIds: Record<string, string> = {};
  const menuItemIds: Record<string, string> = {};
  const variationIds: Record<string, string> = {};

  beforeAll(async () => {
    fixture = await catalogFixture({ menu: MENU });
    for (const entry of LEGACY) {
      categoryIds[entry.category] = await createLegacyCategory(fixture.square, entry.category);
    }
    for (const entry of LEGACY) {
      const created = await createLegacyItem(fixture.square, {
        name: entry.item,
        categoryId: categoryIds[entry.category],
        priceCents: entry.price,
      });
      menuItemIds[entry.item] = created.id;
      variationIds[entry.item] = created.variationId;
    }
    fixture.workspace.writeFile("category_ids.json", categoryIds);
    fixture.workspace.writeFile("menu_item_ids.json", menuItemIds);
  });
  afterAll(() => fixture?.dispose());

  test("the preview shows twelve adoptions and two creations, and writes nothing", async () => {
    fixture.emulator.resetCounters();
    const preview = await fixture.workspace.preview();
    expect(preview.code).toBe(0);
    console.log("legacy scenario, calls during `pulumi preview`:", callsMade(fixture));
    expect(writesMade(fixture)).toBe(0);

    const blocks = resourceBlocks(preview.output);
    for (const [name, id] of Object.entries(categoryIds)) {
      expect(blocks.get(`category:${name}`)).toContain(`squareId: "${id}"`);
    }
    for (const [name, id] of Object.entries(menuItemIds)) {
      expect(blocks.get(`item:${name}`)).toContain(`squareId: "${id}"`);
    }
    for (const item of NEW_ITEMS) {
      expect(blocks.get(`item:${item.name}`)).toMatch(/\(create\)/);
      expect(blocks.get(`item:${item.name}`)).not.toContain("adopt");
    }

    const plan = await fixture.workspace.run(["preview", "--non-interactive", "--json"]);
    const steps = (JSON.parse(plan.stdout) as Plan).steps.filter((s) => /Catalog(Item|Category)::/.test(s.urn));
    const adoptions = steps.filter((s) => s.op === "create" && s.newState?.inputs?.adopt);
    const creations = steps.filter((s) => s.op === "create" && !s.newState?.inputs?.adopt);
    expect(steps).toHaveLength(14);
    expect(adoptions).toHaveLength(12);
    expect(Object.fromEntries(adoptions.map((s) => [resourceName(s.urn), s.newState!.inputs!.adopt]))).toEqual({
      ...Object.fromEntries(
        Object.entries(categoryIds).map(([name, id]) => [
          `category:${name}`,
          { squareId: id, reason: `category_ids.json entry "${name}"` },
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(menuItemIds).map(([name, id]) => [
          `item:${name}`,
          { squareId: id, reason: `menu_item_ids.json entry "${name}"` },
        ]),
      ),
    });
    expect(creations.map((s) => resourceName(s.urn)).sort()).toEqual(["item:Brownie Bites", "item:Falafel Wrap"]);
    expect(writesMade(fixture)).toBe(0);
  });

  test("up takes the six categories and six items over and creates the two new items, nothing else", async () => {
    fixture.emulator.resetCounters();
    const up = await fixture.workspace.up();
    expect(up.code).toBe(0);
    console.log("legacy scenario, calls during the first `pulumi up`:", callsMade(fixture));

    const categories = liveByType(fixture.emulator, "CATEGORY");
    const items = liveByType(fixture.emulator, "ITEM");
    expect(categories.map(nameOfJson).sort()).toEqual(LEGACY.map((e) => e.category).sort());
    expect(items.map(nameOfJson).sort()).toEqual(
      [...LEGACY.map((e) => e.item), ...NEW_ITEMS.map((i) => i.name)].sort(),
    );
    const idOf = (objects: CatalogObjectJson[], name: string) => objects.find((o) => nameOfJson(o) === name)!.id;
    for (const [name, id] of Object.entries(categoryIds)) expect(idOf(categories, name)).toBe(id);
    for (const [name, id] of Object.entries(menuItemIds)) expect(idOf(items, name)).toBe(id);

    for (const item of items) {
      const data = item.item_data as ItemDataJson;
      const declared = MENU.items.find((i) => i.name === nameOfJson(item))!;
      expect(data.category_id).toBeUndefined();
      expect(data.categories?.map((c) => c.id)).toEqual([idOf(categories, declared.category)]);
      expect(data.variations.map((v) => v.item_variation_data.name)).toEqual(["Regular"]);
    }
    for (const entry of LEGACY) {
      const item = items.find((o) => nameOfJson(o) === entry.item)!;
      expect((item.item_data as ItemDataJson).variations[0].id).toBe(variationIds[entry.item]);
    }

    expect(await fixture.workspace.outputs()).toMatchObject({ categoryIds, menuItemIds: expect.objectContaining(menuItemIds) });
  });

  test("a second up changes nothing and makes no write call", async () => {
    const before = fixture.emulator.objects();
    fixture.emulator.resetCounters();
    const second = await fixture.workspace.up();
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/15 unchanged/);
    expect(writesMade(fixture)).toBe(0);
    expect(fixture.emulator.objects()).toEqual(before);
  });

  test("once adopted, changed ID files do not matter: the preview plans no change", async () => {
    fixture.workspace.writeFile("category_ids.json", { Wraps: categoryIds.Salads });
    fixture.workspace.writeFile("menu_item_ids.json", {});
    const plan = await fixture.workspace.run(["preview", "--non-interactive", "--json"]);
    const steps = (JSON.parse(plan.stdout) as Plan).steps;
    expect(steps.filter((s) => s.op !== "same")).toEqual([]);
  });

  test("once adopted, removed ID files do not matter: up changes nothing", async () => {
    fs.rmSync(path.join(fixture.workspace.dir, "category_ids.json"));
    fs.rmSync(path.join(fixture.workspace.dir, "menu_item_ids.json"));
    const before = fixture.emulator.objects();
    fixture.emulator.resetCounters();
    const third = await fixture.workspace.up();
    expect(third.code).toBe(0);
    expect(third.output).toMatch(/15 unchanged/);
    expect(writesMade(fixture)).toBe(0);
    expect(fixture.emulator.objects()).toEqual(before);
  });

  test("legacy-ids write puts the stack's IDs back into the two files", async () => {
    const stdout = captureOutput();
    const code = await main(["write", "--stack", fixture.workspace.stack], {
      cwd: fixture.workspace.dir,
      env: workspaceEnv(fixture.workspace),
      stdout,
      stderr: stdout,
    });
    expect(code).toBe(0);
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(fixture.workspace.dir, file), "utf8"));
    const outputs = await fixture.workspace.outputs();
    expect(read("category_ids.json")).toEqual(categoryIds);
    expect(read("menu_item_ids.json")).toEqual(outputs.menuItemIds);
    expect(read("menu_item_ids.json")).toMatchObject(menuItemIds);
    expect(stdout.text).toContain("menu_item_ids.json (8 entries)");
  });
});

interface Plan {
  steps: { op: string; urn: string; newState?: { inputs?: { adopt?: unknown } } }[];
}

interface ItemDataJson {
  category_id?: string;
  categories?: { id: string }[];
  variations: { id: string; item_variation_data: { name: string } }[];
}

function resourceName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The `pulumi preview --diff` text of each resource, by resource name. */
function resourceBlocks(output: string): Map<string, string> {
  const blocks = new Map<string, string>();
  // The provider's "Will adopt …" diagnostics are printed in the stream between the blocks.
  const plan = output
    .split("\n")
    .filter((line) => !/^\s*Will adopt /.test(line))
    .join("\n");
  const parts = plan.split(/\n(?=\s*[+~-] pulumi-nodejs)/);
  for (const part of parts) {
    const urn = /\[urn=([^\]]+)\]/.exec(part)?.[1];
    if (urn) blocks.set(resourceName(urn), part);
  }
  return blocks;
}

function callsMade(fixture: CatalogFixture) {
  return Object.fromEntries(Object.entries(fixture.emulator.counters()).filter(([, n]) => n > 0));
}

function writesMade(fixture: CatalogFixture) {
  const counters = fixture.emulator.counters();
  return WRITE_OPERATIONS.reduce((sum, op) => sum + (counters[op] ?? 0), 0);
}
