import * as pulumi from "@pulumi/pulumi";

import { resolveSettings, type ProviderSettings } from "../provider/settings";

/** Everything the program reads from the stack's configuration (`Pulumi.<stack>.yaml`). */
export interface StackConfig {
  settings: ProviderSettings;
  /** A JSON menu to apply instead of catalog/menu.ts (square-catalog:menuFile). */
  menuFile?: string;
  /** Where category_ids.json and menu_item_ids.json are (square-catalog:legacyIdDir). */
  legacyIdDir?: string;
  /**
   * Whether removing an object from the menu may delete it from Square. Off by default on a
   * production stack: there, every catalog resource is `protect`ed, and Pulumi refuses the plan.
   */
  deletionProtection: boolean;
}

export function readStackConfig(): StackConfig {
  const config = new pulumi.Config("square-catalog");
  const settings = resolveSettings({ get: (key) => config.get(key) }, process.env);
  const protection = config.getBoolean("deletionProtection");
  return {
    settings,
    menuFile: config.get("menuFile") || undefined,
    legacyIdDir: config.get("legacyIdDir") || undefined,
    deletionProtection: protection ?? settings.target.kind === "production",
  };
}
