import type { Square } from "square";

import { nameOf } from "../tools/read-live-catalog";
import { textTable } from "../tools/text-table";
import type { CleanPlan } from "./clean-plan";

/** The `scan --json` answer: every group of duplicates and what `clean` would do with it. */
export function scanJson(plan: CleanPlan, target: string, managedFrom: string, managed: Set<string>) {
  return {
    target,
    managedFrom,
    duplicatesFound: plan.groups.length > 0,
    groups: plan.groups.map((group) => ({
      type: group.type,
      name: nameOf(group.kept),
      normalizedName: group.normalizedName,
      kept: group.kept.id,
      keptBecause: group.keptBecause,
      objects: group.objects.map((object) => ({
        id: object.id,
        name: nameOf(object),
        version: Number(object.version ?? 0),
        updatedAt: object.updatedAt ?? null,
        managedByStack: managed.has(object.id!),
        cleanWould: object === group.kept ? "keep" : "delete",
        ...(group.type === "CATEGORY"
          ? { referencedBy: (group.referencedBy.get(object.id!) ?? []).map(brief) }
          : {}),
      })),
    })),
  };
}

/** The same, as a table for a terminal. */
export function scanText(plan: CleanPlan, target: string, managedFrom: string, managed: Set<string>) {
  const heading = `Categories and items in ${target}; managed IDs from ${managedFrom}.`;
  if (!plan.groups.length) return `${heading}\nNo duplicates: every category and item name occurs once.`;

  const rows = plan.groups.flatMap((group) =>
    group.objects.map((object) => [
      group.type,
      JSON.stringify(nameOf(object)),
      object.id ?? "",
      String(object.version ?? ""),
      object.updatedAt ?? "",
      managed.has(object.id!) ? "yes" : "",
      group.type === "CATEGORY"
        ? (group.referencedBy.get(object.id!) ?? []).map((item) => JSON.stringify(nameOf(item))).join(", ")
        : "",
      object === group.kept ? `keep: ${group.keptBecause}` : "delete",
    ]),
  );
  const table = textTable(
    ["type", "name", "ID", "version", "updated_at", "managed", "items pointing at it", "clean would"],
    rows,
  );
  const extra = plan.deleteIds.length;
  return [
    heading,
    "",
    table,
    "",
    `${plan.groups.length} ${plan.groups.length === 1 ? "group" : "groups"} of duplicates, ` +
      `${extra} extra ${extra === 1 ? "object" : "objects"}. ` +
      "`npm run duplicates -- clean` shows the cleanup; `clean --apply` carries it out.",
  ].join("\n");
}

/** What `clean` will do (or did), one line per decision. */
export function cleanPlanText(plan: CleanPlan): string[] {
  const lines: string[] = [];
  for (const group of plan.groups) {
    const what = group.type === "CATEGORY" ? "category" : "item";
    lines.push(`${what} ${JSON.stringify(nameOf(group.kept))}: keep ${group.kept.id}: ${group.keptBecause}`);
    for (const extra of group.extra) lines.push(`  delete ${extra.id} (version ${String(extra.version)})`);
  }
  for (const { item, moves } of plan.repoints) {
    const changes = [...moves].map(([from, to]) => `${from} → ${to}`).join(", ");
    lines.push(`re-point item ${JSON.stringify(nameOf(item))} (${item.id}): category ${changes}`);
  }
  return lines;
}

function brief(object: Square.CatalogObject) {
  return { id: object.id, name: nameOf(object) };
}
