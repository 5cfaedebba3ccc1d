import {
  SMALL_MENU,
  TOKEN,
  catalogFixture,
  duplicateNames,
  liveByType,
  nameOfJson,
  totalCalls,
  writeCalls,
  type CatalogFixture,
} from "./catalog-fixture";

/**
 * The product's promise, end to end: the real engine runs the real program against the
 * emulator, and every test then asks the emulator what it holds.
 */
describe("a catalog stack on an empty Square account", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
  });
  afterAll(() => fixture?.dispose());

  test("preview lists every create and writes nothing", async () => {
    const plan = await fixture.workspace.previewJson();
    const creates = plan.steps.filter((s) => s.op === "create" && !s.urn.includes("pulumi:Stack"));
    expect(creates.map((s) => s.urn.split("::").pop()).sort()).toEqual(
      [
        "category:Desserts",
        "category:Salads",
        "category:Wraps",
        "item:Cookie Platter",
        "item:Greek Salad",
        "item:Turkey Club Wrap",
      ].sort(),
    );
    expect(writeCalls(fixture.emulator)).toBe(0);
    expect(fixture.emulator.objects()).toHaveLength(0);
  });

  test("up creates exactly the declared objects, each once, items filed in their category", async () => {
    const result = await fixture.workspace.up();
    expect(result.code).toBe(0);

    const categories = liveByType(fixture.emulator, "CATEGORY");
    const items = liveByType(fixture.emulator, "ITEM");
    expect(categories.map(nameOfJson).sort()).toEqual(["Desserts", "Salads", "Wraps"]);
    expect(items.map(nameOfJson).sort()).toEqual(["Cookie Platter", "Greek Salad", "Turkey Club Wrap"]);

    const wraps = categories.find((c) => nameOfJson(c) === "Wraps")!;
    const wrap = items.find((i) => nameOfJson(i) === "Turkey Club Wrap") as any;
    expect(wrap.item_data.categories).toEqual([{ id: wraps.id }]);
    expect(wrap.item_data.category_id).toBeUndefined();
    const salad = items.find((i) => nameOfJson(i) === "Greek Salad") as any;
    expect(
      salad.item_data.variations.map((v: any) => [
        v.item_variation_data.name,
        v.item_variation_data.price_money,
      ]),
    ).toEqual([
      ["Half Tray", { amount: 4500, currency: "USD" }],
      ["Full Tray", { amount: 8500, currency: "USD" }],
    ]);

    const outputs = await fixture.workspace.outputs();
    expect(outputs.categoryIds).toEqual(
      Object.fromEntries(categories.map((c) => [nameOfJson(c), c.id])),
    );
    expect(outputs.menuItemIds).toEqual(Object.fromEntries(items.map((i) => [nameOfJson(i), i.id])));
  });

  test("a second up reports no changes and makes no write call", async () => {
    const writesBefore = writeCalls(fixture.emulator);
    const objectsBefore = JSON.stringify(fixture.emulator.objects());

    const plan = await fixture.workspace.previewJson();
    expect(plan.steps.every((s) => s.op === "same")).toBe(true);
    const result = await fixture.workspace.up();
    expect(result.code).toBe(0);

    expect(writeCalls(fixture.emulator)).toBe(writesBefore);
    expect(JSON.stringify(fixture.emulator.objects())).toBe(objectsBefore);
  });
});

