import type { CatalogInputs } from "./resource-inputs";

/** Square's limits, in Unicode code points (Square counts characters, not UTF-16 units). */
const NAME_LIMIT = { category: 255, item: 512 } as const;
const DESCRIPTION_LIMIT = 4096;
const MAX_PRICE = 100_000_000;

/**
 * The provider's own guard on what it is asked to write. The menu schema catches all of this
 * earlier with better paths; this is for programs that build resources by hand, and it keeps a
 * bad object from ever sharing a batch call with good ones.
 */
export function validateInputs(inputs: CatalogInputs): { property: string; reason: string }[] {
  const failures: { property: string; reason: string }[] = [];
  const length = (text: string) => [...text].length;

  if (typeof inputs.name !== "string" || !inputs.name.trim()) {
    failures.push({ property: "name", reason: "a name is required" });
  } else if (length(inputs.name) > NAME_LIMIT[inputs.kind]) {
    failures.push({
      property: "name",
      reason: `is ${length(inputs.name)} characters; Square allows ${NAME_LIMIT[inputs.kind]}`,
    });
  }
  if (inputs.kind !== "item") return failures;

  if (inputs.description && length(inputs.description) > DESCRIPTION_LIMIT) {
    failures.push({ property: "description", reason: `longer than ${DESCRIPTION_LIMIT} characters` });
  }
  if (!Array.isArray(inputs.variations) || inputs.variations.length === 0) {
    failures.push({ property: "variations", reason: "an item needs at least one variation" });
    return failures;
  }
  inputs.variations.forEach((variation, index) => {
    if (!Number.isSafeInteger(variation.price) || variation.price < 0 || variation.price > MAX_PRICE) {
      failures.push({
        property: `variations[${index}].price`,
        reason: `must be a whole number of cents between 0 and ${MAX_PRICE}, found ${variation.price}`,
      });
    }
    if (!/^[A-Z]{3}$/.test(variation.currency)) {
      failures.push({ property: `variations[${index}].currency`, reason: "must be a currency code like USD" });
    }
  });
  return failures;
}
