/**
 * The benchmark's menus: the shape of the end-to-end tests' generated menu (one category per
 * 20 items, one to three variations each), so every variant applies the same objects.
 */
export interface BenchMenu {
  categories: { name: string }[];
  items: {
    name: string;
    description: string;
    category: string;
    variations: { name: string; price: number }[];
  }[];
}

const VARIATION_NAMES = ["Small", "Medium", "Large"];

export function benchMenu(itemCount: number): BenchMenu {
  const categoryCount = Math.max(1, Math.ceil(itemCount / 20));
  return {
    categories: Array.from({ length: categoryCount }, (_, c) => ({ name: `Category ${c + 1}` })),
    items: Array.from({ length: itemCount }, (_, i) => ({
      name: `Menu Item ${i + 1}`,
      description: `Generated item ${i + 1}`,
      category: `Category ${(i % categoryCount) + 1}`,
      variations: Array.from({ length: (i % 3) + 1 }, (_, v) => ({
        name: VARIATION_NAMES[v],
        price: 500 + i * 10 + v * 250,
      })),
    })),
  };
}

/** The same menu with one price changed: the first item's first variation costs a cent more. */
export function withOnePriceChanged(menu: BenchMenu): BenchMenu {
  const [first, ...rest] = menu.items;
  const [variation, ...others] = first.variations;
  const changed = { ...first, variations: [{ ...variation, price: variation.price + 1 }, ...others] };
  return { ...menu, items: [changed, ...rest] };
}

/** What Square will hold: categories, items and their variations. */
export function objectCounts(menu: BenchMenu) {
  const variations = menu.items.reduce((sum, item) => sum + item.variations.length, 0);
  return { categories: menu.categories.length, items: menu.items.length, variations };
}
