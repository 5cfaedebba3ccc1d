import type { Square } from "square";

import { nameOf } from "./square-objects";

/**
 * The message a user sees when a write would make a duplicate: which objects already carry the
 * name (ID, exact name, version, last update) and the ways forward.
 */
export function describeDuplicates(
  declared: { kind: "category" | "item"; name: string },
  twins: Square.CatalogObject[],
  when = "already exists in Square",
): string {
  const listing = twins
    .map(
      (twin) =>
        `    ${twin.id}  "${nameOf(twin)}"  version ${String(twin.version ?? "?")}` +
        `${twin.updatedAt ? `  updated ${twin.updatedAt}` : ""}`,
    )
    .join("\n");
  const count = twins.length === 1 ? `a ${declared.kind}` : `${twins.length} ${declared.kind === "category" ? "categories" : "items"}`;
  const file = declared.kind === "category" ? "category_ids.json" : "menu_item_ids.json";
  return (
    `${count} named like "${declared.name}" ${when} (names are compared ignoring case, ` +
    `spacing and Unicode form); creating it would make a duplicate:\n${listing}\n` +
    "  Nothing was written. To go on, either:\n" +
    `    - take the existing object over: put its ID in ${file} under "${declared.name}"` +
    (twins.length === 1 ? ", or run `pulumi config set square-catalog:adoptExisting true`;\n" : ";\n") +
    "    - or remove the extra copies first: `npm run duplicates -- scan`, then `clean`;\n" +
    "    - or rename the entry in the menu."
  );
}
