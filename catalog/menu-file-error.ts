/**
 * A menu file that could not be read as JSON: missing, unreadable, or not valid JSON. A file
 * that is valid JSON but not a valid menu raises MenuValidationError instead.
 */
export class MenuFileError extends Error {
  override readonly name = "MenuFileError";

  constructor(
    message: string,
    /** The path as configured in `square-catalog:menuFile`. */
    readonly path: string,
    /** Where the JSON syntax error is, when that is the problem; both 1-based. */
    readonly position?: { line: number; column: number },
  ) {
    super(message);
  }
}
