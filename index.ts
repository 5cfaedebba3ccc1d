/**
 * The Pulumi program: the declared menu becomes Square catalog resources.
 *
 * Everything that can be checked without writing is checked here first, in this order, before
 * a single resource is registered: the stack's settings, the menu (all problems at once), the
 * legacy ID files (category_ids.json, menu_item_ids.json; all problems at once), and Square's
 * answer to the access token. Then the provider's `check` compares each object with
 * what Square already holds, so `pulumi preview` shows a plan free of duplicates.
 */
import * as path from "path";

import { menu as shippedMenu } from "./catalog/menu";
import { loadMenuFile } from "./catalog/load-menu";
import { declareCatalog, idMap } from "./stack/declare-catalog";
import { checkSquareAccess } from "./stack/preflight";
import { readStackConfig } from "./stack/stack-config";
import { loadAdoptions } from "./state-import/load-adoptions";

async function main() {
  const config = readStackConfig();
  const menu = config.menuFile ? loadMenuFile(path.resolve(config.menuFile)) : shippedMenu;
  // The program's cwd is the project directory, where the legacy scripts kept their files.
  const adoptions = loadAdoptions(path.resolve(config.legacyIdDir ?? "."), menu);
  await checkSquareAccess(config.settings);

  const catalog = declareCatalog(menu, { adoptions, protect: config.deletionProtection });
  return {
    target: `${config.settings.target.kind} (${config.settings.target.baseUrl})`,
    categoryIds: idMap(catalog.categories),
    menuItemIds: idMap(catalog.items),
  };
}

export = main();
