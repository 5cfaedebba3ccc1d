import type { Square } from "square";

import { normalizeName } from "../catalog/normalize-name";
import type {
  CatalogInputs,
  CatalogOutputs,
  CategoryInputs,
  ItemInputs,
  SquareAssigned,
  VariationInputs,
} from "./resource-inputs";

/**
 * Translation between a declared catalog object and Square's CatalogObject. An upsert replaces
 * the whole object in Square, so what is built here is the complete object, never a patch.
 */

/** The Square object as it stands, for an update: its ID, version and its variations' IDs. */
export interface ExistingObject {
  squareId: string;
  version: number;
  variationIds: Record<string, string>;
  variationVersions: Record<string, number>;
}

export function buildCategoryObject(
  inputs: CategoryInputs,
  tempId: string,
  existing?: ExistingObject,
): Square.CatalogObject {
  return {
    type: "CATEGORY",
    id: existing?.squareId ?? tempId,
    ...(existing ? { version: BigInt(existing.version) } : {}),
    categoryData: { name: inputs.name },
  };
}

/**
 * An item with its variations. Existing variations keep their IDs (matched by normalized name):
 * Square deletes a variation that an item update leaves out, and a new ID would break the
 * links orders and reports keep to the old one.
 */
export function buildItemObject(
  inputs: ItemInputs,
  tempId: string,
  existing?: ExistingObject,
): Square.CatalogObject {
  const itemId = existing?.squareId ?? tempId;
  const idsByName = new Map<string, string>();
  for (const [name, id] of Object.entries(existing?.variationIds ?? {})) {
    idsByName.set(normalizeName(name), id);
  }
  const locations = locationFields(inputs);

  const variations: Square.CatalogObject[] = inputs.variations.map((variation, index) => {
    const variationId = idsByName.get(normalizeName(variation.name));
    const version = variationId ? existing?.variationVersions[variationId] : undefined;
    return {
      type: "ITEM_VARIATION",
      id: variationId ?? `${tempId}-v${index}`,
      ...(version !== undefined ? { version: BigInt(version) } : {}),
      ...locations,
      itemVariationData: {
        itemId,
        name: variation.name,
        ordinal: index,
        pricingType: "FIXED_PRICING",
        priceMoney: { amount: BigInt(variation.price), currency: variation.currency as Square.Currency },
      },
    };
  });

  return {
    type: "ITEM",
    id: itemId,
    ...(existing ? { version: BigInt(existing.version) } : {}),
    ...locations,
    itemData: {
      name: inputs.name,
      ...(inputs.description ? { description: inputs.description } : {}),
      // `categories` replaces the deprecated `category_id`; leaving the latter out of the
      // upsert clears it on objects the legacy scripts made.
      categories: [{ id: inputs.categoryId }],
      variations,
    },
  };
}

function locationFields(inputs: ItemInputs) {
  return inputs.presentAtAllLocations
    ? { presentAtAllLocations: true }
    : { presentAtAllLocations: false, presentAtLocationIds: [...inputs.locationIds] };
}

/** What Square assigned to an object, to keep in state for the next update. */
export function assignedBy(object: Square.CatalogObject): SquareAssigned {
  const assigned: SquareAssigned = {
    squareId: object.id ?? "",
    squareVersion: Number(object.version ?? 0),
    ...(object.updatedAt ? { updatedAt: object.updatedAt } : {}),
  };
  if (object.type === "ITEM") {
    assigned.variationIds = {};
    assigned.variationVersions = {};
    for (const variation of object.itemData?.variations ?? []) {
      if (variation.type !== "ITEM_VARIATION") continue;
      const name = variation.itemVariationData?.name ?? "";
      if (!variation.id) continue;
      assigned.variationIds[name] = variation.id;
      assigned.variationVersions[variation.id] = Number(variation.version ?? 0);
    }
  }
  return assigned;
}

export function existingFrom(outputs: SquareAssigned): ExistingObject {
  return {
    squareId: outputs.squareId,
    version: outputs.squareVersion,
    variationIds: outputs.variationIds ?? {},
    variationVersions: outputs.variationVersions ?? {},
  };
}

/** The category an item is filed under: `categories` first, then the deprecated `category_id`. */
export function categoryIdOf(object: Square.CatalogObject): string | undefined {
  if (object.type !== "ITEM") return undefined;
  return object.itemData?.categories?.[0]?.id ?? object.itemData?.categoryId ?? undefined;
}

export function nameOf(object: Square.CatalogObject): string {
  if (object.type === "CATEGORY") return object.categoryData?.name ?? "";
  if (object.type === "ITEM") return object.itemData?.name ?? "";
  return "";
}

/**
 * The declared fields as Square holds them now, for `pulumi refresh`: what differs from the
 * state shows up as drift, and the next `up` brings Square back to the declaration.
 */
export function observedInputs(object: Square.CatalogObject, previous: CatalogInputs): CatalogInputs {
  if (previous.kind === "category") return { ...previous, name: nameOf(object) };
  if (object.type !== "ITEM") return previous;

  const variations: VariationInputs[] = (object.itemData?.variations ?? []).flatMap((v) =>
    v.type === "ITEM_VARIATION"
      ? [
          {
            name: v.itemVariationData?.name ?? "",
            price: Number(v.itemVariationData?.priceMoney?.amount ?? 0),
            currency: String(v.itemVariationData?.priceMoney?.currency ?? "USD"),
          },
        ]
      : [],
  );
  const presentAtAll = object.presentAtAllLocations ?? true;
  const observed: ItemInputs = {
    ...previous,
    name: nameOf(object),
    categoryId: categoryIdOf(object) ?? "",
    variations,
    presentAtAllLocations: presentAtAll,
    locationIds: presentAtAll ? [] : [...(object.presentAtLocationIds ?? [])],
  };
  const description = object.itemData?.description ?? undefined;
  if (description) observed.description = description;
  else delete observed.description;
  return observed;
}

/** The fields a diff compares; `scope`, `adopt` and bookkeeping never cause a change. */
export function declaredContent(inputs: CatalogInputs): unknown {
  if (inputs.kind === "category") return { name: inputs.name };
  return {
    name: inputs.name,
    description: inputs.description ?? "",
    categoryId: inputs.categoryId,
    variations: inputs.variations.map((v) => ({ name: v.name, price: v.price, currency: v.currency })),
    presentAtAllLocations: inputs.presentAtAllLocations,
    locationIds: inputs.presentAtAllLocations ? [] : [...inputs.locationIds].sort(),
  };
}

export function outputsOf(inputs: CatalogInputs, object: Square.CatalogObject): CatalogOutputs {
  return { ...inputs, ...assignedBy(object) };
}
