import type { Square } from "square";

import type { DuplicateGroup } from "./duplicate-groups";

/** The rule, as the help text and the README state it. */
export const KEEP_RULE = [
  "Which object of a group is kept:",
  "  1. the one the stack manages (its ID is in the stack's outputs with --stack, otherwise in",
  "     category_ids.json / menu_item_ids.json);",
  "  2. for categories, the one the most items point at (categories[].id, the deprecated",
  "     category_id, or reporting_category);",
  "  3. the oldest: the earliest created_at where Square reports one, otherwise the lowest",
  "     version (Square sets the version to the time of the object's last write, so this is the",
  "     copy changed least recently);",
  "  4. the lowest ID, so the choice is the same on every run.",
  "The legacy cleanup script kept the highest version instead, i.e. the copy changed last.",
].join("\n");

export interface KeepDecision {
  kept: Square.CatalogObject;
  reason: string;
}

/** Applies KEEP_RULE to one group. `references` counts, per category ID, the items pointing at it. */
export function chooseKept(
  group: DuplicateGroup,
  managed: Set<string>,
  references: Map<string, number>,
): KeepDecision {
  let candidates = group.objects;

  const managedOnes = candidates.filter((object) => managed.has(object.id!));
  if (managedOnes.length === 1) return { kept: managedOnes[0], reason: "the stack manages it" };
  if (managedOnes.length > 1) candidates = managedOnes;

  if (group.type === "CATEGORY") {
    const count = (object: Square.CatalogObject) => references.get(object.id!) ?? 0;
    const most = Math.max(...candidates.map(count));
    const mostReferenced = candidates.filter((object) => count(object) === most);
    if (most > 0 && mostReferenced.length === 1) {
      return { kept: mostReferenced[0], reason: `most items point at it (${most})` };
    }
    if (most > 0) candidates = mostReferenced;
  }

  const ordered = [...candidates].sort(byAge);
  const [oldest, next] = ordered;
  const reason =
    createdAt(oldest) && createdAt(oldest) !== createdAt(next)
      ? `the oldest (created ${createdAt(oldest)})`
      : version(oldest) !== version(next)
        ? `the oldest (lowest version, ${version(oldest)})`
        : "the lowest ID (nothing else tells the copies apart)";
  return { kept: oldest, reason };
}

function byAge(a: Square.CatalogObject, b: Square.CatalogObject): number {
  const created = (createdAt(a) ?? "\uffff").localeCompare(createdAt(b) ?? "\uffff");
  if (created) return created;
  if (version(a) !== version(b)) return version(a) < version(b) ? -1 : 1;
  return (a.id ?? "").localeCompare(b.id ?? "");
}

/** Not in the Square API version this project targets; used when an answer carries it. */
function createdAt(object: Square.CatalogObject | undefined): string | undefined {
  const raw = object as { createdAt?: string; created_at?: string } | undefined;
  return raw?.createdAt ?? raw?.created_at;
}

function version(object: Square.CatalogObject | undefined): bigint {
  return BigInt(object?.version ?? 0);
}
