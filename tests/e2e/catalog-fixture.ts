import { SquareClient } from "square";

import { startEmulator, type CatalogObjectJson, type RunningEmulator } from "../../emulator";
import { normalizeName } from "../../catalog/normalize-name";
import { PulumiWorkspace, type WorkspaceOptions } from "./pulumi-workspace";

export const TOKEN = "sq-e2e-token-7f3a9c1d2b";

export const WRITE_OPERATIONS = [
  "UpsertCatalogObject",
  "BatchUpsertCatalogObjects",
  "DeleteCatalogObject",
  "BatchDeleteCatalogObjects",
];

/** One emulator (one seller account) and one stack pointed at it, for one test. */
export interface CatalogFixture {
  emulator: RunningEmulator;
  /** The real SDK, for arranging Square the way another process or a person would. */
  square: SquareClient;
  workspace: PulumiWorkspace;
  dispose(): Promise<void>;
}

export async function catalogFixture(
  options: WorkspaceOptions & { menu?: unknown } = {},
): Promise<CatalogFixture> {
  const emulator = await startEmulator({ token: TOKEN, writeProcessingMs: 5 });
  const workspace = await PulumiWorkspace.create({
    ...options,
    config: { environment: "local", baseUrl: emulator.url, ...options.config },
    secrets: { accessToken: TOKEN, ...options.secrets },
  });
  if (options.menu) {
    workspace.writeFile("menu.json", options.menu);
    await workspace.setConfig("menuFile", "menu.json");
  }
  const square = new SquareClient({ token: TOKEN, baseUrl: emulator.url, maxRetries: 0 });
  return {
    emulator,
    square,
    workspace,
    async dispose() {
      workspace.dispose();
      await emulator.stop();
    },
  };
}

export function writeCalls(emulator: RunningEmulator): number {
  const counters = emulator.counters();
  return WRITE_OPERATIONS.reduce((sum, op) => sum + (counters[op] ?? 0), 0);
}

export function totalCalls(emulator: RunningEmulator): number {
  return Object.values(emulator.counters()).reduce((sum, n) => sum + n, 0);
}

/** Live objects of a type in the emulator, by exact name. */
export function liveByType(emulator: RunningEmulator, type: "CATEGORY" | "ITEM") {
  return emulator.objects().filter((o) => o.type === type && !o.is_deleted);
}

export function nameOfJson(object: CatalogObjectJson): string {
  const data = (object.category_data ?? object.item_data) as { name?: string } | undefined;
  return data?.name ?? "";
}

/** Names that occur more than once (after normalization) among live objects of a type. */
export function duplicateNames(emulator: RunningEmulator, type: "CATEGORY" | "ITEM"): string[] {
  const seen = new Map<string, number>();
  for (const object of liveByType(emulator, type)) {
    const key = normalizeName(nameOfJson(object));
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([name]) => name);
}

/** A menu of `items` items spread over `categories` categories, one to three variations each. */
export function generatedMenu(items: number, categories: number) {
  return {
    categories: Array.from({ length: categories }, (_, c) => ({ name: `Category ${c + 1}` })),
    items: Array.from({ length: items }, (_, i) => ({
      name: `Menu Item ${i + 1}`,
      description: `Generated item ${i + 1}`,
      category: `Category ${(i % categories) + 1}`,
      variations: Array.from({ length: (i % 3) + 1 }, (_, v) => ({
        name: ["Small", "Medium", "Large"][v],
        price: 500 + i * 10 + v * 250,
      })),
    })),
  };
}

export const SMALL_MENU = {
  categories: [{ name: "Wraps" }, { name: "Salads" }, { name: "Desserts" }],
  items: [
    {
      name: "Turkey Club Wrap",
      description: "Roast turkey, bacon, lettuce, tomato",
      category: "Wraps",
      variations: [{ name: "Regular", price: 1150 }],
    },
    {
      name: "Greek Salad",
      category: "Salads",
      variations: [
        { name: "Half Tray", price: 4500 },
        { name: "Full Tray", price: 8500 },
      ],
    },
    { name: "Cookie Platter", category: "Desserts", variations: [{ name: "Regular", price: 3000 }] },
  ],
};
