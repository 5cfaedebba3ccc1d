import { invalidRequest, SquareErrorJson } from "./errors";
import { codePointLength, isRecord, JsonRecord } from "./json";

/**
 * Square's constraints on the contents of the objects this emulator models in detail, as the
 * OpenAPI schema states them (CatalogCategory.name maxLength 255, CatalogItem.name 512,
 * CatalogItem.description 4096, "An item must have at least one variation"). Each check reports
 * the JSON path of the field, so a client sees every problem of a request at once.
 */
export const CATEGORY_NAME_MAX = 255;
export const ITEM_NAME_MAX = 512;
export const ITEM_DESCRIPTION_MAX = 4096;

const PRICING_TYPES = new Set(["FIXED_PRICING", "VARIABLE_PRICING"]);

export function checkCategoryData(data: JsonRecord, path: string): SquareErrorJson[] {
  return checkName(data, `${path}.category_data`, CATEGORY_NAME_MAX, "A category");
}

export function checkItemData(data: JsonRecord, path: string): SquareErrorJson[] {
  const errors = checkName(data, `${path}.item_data`, ITEM_NAME_MAX, "An item");

  const description = data.description;
  if (description !== undefined && description !== null) {
    if (typeof description !== "string") {
      errors.push(
        invalidRequest("EXPECTED_STRING", "Expected a string.", `${path}.item_data.description`),
      );
    } else if (codePointLength(description) > ITEM_DESCRIPTION_MAX) {
      errors.push(tooLong(`${path}.item_data.description`, ITEM_DESCRIPTION_MAX, description));
    }
  }

  const variations = data.variations;
  if (!Array.isArray(variations) || variations.length === 0) {
    errors.push(
      invalidRequest(
        "INVALID_VALUE",
        "An item must have at least one variation.",
        `${path}.item_data.variations`,
      ),
    );
  }
  return errors;
}

export function checkVariationData(data: JsonRecord, path: string): SquareErrorJson[] {
  const errors: SquareErrorJson[] = [];
  const field = `${path}.item_variation_data`;

  if (data.name !== undefined && typeof data.name !== "string") {
    errors.push(invalidRequest("EXPECTED_STRING", "Expected a string.", `${field}.name`));
  }
  if (data.pricing_type !== undefined && !PRICING_TYPES.has(String(data.pricing_type))) {
    errors.push(
      invalidRequest(
        "INVALID_ENUM_VALUE",
        `Expected FIXED_PRICING or VARIABLE_PRICING, found ${JSON.stringify(data.pricing_type)}.`,
        `${field}.pricing_type`,
      ),
    );
  }
  if (data.price_money !== undefined)
    errors.push(...checkMoney(data.price_money, `${field}.price_money`));
  return errors;
}

/** Money is an integer amount in the smallest unit of a three-letter ISO 4217 currency. */
function checkMoney(money: unknown, field: string): SquareErrorJson[] {
  if (!isRecord(money))
    return [invalidRequest("EXPECTED_OBJECT", "Expected a Money object.", field)];
  const errors: SquareErrorJson[] = [];
  if (typeof money.amount !== "number" || !Number.isSafeInteger(money.amount)) {
    errors.push(
      invalidRequest(
        "EXPECTED_INTEGER",
        `Expected an integer amount in the smallest currency unit, found ${JSON.stringify(money.amount)}.`,
        `${field}.amount`,
      ),
    );
  }
  if (typeof money.currency !== "string" || !/^[A-Z]{3}$/.test(money.currency)) {
    errors.push(
      invalidRequest(
        "INVALID_ENUM_VALUE",
        `Expected an ISO 4217 currency code such as USD, found ${JSON.stringify(money.currency)}.`,
        `${field}.currency`,
      ),
    );
  }
  return errors;
}

function checkName(data: JsonRecord, field: string, max: number, what: string): SquareErrorJson[] {
  const name = data.name;
  if (name === undefined || name === null || name === "") {
    return [
      invalidRequest("MISSING_REQUIRED_PARAMETER", `${what} requires a name.`, `${field}.name`),
    ];
  }
  if (typeof name !== "string") {
    return [invalidRequest("EXPECTED_STRING", "Expected a string.", `${field}.name`)];
  }
  if (codePointLength(name) > max) return [tooLong(`${field}.name`, max, name)];
  return [];
}

function tooLong(field: string, max: number, value: string): SquareErrorJson {
  return invalidRequest(
    "VALUE_TOO_LONG",
    `Must be at most ${max} characters long, found ${codePointLength(value)}.`,
    field,
  );
}
