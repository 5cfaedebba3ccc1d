import {
  MAX_PRICE_CENTS,
  type Menu,
  type MenuCategoryInput,
  type MenuInput,
  type MenuItemInput,
  type MenuVariationInput,
} from "./schema";
import { validateMenu } from "./validate-menu";

/**
 * Small helpers for declaring a menu in TypeScript, so a menu reads like a menu:
 *
 *     item("Chicken Caesar Wrap", { category: "Wraps", price: dollars(11.5) })
 *
 * Each helper only builds the plain object the schema describes; writing the objects by hand
 * is just as valid.
 */

/**
 * Checks the whole menu at once and returns it with defaults filled in. A mistake stops the
 * program here, before anything reaches Square, with every problem listed.
 *
 * `source` names the file in the error message, e.g. `"catalog/menu.ts"`.
 */
export function defineMenu(menu: MenuInput, source = "the menu given to defineMenu()"): Menu {
  return validateMenu(menu, source);
}

/** A category; `details` is its description, or an object with a description and a key. */
export function category(
  name: string,
  details?: string | { description?: string; key?: string },
): MenuCategoryInput {
  if (details === undefined) return { name };
  if (typeof details === "string") return { name, description: details };
  return { name, ...details };
}

/** What an item needs besides its name: either one `price`, or its `variations`. */
export type ItemDetails = Omit<MenuItemInput, "name" | "variations"> &
  (
    | { variations: MenuVariationInput[]; price?: never; currency?: never }
    | { price: number; currency?: string; variations?: never }
  );

/** The variation name Square shows for an item sold in one size, as the legacy scripts did. */
export const SINGLE_VARIATION_NAME = "Regular";

/**
 * An item. With `price`, it gets one variation called "Regular"; with `variations`, it gets
 * exactly those.
 */
export function item(name: string, details: ItemDetails): MenuItemInput {
  const { price, currency, variations, ...rest } = details;
  const declared = variations ?? [variation(SINGLE_VARIATION_NAME, price as number, currency)];
  return { name, ...rest, variations: declared };
}

/** A variation, e.g. `variation("Half Tray (serves 10)", dollars(65))`; price in cents. */
export function variation(name: string, price: number, currency?: string): MenuVariationInput {
  return currency === undefined ? { name, price } : { name, price, currency };
}

/**
 * Converts a price written in dollars to cents: `dollars(12.5)` is 1250.
 *
 * Multiplying by 100 is not exact in floating point (0.29 * 100 is 28.999999999999996), so the
 * result is rounded; and a price with more than two decimals is refused rather than rounded,
 * because it is a typo, not a price.
 */
export function dollars(amount: number): number {
  const written = String(amount);

  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`dollars(${written}): expected 0 or more dollars, e.g. dollars(12.5)`);
  }
  if (amount > MAX_PRICE_CENTS / 100) {
    throw new RangeError(`dollars(${written}): expected at most ${MAX_PRICE_CENTS / 100} dollars`);
  }
  // The shortest text that reads back as the same number is what the author typed.
  if (!/^\d+(\.\d{1,2})?$/.test(written)) {
    throw new RangeError(
      `dollars(${written}): a price has at most two decimals (whole cents); ` +
        `write e.g. dollars(12.5) for $12.50`,
    );
  }
  return Math.round(amount * 100);
}
