/** One thing wrong with a declared menu: where it is and what was expected there. */
export interface MenuProblem {
  /** Where in the menu, e.g. `items[3].variations[0].price`; `menu` for the menu as a whole. */
  path: string;
  /** What was expected and what was found, e.g. `expected 0 or more, got -100`. */
  message: string;
}

/**
 * A declared menu that cannot be applied. It carries every problem found, not only the first,
 * so one run of `pulumi preview` shows the author everything to fix. Thrown before anything is
 * sent to Square.
 */
export class MenuValidationError extends Error {
  override readonly name = "MenuValidationError";

  constructor(
    /** Where the menu came from, e.g. `menu file menu.json` or `catalog/menu.ts`. */
    readonly source: string,
    readonly problems: MenuProblem[],
  ) {
    super(formatMenuProblems(source, problems));
  }
}

function formatMenuProblems(source: string, problems: MenuProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);

  return [
    `${source}: the menu has ${count}:`,
    ...lines,
    `Nothing was sent to Square. Fix the fields listed above in ${source} and run again.`,
  ].join("\n");
}
