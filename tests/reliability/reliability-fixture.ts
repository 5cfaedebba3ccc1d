import { randomUUID } from "node:crypto";

import type { SquareClient } from "square";

import { normalizeName } from "../../catalog/normalize-name";
import type { CatalogObjectJson, RunningEmulator } from "../../emulator";
import { nameOfJson } from "../e2e/catalog-fixture";
import type { CommandResult } from "../e2e/pulumi-workspace";

/** The JSON menu shape the tests hand to `square-catalog:menuFile`. */
export interface JsonMenu {
  categories: { name: string }[];
  items: {
    name: string;
    category: string;
    description?: string;
    variations: { name: string; price: number }[];
  }[];
}

/** An object someone else made in the same Square account; no stack may touch it. */
export interface UnrelatedObject {
  id: string;
  type: string;
  version: number;
  name: string;
}

/**
 * Objects outside the menu, made with the SDK before the stack's first run, the way the
 * restaurant's other tools or a person in the dashboard would: a category and an item in it.
 */
export async function arrangeUnrelatedObjects(
  square: SquareClient,
  emulator: RunningEmulator,
): Promise<UnrelatedObject[]> {
  await square.catalog.batchUpsert({
    idempotencyKey: randomUUID(),
    batches: [
      {
        objects: [
          { type: "CATEGORY", id: "#retail", categoryData: { name: "Retail Shelf (not on the menu)" } },
          {
            type: "ITEM",
            id: "#mug",
            itemData: {
              name: "Branded Mug (sold in store)",
              categories: [{ id: "#retail" }],
              variations: [
                {
                  type: "ITEM_VARIATION",
                  id: "#mug-regular",
                  itemVariationData: {
                    itemId: "#mug",
                    name: "Regular",
                    pricingType: "FIXED_PRICING",
                    priceMoney: { amount: BigInt(1800), currency: "USD" },
                  },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return emulator.objects().map((o) => ({
    id: o.id,
    type: o.type,
    version: Number(o.version),
    name: nameOfJson(o),
  }));
}

/** What the emulator holds compared with the declared menu and the untouchable objects. */
export interface CatalogVerdict {
  /** Declared and unrelated objects looked at. */
  checked: number;
  /** Extra live copies of a declared or unrelated name. */
  duplicates: number;
  /** Declared objects missing, and unrelated objects deleted or changed. */
  lost: number;
  /** Every difference, one line each; empty when Square holds exactly what it should. */
  problems: string[];
}

/**
 * Square (the emulator) holds exactly the declared catalog, each object once, filed in its
 * declared category with its declared variations and prices, plus the unrelated objects with
 * the ID and version they had before the stack ever ran, and nothing else.
 */
export function verifyCatalog(
  emulator: RunningEmulator,
  menu: JsonMenu,
  unrelated: UnrelatedObject[],
): CatalogVerdict {
  const live = emulator.objects().filter((o) => !o.is_deleted);
  const verdict: CatalogVerdict = { checked: 0, duplicates: 0, lost: 0, problems: [] };
  const unrelatedIds = new Set(unrelated.map((o) => o.id));
  const managed = live.filter((o) => !unrelatedIds.has(o.id));

  const copiesOf = (type: string, name: string) =>
    managed.filter((o) => o.type === type && normalizeName(nameOfJson(o)) === normalizeName(name));
  const categoryIds = new Map<string, string>();
  const expectOnce = (type: string, name: string): CatalogObjectJson | undefined => {
    verdict.checked++;
    const copies = copiesOf(type, name);
    if (copies.length === 0) {
      verdict.lost++;
      verdict.problems.push(`${type} "${name}" is missing`);
    } else if (copies.length > 1) {
      verdict.duplicates += copies.length - 1;
      verdict.problems.push(`${type} "${name}" exists ${copies.length} times: ${copies.map((c) => c.id).join(", ")}`);
    }
    return copies[0];
  };

  for (const category of menu.categories) {
    const found = expectOnce("CATEGORY", category.name);
    if (found) categoryIds.set(normalizeName(category.name), found.id);
  }
  for (const item of menu.items) {
    const found = expectOnce("ITEM", item.name) as ItemJson | undefined;
    if (!found) continue;
    const filedUnder = found.item_data.categories?.[0]?.id;
    if (filedUnder !== categoryIds.get(normalizeName(item.category))) {
      verdict.problems.push(`ITEM "${item.name}" is filed under ${filedUnder}, not "${item.category}"`);
    }
    const variations = found.item_data.variations.map((v) => [
      v.item_variation_data.name,
      v.item_variation_data.price_money.amount,
    ]);
    const declared = item.variations.map((v) => [v.name, v.price]);
    if (JSON.stringify(variations) !== JSON.stringify(declared)) {
      verdict.problems.push(
        `ITEM "${item.name}" has variations ${JSON.stringify(variations)}, declared ${JSON.stringify(declared)}`,
      );
    }
  }

  const declaredNames = new Set([
    ...menu.categories.map((c) => `CATEGORY|${normalizeName(c.name)}`),
    ...menu.items.map((i) => `ITEM|${normalizeName(i.name)}`),
  ]);
  for (const object of managed) {
    if (!declaredNames.has(`${object.type}|${normalizeName(nameOfJson(object))}`)) {
      verdict.problems.push(`${object.type} ${object.id} "${nameOfJson(object)}" is neither declared nor expected`);
    }
  }

  for (const before of unrelated) {
    verdict.checked++;
    const now = live.find((o) => o.id === before.id);
    if (!now || Number(now.version) !== before.version) {
      verdict.lost++;
      verdict.problems.push(
        `unrelated ${before.type} ${before.id} "${before.name}" was ${now ? "changed" : "deleted"}`,
      );
    }
    const namesakes = live.filter(
      (o) => o.type === before.type && normalizeName(nameOfJson(o)) === normalizeName(before.name),
    );
    if (namesakes.length > 1) {
      verdict.duplicates += namesakes.length - 1;
      verdict.problems.push(`unrelated ${before.type} "${before.name}" now exists ${namesakes.length} times`);
    }
  }
  return verdict;
}

interface ItemJson extends CatalogObjectJson {
  item_data: {
    categories?: { id: string }[];
    variations: { item_variation_data: { name: string; price_money: { amount: number } } }[];
  };
}

/**
 * Counts what one fault scenario did, and prints the line the issue asks for: runs of the
 * engine, faults injected, objects checked, duplicates and losses found.
 */
export class FaultTally {
  runs = 0;
  faults = 0;

  constructor(private readonly scenario: string) {}

  /** Counts one engine command (preview, up, refresh) and passes its result through. */
  async run(command: Promise<CommandResult>): Promise<CommandResult> {
    this.runs++;
    return command;
  }

  inject(count: number): void {
    this.faults += count;
  }

  report(verdict: CatalogVerdict): void {
    console.log(
      `[reliability] ${this.scenario}: runs=${this.runs} faults=${this.faults} ` +
        `checked=${verdict.checked} duplicates=${verdict.duplicates} lost=${verdict.lost}`,
    );
  }
}

/** Polls until `condition` holds, without fixed sleeps; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 90_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A menu of `items` items spread over `categories` categories, one variation each. */
export function largeMenu(items: number, categories: number): JsonMenu {
  return {
    categories: Array.from({ length: categories }, (_, c) => ({ name: `Section ${c + 1}` })),
    items: Array.from({ length: items }, (_, i) => ({
      name: `Dish ${i + 1}`,
      category: `Section ${(i % categories) + 1}`,
      variations: [{ name: "Regular", price: 700 + i }],
    })),
  };
}
