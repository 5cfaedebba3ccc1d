import { randomUUID } from "crypto";

import { SquareClient } from "square";
import type { Square } from "square";

import type { BenchMenu } from "./bench-menu";

/**
 * The legacy scripts' algorithm, re-enacted with the `square` SDK (see /work/shared/FACTS.md,
 * "The legacy tooling"): the ID files are consulted first; otherwise, before each create, the
 * catalog is listed and searched by exact name, and only the first page of the list is read,
 * as the scripts did (no cursor), so once the catalog holds more than one page (100 objects of
 * the type) the check no longer sees every object. Each create is one call with a fresh random
 * idempotency key, sets the deprecated `category_id` and one "Regular" variation.
 */
export interface LegacyIdFiles {
  categoryIds: Record<string, string>;
  menuItemIds: Record<string, string>;
}

export interface LegacyRunResult {
  created: number;
  /** Objects found by the name scan and reused instead of created. */
  foundByScan: number;
  /** Objects skipped because the ID files already named them. */
  foundInIdFiles: number;
}

export async function runLegacyScripts(
  square: SquareClient,
  menu: BenchMenu,
  idFiles: LegacyIdFiles,
): Promise<LegacyRunResult> {
  const result: LegacyRunResult = { created: 0, foundByScan: 0, foundInIdFiles: 0 };

  for (const category of menu.categories) {
    if (idFiles.categoryIds[category.name]) {
      result.foundInIdFiles++;
      continue;
    }
    const existing = await scanFirstPageByName(square, "CATEGORY", category.name);
    if (existing) {
      idFiles.categoryIds[category.name] = existing;
      result.foundByScan++;
      continue;
    }
    const answer = await square.catalog.object.upsert({
      idempotencyKey: randomUUID(),
      object: { type: "CATEGORY", id: "#new_category", categoryData: { name: category.name } },
    });
    idFiles.categoryIds[category.name] = answer.catalogObject!.id!;
    result.created++;
  }

  for (const item of menu.items) {
    if (idFiles.menuItemIds[item.name]) {
      result.foundInIdFiles++;
      continue;
    }
    const existing = await scanFirstPageByName(square, "ITEM", item.name);
    if (existing) {
      idFiles.menuItemIds[item.name] = existing;
      result.foundByScan++;
      continue;
    }
    const answer = await square.catalog.object.upsert({
      idempotencyKey: randomUUID(),
      object: legacyItem(item, idFiles.categoryIds[item.category]),
    });
    idFiles.menuItemIds[item.name] = answer.catalogObject!.id!;
    result.created++;
  }
  return result;
}

/** One list call, first page only: what the scripts' existence check actually saw. */
async function scanFirstPageByName(
  square: SquareClient,
  type: "CATEGORY" | "ITEM",
  name: string,
): Promise<string | undefined> {
  const page = await square.catalog.list({ types: type });
  const match = page.data.find((object) => nameOf(object) === name);
  return match?.id;
}

function nameOf(object: Square.CatalogObject): string | undefined {
  if (object.type === "CATEGORY") return object.categoryData?.name ?? undefined;
  if (object.type === "ITEM") return object.itemData?.name ?? undefined;
  return undefined;
}

function legacyItem(item: BenchMenu["items"][number], categoryId: string): Square.CatalogObject {
  return {
    type: "ITEM",
    id: "#new_item",
    itemData: {
      name: item.name,
      description: item.description,
      categoryId,
      variations: [
        {
          type: "ITEM_VARIATION",
          id: "#new_variation",
          itemVariationData: {
            name: "Regular",
            pricingType: "FIXED_PRICING",
            priceMoney: { amount: BigInt(item.variations[0].price), currency: "USD" },
          },
        },
      ],
    },
  };
}