describe("an object already in Square under a declared name", () => {
  test.each([
    ["the same name", "Wraps"],
    ["another case", "WRAPS"],
    ["extra spacing", "  Wraps  "],
  ])("fails the preview, naming it and its ID, when it has %s", async (_label, existingName) => {
    const fixture = await catalogFixture({ menu: SMALL_MENU });
    try {
      const made = await fixture.square.catalog.object.upsert({
        idempotencyKey: `arrange-${existingName.length}-${Date.now()}`,
        object: { type: "CATEGORY", id: "#existing", categoryData: { name: existingName } },
      });
      const existingId = made.catalogObject!.id!;
      fixture.emulator.resetCounters();

      const preview = await fixture.workspace.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(existingId);
      expect(preview.output).toContain("would make a duplicate");

      expect(writeCalls(fixture.emulator)).toBe(0);
      expect(fixture.emulator.objects()).toHaveLength(1);

      // `up` fails on the same object; what it may create besides is not a copy of anything.
      const up = await fixture.workspace.up();
      expect(up.code).not.toBe(0);
      expect(up.output).toContain(existingId);
      expect(liveByType(fixture.emulator, "CATEGORY").filter((c) => /wraps/i.test(nameOfJson(c))))
        .toHaveLength(1);
      expect(duplicateNames(fixture.emulator, "CATEGORY")).toEqual([]);
      expect(duplicateNames(fixture.emulator, "ITEM")).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  });
});

describe("a menu that names two items alike", () => {
  test("is refused before any API call, with both paths", async () => {
    const menu = {
      ...SMALL_MENU,
      items: [...SMALL_MENU.items, { ...SMALL_MENU.items[0], name: "turkey club WRAP" }],
    };
    const fixture = await catalogFixture({ menu });
    try {
      const preview = await fixture.workspace.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toMatch(/items\[3\]\.name/);
      expect(preview.output).toMatch(/items\[0\]\.name/);
      expect(totalCalls(fixture.emulator)).toBe(0);
    } finally {
      await fixture.dispose();
    }
  });
});

describe("changes to a deployed catalog", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
    const result = await fixture.workspace.up();
    expect(result.code).toBe(0);
  });
  afterAll(() => fixture?.dispose());

  const itemNamed = (name: string) =>
    liveByType(fixture.emulator, "ITEM").find((i) => nameOfJson(i) === name) as any;

  test("a price change updates the item in place and keeps its variation IDs", async () => {
    const before = itemNamed("Greek Salad");
    const variationIds = before.item_data.variations.map((v: any) => v.id);

    const menu = structuredClone(SMALL_MENU);
    menu.items[1].variations[1].price = 9200;
    fixture.workspace.writeFile("menu.json", menu);
    const preview = await fixture.workspace.preview();
    expect(preview.output).toMatch(/~ .*item:Greek Salad|update/);
    expect(preview.output).not.toMatch(/replace/);
    expect((await fixture.workspace.up()).code).toBe(0);

    const after = itemNamed("Greek Salad");
    expect(after.id).toBe(before.id);
    expect(after.item_data.variations.map((v: any) => v.id)).toEqual(variationIds);
    expect(after.item_data.variations[1].item_variation_data.price_money.amount).toBe(9200);
    expect(after.version).toBeGreaterThan(before.version);
    expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(3);
  });

  test("a rename in Square shows as drift on refresh and is put back by the next up", async () => {
    const wrap = itemNamed("Turkey Club Wrap");
    await fixture.square.catalog.object.upsert({
      idempotencyKey: `rename-${Date.now()}`,
      object: {
        type: "ITEM",
        id: wrap.id,
        version: BigInt(wrap.version),
        itemData: {
          name: "Turkey Wrap (renamed by hand)",
          categories: wrap.item_data.categories,
          variations: wrap.item_data.variations.map((v: any) => ({
            type: "ITEM_VARIATION",
            id: v.id,
            version: BigInt(v.version),
            itemVariationData: {
              itemId: wrap.id,
              name: v.item_variation_data.name,
              pricingType: "FIXED_PRICING",
              priceMoney: { amount: BigInt(v.item_variation_data.price_money.amount), currency: "USD" },
            },
          })),
        },
      },
    });

    const refresh = await fixture.workspace.refresh();
    expect(refresh.code).toBe(0);
    expect(refresh.output).toContain("Turkey Wrap (renamed by hand)");
    expect(refresh.output).toMatch(/~ .*update|updated/);

    expect((await fixture.workspace.up()).code).toBe(0);
    expect(nameOfJson(liveByType(fixture.emulator, "ITEM").find((i) => i.id === wrap.id)!)).toBe(
      "Turkey Club Wrap",
    );
  });

  test("a deletion in Square leaves the state on refresh, and the next up recreates exactly one", async () => {
    const cookies = itemNamed("Cookie Platter");
    await fixture.square.catalog.batchDelete({ objectIds: [cookies.id] });

    const refresh = await fixture.workspace.refresh();
    expect(refresh.code).toBe(0);
    expect(refresh.output).toMatch(/CatalogItem: \(delete\)\s+\[id=\w+\]\s+\[urn=\S+item:Cookie Platter\]/);

    expect((await fixture.workspace.up()).code).toBe(0);
    const copies = liveByType(fixture.emulator, "ITEM").filter((i) => nameOfJson(i) === "Cookie Platter");
    expect(copies).toHaveLength(1);
    expect(copies[0].id).not.toBe(cookies.id);
  });

  test("a copy made in Square is reported by refresh as a duplicate", async () => {
    const made = await fixture.square.catalog.object.upsert({
      idempotencyKey: `copy-${Date.now()}`,
      object: { type: "CATEGORY", id: "#copy", categoryData: { name: "salads" } },
    });
    const copyId = made.catalogObject!.id!;

    const refresh = await fixture.workspace.refresh();
    expect(refresh.code).toBe(0);
    expect(refresh.output).toMatch(new RegExp(`Duplicate in Square: category "Salads" \\(\\w+, managed by this stack\\) has 1 other live copy: ${copyId}`));
    const state = await fixture.workspace.exportStack();
    const salads = state.deployment.resources?.find((r) => r.urn.endsWith("::category:Salads"));
    expect(salads?.outputs?.duplicatesInSquare).toEqual([copyId]);
    expect(duplicateNames(fixture.emulator, "CATEGORY")).toEqual(["salads"]);
  });

  test("an item removed from the menu is deleted from Square on a local stack", async () => {
    const menu = structuredClone(SMALL_MENU);
    menu.items = menu.items.filter((i) => i.name !== "Cookie Platter");
    fixture.workspace.writeFile("menu.json", menu);
    expect((await fixture.workspace.up()).code).toBe(0);
    expect(liveByType(fixture.emulator, "ITEM").map(nameOfJson).sort()).toEqual([
      "Greek Salad",
      "Turkey Club Wrap",
    ]);
  });
});

