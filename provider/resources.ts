import * as pulumi from "@pulumi/pulumi";

import { catalogProvider } from "./catalog-provider";
import type { Adoption, VariationInputs } from "./resource-inputs";

/** Outputs every catalog resource has: what Square assigned. */
const ASSIGNED_OUTPUTS = {
  squareId: undefined,
  squareVersion: undefined,
  updatedAt: undefined,
  duplicatesInSquare: undefined,
};

export interface CatalogCategoryArgs {
  name: pulumi.Input<string>;
  /** `<project>/<stack>`; defaults to the current stack. */
  scope?: string;
  /** Take over this existing Square category instead of creating one. */
  adopt?: Adoption;
}

/** A Square catalog category (CatalogObject of type CATEGORY). */
export class CatalogCategory extends pulumi.dynamic.Resource {
  declare readonly squareId: pulumi.Output<string>;
  declare readonly squareVersion: pulumi.Output<number>;
  declare readonly name: pulumi.Output<string>;
  declare readonly duplicatesInSquare: pulumi.Output<string[] | undefined>;

  constructor(resourceName: string, args: CatalogCategoryArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      kind: "category",
      scope: args.scope ?? currentScope(),
      ...runContext(resourceName),
      ...args,
      ...ASSIGNED_OUTPUTS,
    };
    super(catalogProvider, resourceName, props, opts, "square", "CatalogCategory");
  }
}

export interface CatalogItemArgs {
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** The Square ID of the item's category, usually `category.squareId`. */
  categoryId: pulumi.Input<string>;
  /** The category's declared name: known during a preview even when its ID is not yet. */
  categoryName: pulumi.Input<string>;
  variations: pulumi.Input<VariationInputs[]>;
  presentAtAllLocations?: pulumi.Input<boolean>;
  locationIds?: pulumi.Input<string[]>;
  scope?: string;
  adopt?: Adoption;
}

/** A Square catalog item with its variations (the variations keep their IDs across updates). */
export class CatalogItem extends pulumi.dynamic.Resource {
  declare readonly squareId: pulumi.Output<string>;
  declare readonly squareVersion: pulumi.Output<number>;
  declare readonly name: pulumi.Output<string>;
  declare readonly variationIds: pulumi.Output<Record<string, string>>;
  declare readonly duplicatesInSquare: pulumi.Output<string[] | undefined>;

  constructor(resourceName: string, args: CatalogItemArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      kind: "item",
      scope: args.scope ?? currentScope(),
      ...runContext(resourceName),
      presentAtAllLocations: true,
      locationIds: [],
      ...args,
      ...ASSIGNED_OUTPUTS,
      variationIds: undefined,
      variationVersions: undefined,
    };
    super(catalogProvider, resourceName, props, opts, "square", "CatalogItem");
  }
}

function runContext(pulumiName: string) {
  // Set by Pulumi's Node.js runner from the engine's --parallel (default: 4 per core).
  const parallel = Number(process.env.PULUMI_NODEJS_PARALLEL);
  return {
    pulumiName,
    ...(Number.isInteger(parallel) && parallel > 0 ? { engineParallelism: parallel } : {}),
  };
}

function currentScope(): string {
  return `${pulumi.getProject()}/${pulumi.getStack()}`;
}
