/**
 * The engine's floor: the catalog's resource graph (same resource names and types, each item
 * taking its category's ID as an input) served by a dynamic provider that calls nothing. The
 * benchmark runs this file as a workspace's index.ts, beside a menu.json, through the same CLI
 * and harness as the real program, so the difference between the two is the provider's cost.
 */
import * as fs from "fs";

import * as pulumi from "@pulumi/pulumi";

import { withoutPromiseStackTraces } from "../stack/without-promise-stack-traces";

interface FloorMenu {
  categories: { name: string }[];
  items: { name: string; description: string; category: string; variations: unknown[] }[];
}

/** Answers every engine question from the inputs alone; IDs are derived from the names. */
const noCallProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff(_id, olds, news) {
    const declared = (props: Record<string, unknown>) =>
      JSON.stringify({ ...props, squareId: undefined, squareVersion: undefined });
    return { changes: declared(olds) !== declared(news), replaces: [], deleteBeforeReplace: false };
  },
  async create(inputs) {
    const id = `floor-${inputs.kind}-${inputs.name}`;
    return { id, outs: { ...inputs, squareId: id, squareVersion: 1 } };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(id, _olds, news) {
    return { outs: { ...news, squareId: id, squareVersion: 2 } };
  },
  async delete() {
    return;
  },
};

class FloorCategory extends pulumi.dynamic.Resource {
  declare readonly squareId: pulumi.Output<string>;

  constructor(name: string, props: Record<string, unknown>) {
    super(noCallProvider, name, { ...props, squareId: undefined }, {}, "square", "CatalogCategory");
  }
}

class FloorItem extends pulumi.dynamic.Resource {
  declare readonly squareId: pulumi.Output<string>;

  constructor(name: string, props: Record<string, unknown>) {
    super(noCallProvider, name, { ...props, squareId: undefined }, {}, "square", "CatalogItem");
  }
}

const menu = JSON.parse(fs.readFileSync("menu.json", "utf8")) as FloorMenu;
const scope = `${pulumi.getProject()}/${pulumi.getStack()}`;

const categories = new Map<string, FloorCategory>();
const items = new Map<string, FloorItem>();
// Declared the way index.ts declares them, so the two programs differ only in what they do.
withoutPromiseStackTraces(() => {
  for (const category of menu.categories) {
    const props = { kind: "category", scope, name: category.name };
    categories.set(category.name, new FloorCategory(`category:${category.name}`, props));
  }

  for (const item of menu.items) {
    const props = {
      kind: "item",
      scope,
      name: item.name,
      description: item.description,
      categoryId: categories.get(item.category)!.squareId,
      categoryName: item.category,
      variations: item.variations,
      presentAtAllLocations: true,
      locationIds: [],
    };
    items.set(item.name, new FloorItem(`item:${item.name}`, props));
  }
});

const idMap = (resources: Map<string, { squareId: pulumi.Output<string> }>) =>
  pulumi.all(Object.fromEntries([...resources].map(([name, r]) => [name, r.squareId])));

export const categoryIds = idMap(categories);
export const menuItemIds = idMap(items);
