import { z } from "zod";

import { checkMenuConsistency, type LocatedProblem } from "./check-menu-consistency";
import { closestName } from "./closest-name";
import { describeValue } from "./describe-value";
import { formatMenuPath } from "./menu-path";
import { MenuValidationError } from "./menu-validation-error";
import {
  menuCategorySchema,
  menuItemSchema,
  menuSchema,
  menuVariationSchema,
  type Menu,
} from "./schema";

/**
 * Checks a declared menu and returns it with defaults filled in, or throws one
 * MenuValidationError that lists every problem found: the shape of each field and the checks
 * across entries (duplicate names, unknown categories, locations) together.
 *
 * `source` says where the menu came from, for the message: `menu file menu.json`,
 * `catalog/menu.ts`.
 */
export function validateMenu(input: unknown, source: string): Menu {
  const parsed = menuSchema.safeParse(input, { error: describeIssue });
  const shapeProblems = parsed.success ? [] : parsed.error.issues.flatMap(locateIssue);
  const problems = [...shapeProblems, ...checkMenuConsistency(input)];

  if (problems.length > 0 || !parsed.success) {
    const ordered = orderAsWritten(problems);
    throw new MenuValidationError(
      source,
      ordered.map((problem) => ({ path: formatMenuPath(problem.path), message: problem.message })),
    );
  }
  return parsed.data;
}

/** Messages for the issues the schema leaves to zod's defaults, in the schema's own words. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type") {
    const found =
      issue.input === undefined ? "nothing (the field is missing)" : describeValue(issue.input);
    return `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, got ${found}`;
  }
  return undefined;
}

const EXPECTED_WORDS: Record<string, string> = {
  object: "an object",
  array: "a list",
  string: "text",
  number: "a number",
  boolean: "true or false",
};

/** An unknown field is reported at its own path, with the field most likely meant. */
function locateIssue(issue: z.core.$ZodIssue): LocatedProblem[] {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  if (issue.code !== "unrecognized_keys") return [{ path, message: issue.message }];

  const known = knownFieldsAt(path);
  return issue.keys.map((key) => {
    const guess = closestName(key, known);
    const hint =
      guess !== undefined ? `did you mean "${guess}"?` : `known fields: ${known.join(", ")}`;
    return { path: [...path, key], message: `unknown field; ${hint}` };
  });
}

function knownFieldsAt(path: (string | number)[]): string[] {
  const shape =
    path.length === 0
      ? menuSchema.shape
      : path[0] === "categories"
        ? menuCategorySchema.shape
        : path.length > 2
          ? menuVariationSchema.shape
          : menuItemSchema.shape;
  return Object.keys(shape);
}

/**
 * Problems in the order of the menu, so the report reads top to bottom: categories, then items,
 * each entry's problems together. The sort is stable, so within one entry the field problems
 * come before the cross-checks.
 */
function orderAsWritten(problems: LocatedProblem[]): LocatedProblem[] {
  const rank = (problem: LocatedProblem): [number, number] => {
    const [list, index] = problem.path;
    const listRank = list === "categories" ? 1 : list === "items" ? 2 : 0;
    return [listRank, typeof index === "number" ? index : -1];
  };

  return [...problems].sort((a, b) => {
    const [listA, indexA] = rank(a);
    const [listB, indexB] = rank(b);
    return listA - listB || indexA - indexB;
  });
}