describe("renaming an entry that has a key", () => {
  const keyed = () => {
    const menu = structuredClone(SMALL_MENU) as typeof SMALL_MENU & {
      items: { key?: string }[];
    };
    menu.items[0].key = "club-wrap";
    return menu;
  };

  test("updates the object in place, and a name already taken in Square fails the preview", async () => {
    const fixture = await catalogFixture({ menu: keyed() });
    try {
      expect((await fixture.workspace.up()).code).toBe(0);
      const before = liveByType(fixture.emulator, "ITEM").find((i) => nameOfJson(i) === "Turkey Club Wrap")!;

      const renamed = keyed();
      renamed.items[0].name = "Turkey & Bacon Club Wrap";
      fixture.workspace.writeFile("menu.json", renamed);
      const plan = await fixture.workspace.previewJson();
      const ops = plan.steps.filter((s) => s.urn.endsWith("::item:club-wrap")).map((s) => s.op);
      expect(ops).toEqual(["update"]);
      expect((await fixture.workspace.up()).code).toBe(0);
      const after = liveByType(fixture.emulator, "ITEM").find((i) => i.id === before.id)!;
      expect(nameOfJson(after)).toBe("Turkey & Bacon Club Wrap");
      expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(3);

      const taken = await fixture.square.catalog.object.upsert({
        idempotencyKey: `taken-${Date.now()}`,
        object: {
          type: "ITEM",
          id: "#taken",
          itemData: {
            name: "Club Wrap Deluxe",
            variations: [
              {
                type: "ITEM_VARIATION",
                id: "#taken-v",
                itemVariationData: {
                  itemId: "#taken",
                  name: "Regular",
                  pricingType: "FIXED_PRICING",
                  priceMoney: { amount: BigInt(1300), currency: "USD" },
                },
              },
            ],
          },
        },
      });
      fixture.emulator.resetCounters();
      renamed.items[0].name = "club wrap DELUXE";
      fixture.workspace.writeFile("menu.json", renamed);
      const preview = await fixture.workspace.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(taken.catalogObject!.id!);
      expect(writeCalls(fixture.emulator)).toBe(0);
    } finally {
      await fixture.dispose();
    }
  });
});

