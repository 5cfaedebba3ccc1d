/**
 * The two files the legacy Python scripts keep: flat JSON objects mapping a display name to the
 * Square ID of the object the scripts created, e.g. `{ "Wraps": "3Q3X4LNHUZMAO6T2Y2ZIF7W2" }`.
 */
export const LEGACY_ID_FILES = [
  { file: "category_ids.json", kind: "category", output: "categoryIds" },
  { file: "menu_item_ids.json", kind: "item", output: "menuItemIds" },
] as const;

export type LegacyIdFileName = (typeof LEGACY_ID_FILES)[number]["file"];
export type LegacyKind = (typeof LEGACY_ID_FILES)[number]["kind"];

/** The stack config key that says where the files are; the default is the project directory. */
export const LEGACY_ID_DIR_CONFIG_KEY = "square-catalog:legacyIdDir";

/** One name → ID line of one file, as written (the value is checked separately). */
export interface LegacyIdEntry {
  file: LegacyIdFileName;
  kind: LegacyKind;
  name: string;
  /** The value as found; a string once the file passed the shape check. */
  squareId: string;
}

/** How a person finds the entry in the file: `category_ids.json entry "Wraps"`. */
export function describeEntry(entry: { file: string; name: string }): string {
  return `${entry.file} entry ${JSON.stringify(entry.name)}`;
}
