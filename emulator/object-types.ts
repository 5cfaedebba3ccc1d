/**
 * Catalog object types. The emulator models CATEGORY, ITEM and ITEM_VARIATION in detail; the
 * other types Square defines are stored as given (ID, version and timestamps handled) so that a
 * client upserting, say, a TAX does not break, but their contents are not validated.
 */
export const CATALOG_OBJECT_TYPES = [
  "ITEM",
  "IMAGE",
  "CATEGORY",
  "ITEM_VARIATION",
  "TAX",
  "DISCOUNT",
  "MODIFIER_LIST",
  "MODIFIER",
  "PRICING_RULE",
  "PRODUCT_SET",
  "TIME_PERIOD",
  "MEASUREMENT_UNIT",
  "SUBSCRIPTION_PLAN_VARIATION",
  "ITEM_OPTION",
  "ITEM_OPTION_VAL",
  "CUSTOM_ATTRIBUTE_DEFINITION",
  "QUICK_AMOUNTS_SETTINGS",
  "SUBSCRIPTION_PLAN",
  "AVAILABILITY_PERIOD",
] as const;

/**
 * What ListCatalog and SearchCatalogObjects return when no types are given: the top-level types
 * named in the `types` parameter's description. Nested types (ITEM_VARIATION, MODIFIER, IMAGE,
 * ITEM_OPTION_VAL, ...) must be asked for explicitly.
 */
export const DEFAULT_TOP_LEVEL_TYPES: ReadonlySet<string> = new Set([
  "ITEM",
  "CATEGORY",
  "TAX",
  "DISCOUNT",
  "MODIFIER_LIST",
  "PRICING_RULE",
  "PRODUCT_SET",
  "TIME_PERIOD",
  "MEASUREMENT_UNIT",
  "SUBSCRIPTION_PLAN",
  "ITEM_OPTION",
  "CUSTOM_ATTRIBUTE_DEFINITION",
  "QUICK_AMOUNTS_SETTINGS",
]);

const KNOWN_TYPES: ReadonlySet<string> = new Set(CATALOG_OBJECT_TYPES);

export function isCatalogObjectType(type: unknown): type is string {
  return typeof type === "string" && KNOWN_TYPES.has(type);
}

/** The `*_data` member that holds a type's attributes, e.g. ITEM -> item_data. */
export function dataFieldOf(type: string): string {
  if (type === "ITEM_OPTION_VAL") return "item_option_value_data";
  return `${type.toLowerCase()}_data`;
}
