import { z } from "zod";

import { describeValue } from "./describe-value";
import { normalizeName } from "./normalize-name";

/**
 * The shape of a declared menu: what each field may hold, on its own.
 *
 * Checks that compare entries with each other (duplicate names, an item's category, locations)
 * live in validateMenu, which also reports them together with the problems found here. Validate
 * a menu with validateMenu; parsing with menuSchema alone skips those checks.
 */

/** Square's limits, counted in Unicode code points: "🍕" is one, though two UTF-16 units. */
export const MAX_CATEGORY_NAME_LENGTH = 255;
export const MAX_ITEM_NAME_LENGTH = 512;
export const MAX_VARIATION_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 4096;

/**
 * $1,000,000.00. No catering order costs more; a larger number is almost always dollars typed
 * with extra zeros, and the bound keeps every price far inside JavaScript's exact integers.
 */
export const MAX_PRICE_CENTS = 100_000_000;

export const PRICE_RULE = "price must be a whole number of cents, e.g. 1250 for $12.50";

function codePointLength(text: string): number {
  return [...text].length;
}

/** A string field with a message that names the field when it is missing or not text. */
function text(what: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined
        ? `${what} is required but missing`
        : `expected ${what} as text, got ${describeValue(issue.input)}`,
  });
}

function displayName(what: string, maxLength: number) {
  return text(what)
    .refine((name) => normalizeName(name) !== "", {
      error: (issue) =>
        issue.input === ""
          ? `expected ${what}, got an empty name`
          : `expected ${what}, got only spaces: ${describeValue(issue.input)}`,
    })
    .refine((name) => codePointLength(name) <= maxLength, {
      error: (issue) =>
        `expected ${what} of at most ${maxLength} characters, got ` +
        `${codePointLength(String(issue.input))}`,
    });
}

function description() {
  return text("a description")
    .refine((value) => codePointLength(value) <= MAX_DESCRIPTION_LENGTH, {
      error: (issue) =>
        `expected a description of at most ${MAX_DESCRIPTION_LENGTH} characters, got ` +
        `${codePointLength(String(issue.input))}`,
    })
    .optional();
}

/** What is wrong with a price that is a number, or undefined when it is a valid price. */
function priceProblem(cents: number): string | undefined {
  if (!Number.isFinite(cents)) return `expected a whole number of cents, got ${cents}`;
  if (cents < 0) return `expected 0 or more, got ${cents}`;

  if (!Number.isInteger(cents)) {
    // 12.5 is almost certainly dollars; say what the author most likely meant.
    const asCents = Math.round(cents * 100);
    const looksLikeDollars = Math.abs(cents * 100 - asCents) < 1e-6;
    const hint = looksLikeDollars ? ` (for $${cents.toFixed(2)} write ${asCents})` : "";
    return `expected a whole number of cents, got ${cents}${hint}`;
  }

  if (cents > MAX_PRICE_CENTS) {
    return `expected at most ${MAX_PRICE_CENTS} ($1,000,000.00), got ${cents}`;
  }
  return undefined;
}

const price = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? `price is required but missing: ${PRICE_RULE}`
        : `expected a number, got ${describeValue(issue.input)}: ${PRICE_RULE}`,
  })
  .refine((cents) => priceProblem(cents) === undefined, {
    error: (issue) => `${priceProblem(Number(issue.input))}: ${PRICE_RULE}`,
  });

const currency = text("a currency code")
  .regex(/^[A-Z]{3}$/, {
    error: (issue) =>
      `expected a three-letter ISO 4217 currency code in capitals such as "USD", ` +
      `got ${describeValue(issue.input)}`,
  })
  .default("USD");

const categoryKey = text("a key").regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, {
  error: (issue) =>
    `expected a key of at most 100 letters, digits, "-", "_" or ".", starting with a letter or ` +
    `digit, got ${describeValue(issue.input)}`,
});

const locationId = text("a Square location ID").min(1, {
  error: 'expected a Square location ID, got ""',
});

export const menuVariationSchema = z.strictObject({
  name: displayName("a variation name", MAX_VARIATION_NAME_LENGTH),
  /** In the smallest unit of the currency: cents for USD. */
  price,
  currency,
});

export const menuItemSchema = z.strictObject({
  /** A stable identity, so renaming the item updates it in Square instead of replacing it. */
  key: categoryKey.optional(),
  name: displayName("an item name", MAX_ITEM_NAME_LENGTH),
  description: description(),
  /** The name of a category declared in the same menu. */
  category: text("a category name"),
  // Square refuses an item without a variation: the variation is what carries the price.
  variations: z.array(menuVariationSchema).min(1, {
    error: `expected at least one variation, e.g. { name: "Regular", price: 1250 }`,
  }),
  availableOnline: z.boolean().default(true),
  presentAtAllLocations: z.boolean().default(true),
  /** Square location IDs that sell the item; only with presentAtAllLocations: false. */
  locationIds: z
    .array(locationId)
    .min(1, { error: "expected at least one location ID; to sell everywhere, leave it out" })
    .optional(),
});

export const menuCategorySchema = z.strictObject({
  /**
   * A stable identity for the category, for when its display name may change. Optional:
   * without it the category is known by its name.
   */
  key: categoryKey.optional(),
  name: displayName("a category name", MAX_CATEGORY_NAME_LENGTH),
  description: description(),
});

export const menuSchema = z.strictObject({
  categories: z.array(menuCategorySchema),
  items: z.array(menuItemSchema),
});

/** A menu after validation, with every default filled in. */
export type Menu = z.output<typeof menuSchema>;
export type MenuCategory = z.output<typeof menuCategorySchema>;
export type MenuItem = z.output<typeof menuItemSchema>;
export type MenuVariation = z.output<typeof menuVariationSchema>;

/** A menu as an author may write it: fields with defaults may be left out. */
export type MenuInput = z.input<typeof menuSchema>;
export type MenuCategoryInput = z.input<typeof menuCategorySchema>;
export type MenuItemInput = z.input<typeof menuItemSchema>;
export type MenuVariationInput = z.input<typeof menuVariationSchema>;
