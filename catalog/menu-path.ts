/**
 * Writes a location in the menu the way an author would type it in TypeScript:
 * `items[3].variations[0].price`. The menu as a whole is `menu`.
 */
export function formatMenuPath(path: readonly PropertyKey[]): string {
  let text = "";

  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) {
      text += text === "" ? segment : `.${segment}`;
    } else text += `[${JSON.stringify(String(segment))}]`;
  }

  return text === "" ? "menu" : text;
}
