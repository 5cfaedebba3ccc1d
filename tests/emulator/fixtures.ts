import { Square } from "square";

/**
 * Catalog objects as a client builds them, in the SDK's camelCase (`sdk*`) and in Square's wire
 * format (`wire*`) for raw HTTP calls.
 */

export function sdkCategory(id: string, name: string): Square.CatalogObject {
  return { type: "CATEGORY", id, categoryData: { name } };
}

export function sdkItem(
  id: string,
  name: string,
  options: {
    categoryId?: string;
    priceCents?: number;
    variationIds?: string[];
    version?: bigint;
  } = {},
): Square.CatalogObject {
  const variationIds = options.variationIds ?? [`${id}-regular`];
  return {
    type: "ITEM",
    id,
    version: options.version,
    itemData: {
      name,
      categories: options.categoryId ? [{ id: options.categoryId }] : undefined,
      variations: variationIds.map((variationId, i) => ({
        type: "ITEM_VARIATION" as const,
        id: variationId,
        itemVariationData: {
          itemId: id,
          name: i === 0 ? "Regular" : `Size ${i + 1}`,
          pricingType: "FIXED_PRICING" as const,
          priceMoney: { amount: BigInt(options.priceCents ?? 899), currency: "USD" as const },
        },
      })),
    },
  };
}

export function wireCategory(id: string, name: string): Record<string, unknown> {
  return { type: "CATEGORY", id, category_data: { name } };
}

export function wireItem(
  id: string,
  name: string,
  options: { categoryId?: string; priceCents?: number; description?: string } = {},
): Record<string, unknown> {
  return {
    type: "ITEM",
    id,
    item_data: {
      name,
      description: options.description,
      categories: options.categoryId ? [{ id: options.categoryId }] : undefined,
      variations: [
        {
          type: "ITEM_VARIATION",
          id: `${id}-regular`,
          item_variation_data: {
            item_id: id,
            name: "Regular",
            pricing_type: "FIXED_PRICING",
            price_money: { amount: options.priceCents ?? 899, currency: "USD" },
          },
        },
      ],
    },
  };
}

let keyCounter = 0;
/** A fresh idempotency key per call, as a careful client makes them. */
export function freshKey(): string {
  keyCounter += 1;
  return `test-${process.pid}-${Date.now()}-${keyCounter}`;
}
