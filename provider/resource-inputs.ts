/**
 * What the program hands the provider for each catalog object. These are resource inputs, so
 * they are stored in the stack's state: they name things, never credentials.
 */

/** An existing Square object this resource takes over instead of creating one. */
export interface Adoption {
  squareId: string;
  /** Why it is adopted, shown in the preview: "category_ids.json", "same name in Square". */
  reason: string;
}

export interface CategoryInputs {
  kind: "category";
  /** `<project>/<stack>`: part of every idempotency key, so two stacks never share a write. */
  scope: string;
  name: string;
  adopt?: Adoption;
}

export interface VariationInputs {
  name: string;
  /** In the smallest unit of the currency (cents). */
  price: number;
  currency: string;
}

export interface ItemInputs {
  kind: "item";
  scope: string;
  name: string;
  description?: string;
  /** Unknown during a preview while the category is still to be created. */
  categoryId: string;
  /** Known even when the ID is not, so `check` can reason about a new category's items. */
  categoryName: string;
  variations: VariationInputs[];
  presentAtAllLocations: boolean;
  locationIds: string[];
  adopt?: Adoption;
}

export type CatalogInputs = CategoryInputs | ItemInputs;

/** What Square assigned, kept beside the inputs in the state. */
export interface SquareAssigned {
  squareId: string;
  /** The object's version as Square last reported it; an update must send it back. */
  squareVersion: number;
  /** Item only: variation name → Square ID, kept stable across updates. */
  variationIds?: Record<string, string>;
  /** Item only: variation ID → version. */
  variationVersions?: Record<string, number>;
  updatedAt?: string;
  /** Other live objects of the same type and name, found by `pulumi refresh`. */
  duplicatesInSquare?: string[];
}

export type CatalogOutputs = CatalogInputs & SquareAssigned;

export const SQUARE_TYPE = { category: "CATEGORY", item: "ITEM" } as const;
