/**
 * Says in a few words what a menu author wrote where something else was expected, for the
 * "got ..." half of an error message. Long text is shortened so one bad field cannot flood
 * the report.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";

  if (typeof value === "string") {
    const codePoints = [...value];
    const shown = codePoints.length > 40 ? `${codePoints.slice(0, 40).join("")}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }

  if (typeof value === "number") return Number.isNaN(value) ? "NaN (not a number)" : String(value);
  if (typeof value === "bigint") return `the bigint ${value}n`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    return value.length === 1 ? "a list of 1 entry" : `a list of ${value.length} entries`;
  }
  if (typeof value === "function") return "a function";
  return "an object";
}
