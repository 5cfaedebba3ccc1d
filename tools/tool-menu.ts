import { resolve } from "node:path";

import { loadMenuFile } from "../catalog/load-menu";
import { menu as shippedMenu } from "../catalog/menu";
import type { Menu } from "../catalog/schema";

/** The declared menu a tool compares with: a JSON menu file when given, else catalog/menu.ts. */
export function toolMenu(menuFile: string | undefined, cwd: string): { menu: Menu; source: string } {
  if (!menuFile) return { menu: shippedMenu, source: "catalog/menu.ts" };
  return { menu: loadMenuFile(resolve(cwd, menuFile)), source: menuFile };
}
