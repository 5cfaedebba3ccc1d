import * as pulumi from "@pulumi/pulumi";

import { catalogProvider } from "./catalog-provider";
import type { Adoption, VariationInputs } from "./resource-inputs";

/**
 * The one output the program reads (an item's category ID). The others (version, variation
 * IDs, duplicates found by refresh) are in the stack's state; declaring them here too would
 * cost the program a set of promises per resource for values it never reads.
 */
const ASSIGNED_OUTPUTS = { squareId: undefined };

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
  declare readonly name: pulumi.Output<string>;

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
  declare readonly name: pulumi.Output<string>;

  constructor(resourceName: string, args: CatalogItemArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      kind: "item",
      scope: args.scope ?? currentScope(),
      ...runContext(resourceName),
      presentAtAllLocations: true,
      locationIds: [],
      ...args,
      ...ASSIGNED_OUTPUTS,
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
