/**
 * One error type for everything that goes wrong between the provider and Square. Its message
 * says which call failed, what Square answered and what to do next; it never carries the token.
 */
export class SquareApiError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly statusCode?: number,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = "SquareApiError";
  }

  get isVersionMismatch(): boolean {
    return this.codes.includes("VERSION_MISMATCH");
  }
}
