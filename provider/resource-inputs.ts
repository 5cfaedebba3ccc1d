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

/** What every catalog resource carries besides its content; none of it is ever diffed. */
export interface RunContext {
  /** The resource's Pulumi name, so messages can be attached to it in the engine's output. */
  pulumiName?: string;
  /**
   * The engine's parallelism (`--parallel`), as the program sees it: at most this many writes
   * can be waiting at once, so the write lane sends a batch as soon as that many have arrived.
   */
  engineParallelism?: number;
}

export interface CategoryInputs extends RunContext {
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

export interface ItemInputs extends RunContext {
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
