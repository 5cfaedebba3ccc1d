/**
 * The Pulumi program: the declared menu becomes Square catalog resources.
 *
 * Everything that can be checked without writing is checked here first, in this order, before
 * a single resource is registered: the stack's settings, the menu (all problems at once), the
 * legacy ID files (category_ids.json, menu_item_ids.json; all problems at once), and Square's
 * answer to the access token. Then the provider's `check` compares each object with
 * what Square already holds, so `pulumi preview` shows a plan free of duplicates.
 */
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";

import { loadMenuFile } from "./catalog/load-menu";
import { declareCatalog, idMap } from "./stack/declare-catalog";
import { checkSquareAccess } from "./stack/preflight";
import { readStackConfig } from "./stack/stack-config";
import { withoutPromiseStackTraces } from "./stack/without-promise-stack-traces";
import { loadAdoptions } from "./state-import/load-adoptions";

async function main() {
  const config = readStackConfig();
  // Loaded here, not imported above, so a mistake in catalog/menu.ts is reported like any other.
  const menu = config.menuFile
    ? loadMenuFile(path.resolve(config.menuFile))
    : (await import("./catalog/menu")).menu;
  // The program's cwd is the project directory, where the legacy scripts kept their files.
  const adoptions = loadAdoptions(path.resolve(config.legacyIdDir ?? "."), menu);
  await checkSquareAccess(config.settings);

  const catalog = withoutPromiseStackTraces(() =>
    declareCatalog(menu, { adoptions, protect: config.deletionProtection }),
  );
  return {
    target: `${config.settings.target.kind} (${config.settings.target.baseUrl})`,
    categoryIds: idMap(catalog.categories),
    menuItemIds: idMap(catalog.items),
  };
}

/**
 * This project's own errors already say what, where and what to do next: shown as Pulumi's
 * RunError they print as that message alone, without a stack trace around it.
 */
const EXPLAINED_ERRORS = new Set([
  "SettingsError",
  "MenuValidationError",
  "MenuFileError",
  "LegacyIdFileError",
  "PreflightError",
]);

// A function, not a promise: Pulumi awaits what it returns at once, whereas a promise started
// while the module loads can fail before Pulumi listens, and Node then warns
// "PromiseRejectionHandledWarning" above the error.
export = () =>
  main().catch((error: unknown) => {
    if (error instanceof Error && EXPLAINED_ERRORS.has(error.name)) {
      throw new pulumi.RunError(error.message);
    }
    throw error;
  });
