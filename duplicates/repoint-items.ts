import { createHash } from "node:crypto";

import type { Square, SquareClient } from "square";

import type { Repoint } from "./clean-plan";

/** Square's limit on objects in one batch-upsert request (GET /v2/catalog/info). */
const UPSERT_REQUEST_LIMIT = 10000;

/**
 * Points each item at the kept category instead of the one about to be deleted, in
 * `categories`, the deprecated `category_id` and `reporting_category` alike, and changes
 * nothing else. Each item is sent whole, as just retrieved (an item update needs the item's
 * version and each variation's; leaving a variation out would delete it), in a batch of its
 * own so Square applies or refuses each item alone. The idempotency key is derived from the
 * items, their versions and the moves, so a retried call cannot apply twice, and a run after
 * another change gets a new key.
 *
 * Throws if Square refuses any item: the caller must not delete anything then.
 */
export async function repointItems(client: SquareClient, repoints: Repoint[]): Promise<number> {
  let updated = 0;
  for (const chunk of chunksByObjects(repoints)) {
    const objects = chunk.map(({ item, moves }) => repointed(item, moves));
    const answer = await client.catalog.batchUpsert({
      idempotencyKey: keyFor(chunk),
      batches: objects.map((object) => ({ objects: [object] })),
    });
    const written = new Set((answer.objects ?? []).map((o) => o.id));
    const refused = chunk.filter(({ item }) => !written.has(item.id));
    if (answer.errors?.length || refused.length) {
      const reasons = (answer.errors ?? []).map((e) => `${e.code}: ${e.detail ?? ""}`).join("; ");
      throw new Error(
        `Square refused to re-point ${refused.map((r) => r.item.id).join(", ") || "some items"}` +
          ` (${reasons || "no reason given"}). Nothing was deleted; run clean again.`,
      );
    }
    updated += chunk.length;
  }
  return updated;
}

function repointed(item: Square.CatalogObject, moves: Map<string, string>): Square.CatalogObject {
  if (item.type !== "ITEM" || !item.itemData) return item;
  const move = (id: string | undefined) => (id && moves.get(id)) || id;
  const data = { ...item.itemData };

  if (data.categories) {
    const seen = new Set<string>();
    data.categories = data.categories
      .map((category) => ({ ...category, id: move(category.id) }))
      .filter((category) => !category.id || (!seen.has(category.id) && seen.add(category.id)));
  }
  if (data.categoryId) data.categoryId = move(data.categoryId);
  if (data.reportingCategory?.id) {
    data.reportingCategory = { ...data.reportingCategory, id: move(data.reportingCategory.id) };
  }
  return { ...item, itemData: data };
}

function keyFor(chunk: Repoint[]): string {
  const what = chunk.map(({ item, moves }) => [item.id, String(item.version), [...moves].sort()]);
  const digest = createHash("sha256").update(JSON.stringify(what)).digest("hex");
  return `duplicates-repoint-${digest.slice(0, 40)}`;
}

function chunksByObjects(repoints: Repoint[]): Repoint[][] {
  const chunks: Repoint[][] = [];
  let current: Repoint[] = [];
  let count = 0;
  for (const repoint of repoints) {
    const size = 1 + (repoint.item.type === "ITEM" ? (repoint.item.itemData?.variations?.length ?? 0) : 0);
    if (current.length && count + size > UPSERT_REQUEST_LIMIT) {
      chunks.push(current);
      current = [];
      count = 0;
    }
    current.push(repoint);
    count += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
