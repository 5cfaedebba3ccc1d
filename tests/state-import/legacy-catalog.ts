import { randomUUID } from "node:crypto";
import * as path from "node:path";

import type { SquareClient } from "square";

import type { PulumiWorkspace } from "../e2e/pulumi-workspace";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineEnv } = require("../../scripts/engine.js") as {
  engineEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

/**
 * Makes categories and items the way the legacy Python scripts did: one call per object with a
 * fresh random idempotency key, one "Regular" variation at a fixed price in cents (USD), and the
 * item filed under its category through the deprecated `category_id`, never `categories`.
 */
export async function createLegacyCategory(square: SquareClient, name: string): Promise<string> {
  const answer = await square.catalog.object.upsert({
    idempotencyKey: randomUUID(),
    object: { type: "CATEGORY", id: "#category", categoryData: { name } },
  });
  return answer.catalogObject!.id!;
}

export async function createLegacyItem(
  square: SquareClient,
  item: { name: string; categoryId: string; priceCents: number; description?: string },
): Promise<{ id: string; variationId: string }> {
  const answer = await square.catalog.object.upsert({
    idempotencyKey: randomUUID(),
    object: {
      type: "ITEM",
      id: "#item",
      itemData: {
        name: item.name,
        ...(item.description ? { description: item.description } : {}),
        categoryId: item.categoryId,
        variations: [
          {
            type: "ITEM_VARIATION",
            id: "#variation",
            itemVariationData: {
              itemId: "#item",
              name: "Regular",
              pricingType: "FIXED_PRICING",
              priceMoney: { amount: BigInt(item.priceCents), currency: "USD" },
            },
          },
        ],
      },
    },
  });
  const object = answer.catalogObject;
  if (object?.type !== "ITEM") throw new Error(`Square answered no item for "${item.name}"`);
  return { id: object.id!, variationId: object.itemData!.variations![0].id! };
}

/**
 * The environment `pulumi` commands of this workspace run with, for commands a test runs itself
 * (`legacy-ids write`, `duplicates --stack`). It follows the layout PulumiWorkspace.create makes:
 * `<root>/project`, `<root>/backend`, `<root>/home`, passphrase "e2e-passphrase".
 */
export function workspaceEnv(workspace: PulumiWorkspace, extra: Record<string, string> = {}) {
  const root = path.dirname(workspace.dir);
  return engineEnv({
    ...process.env,
    PULUMI_HOME: path.join(root, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(root, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
    ...extra,
  });
}

/** A text sink for a command's output, as the CLIs' `main(argv, context)` takes it. */
export function captureOutput() {
  let text = "";
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}
