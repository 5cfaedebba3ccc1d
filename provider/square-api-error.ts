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

  /** A batch-upsert answer's raw body, kept when Square wrote part of the request anyway. */
  partialWrite?: {
    id_mappings?: { client_object_id: string; object_id: string }[];
    objects?: { id: string }[];
  };
}
