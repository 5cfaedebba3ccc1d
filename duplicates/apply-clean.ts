import type { SquareClient } from "square";

import { retrieveByIds } from "../tools/read-live-catalog";
import { writeBackup, squareJson } from "./backup-file";
import { categoryIdsOf } from "./category-references";
import type { CleanPlan, Repoint } from "./clean-plan";
import { repointItems } from "./repoint-items";

/** Square's limit on IDs in one batch-delete call. */
const DELETE_LIMIT = 200;

export interface CleanResult {
  backupPath: string;
  repointed: number;
  /** IDs Square reports deleted: the extra objects and their items' variations. */
  deletedIds: string[];
}

/**
 * Carries a plan out, one write at a time (Square answers 429 to a catalog write that overlaps
 * another): the objects are read again by ID so the backup and the versions are current; the
 * backup is written before any write; the items are re-pointed; only then are the extra
 * objects deleted, in batches of at most 200. An object already deleted since the plan was
 * made is skipped.
 */
export async function applyClean(
  client: SquareClient,
  plan: CleanPlan,
  options: { backupPath: string; target: string },
): Promise<CleanResult> {
  const replacements = new Map<string, string>();
  for (const group of plan.groups.filter((g) => g.type === "CATEGORY")) {
    for (const extra of group.extra) replacements.set(extra.id!, group.kept.id!);
  }

  const repointIds = plan.repoints.map((r) => r.item.id!);
  const current = await retrieveByIds(client, [...plan.deleteIds, ...repointIds]);
  const toDelete = plan.deleteIds.map((id) => current.get(id)).filter((o) => o && !o.isDeleted);
  const repoints: Repoint[] = repointIds.flatMap((id) => {
    const item = current.get(id);
    if (!item || item.isDeleted) return [];
    const moves = new Map(
      categoryIdsOf(item)
        .filter((category) => replacements.has(category))
        .map((category) => [category, replacements.get(category)!]),
    );
    return moves.size ? [{ item, moves }] : [];
  });

  writeBackup(options.backupPath, {
    takenAt: new Date().toISOString(),
    target: options.target,
    deletedObjects: toDelete.map((object) => squareJson(object!)),
    repointedItemsBefore: repoints.map((r) => squareJson(r.item)),
    categoryReplacements: Object.fromEntries(replacements),
  });

  const repointed = repoints.length ? await repointItems(client, repoints) : 0;

  const deletedIds: string[] = [];
  const ids = toDelete.map((object) => object!.id!);
  for (let start = 0; start < ids.length; start += DELETE_LIMIT) {
    const answer = await client.catalog.batchDelete({ objectIds: ids.slice(start, start + DELETE_LIMIT) });
    deletedIds.push(...(answer.deletedObjectIds ?? []));
  }
  return { backupPath: options.backupPath, repointed, deletedIds };
}
