import * as pulumi from "@pulumi/pulumi";

import { normalizeName } from "../catalog/normalize-name";
import type { Menu } from "../catalog/schema";
import type { Adoption } from "../provider/resource-inputs";
import { CatalogCategory, CatalogItem } from "../provider/resources";

/** Existing Square objects to take over, by kind and normalized name (from the legacy ID files). */
export interface Adoptions {
  categories: Map<string, Adoption>;
  items: Map<string, Adoption>;
}

export interface DeclaredCatalog {
  categories: Map<string, CatalogCategory>;
  items: Map<string, CatalogItem>;
}

/**
 * Turns a validated menu into resources. A resource's Pulumi name is the entry's `key`, else its
 * name: with a key, a rename is an in-place update in Square; without one, a renamed entry is a
 * new object (checked against Square like any other) and the old one is deleted.
 */
export function declareCatalog(
  menu: Menu,
  options: { adoptions?: Adoptions; protect: boolean },
): DeclaredCatalog {
  const opts: pulumi.CustomResourceOptions = { protect: options.protect };
  const categories = new Map<string, CatalogCategory>();
  const byNormalizedName = new Map<string, CatalogCategory>();

  for (const category of menu.categories) {
    const name = category.name.trim();
    const resource = new CatalogCategory(
      `category:${category.key ?? name}`,
      { name, ...adoption(options.adoptions?.categories, name) },
      opts,
    );
    categories.set(name, resource);
    byNormalizedName.set(normalizeName(name), resource);
  }

  const items = new Map<string, CatalogItem>();
  for (const item of menu.items) {
    const name = item.name.trim();
    // The menu was validated: every item names a declared category.
    const category = byNormalizedName.get(normalizeName(item.category))!;
    const resource = new CatalogItem(
      `item:${item.key ?? name}`,
      {
        name,
        description: item.description,
        categoryId: category.squareId,
        categoryName: item.category.trim(),
        variations: item.variations.map((v) => ({
          name: v.name.trim(),
          price: v.price,
          currency: v.currency,
        })),
        presentAtAllLocations: item.presentAtAllLocations,
        locationIds: item.locationIds ?? [],
        ...adoption(options.adoptions?.items, name),
      },
      opts,
    );
    items.set(name, resource);
  }
  return { categories, items };
}

/** An `adopt` input only where there is one: an absent key costs the program nothing per resource. */
function adoption(adoptions: Map<string, Adoption> | undefined, name: string) {
  const adopt = adoptions?.get(normalizeName(name));
  return adopt ? { adopt } : {};
}

/** Name → Square ID, the shape of the legacy category_ids.json and menu_item_ids.json. */
export function idMap(resources: Map<string, { squareId: pulumi.Output<string> }>) {
  return pulumi.all(
    Object.fromEntries([...resources].map(([name, resource]) => [name, resource.squareId])),
  );
}