describe("deletion protection (on by default for production stacks)", () => {
  test("refuses in the preview to delete an item removed from the menu, and Square keeps it", async () => {
    const fixture = await catalogFixture({ menu: SMALL_MENU, config: { deletionProtection: "true" } });
    try {
      expect((await fixture.workspace.up()).code).toBe(0);
      const menu = structuredClone(SMALL_MENU);
      menu.items = menu.items.filter((i) => i.name !== "Cookie Platter");
      fixture.workspace.writeFile("menu.json", menu);
      fixture.emulator.resetCounters();

      const preview = await fixture.workspace.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toMatch(/protected/);
      const up = await fixture.workspace.up();
      expect(up.code).not.toBe(0);

      expect(writeCalls(fixture.emulator)).toBe(0);
      expect(liveByType(fixture.emulator, "ITEM").map(nameOfJson)).toContain("Cookie Platter");
    } finally {
      await fixture.dispose();
    }
  });
});

describe("the access token", () => {
  test("appears in no state export, verbose engine log or command output", async () => {
    // The token comes from the environment here: Pulumi 3.248's engine prints provider
    // configuration, secret config included, in its own -v=9 debug log (see README, Secrets).
    const fixture = await catalogFixture({ menu: SMALL_MENU, secrets: {}, env: { SQUARE_ACCESS_TOKEN: TOKEN } });
    try {
      await fixture.workspace.run(["config", "rm", "square-catalog:accessToken"]);
      const up = await fixture.workspace.run([
        "up", "--yes", "--skip-preview", "--non-interactive", "-v=9", "--logtostderr", "--logflow",
      ]);
      expect(up.code).toBe(0);
      expect(liveByType(fixture.emulator, "ITEM")).toHaveLength(3);
      const refresh = await fixture.workspace.refresh();
      const state = await fixture.workspace.run(["stack", "export", "--show-secrets"]);

      expect(up.output.length).toBeGreaterThan(10_000);
      for (const text of [up.output, refresh.output, state.stdout, fixture.workspace.log]) {
        expect(text).not.toContain(TOKEN);
      }
    } finally {
      await fixture.dispose();
    }
  });

  test("stored as a secret in stack config is encrypted in the state, never in a resource", async () => {
    const fixture = await catalogFixture({ menu: SMALL_MENU });
    try {
      const up = await fixture.workspace.up();
      expect(up.code).toBe(0);
      const exported = await fixture.workspace.run(["stack", "export"]);
      expect(exported.stdout).not.toContain(TOKEN);
      expect(up.output).not.toContain(TOKEN);

      // Pulumi hands the whole stack config to the dynamic provider and keeps it, encrypted, as
      // that provider's inputs; no catalog resource and no serialized provider holds it.
      const clear = await fixture.workspace.run(["stack", "export", "--show-secrets"]);
      const resources: { type: string }[] = JSON.parse(clear.stdout).deployment.resources;
      const holders = resources.filter((r) => JSON.stringify(r).includes(TOKEN)).map((r) => r.type);
      expect(holders).toEqual(["pulumi:providers:pulumi-nodejs"]);
      const catalog = resources.filter((r) => r.type.includes("dynamic/square"));
      expect(catalog).toHaveLength(6);
      expect(JSON.stringify(catalog)).toContain("__provider");
    } finally {
      await fixture.dispose();
    }
  });
});
