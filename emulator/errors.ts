/**
 * Square's error envelope: every failure answers `{ errors: [{ category, code, detail, field? }] }`
 * with an HTTP status that matches the category. Endpoints throw `SquareApiError`; the server turns
 * it into that envelope, so no handler writes an error body by hand.
 */

export type ErrorCategory =
  | "API_ERROR"
  | "AUTHENTICATION_ERROR"
  | "INVALID_REQUEST_ERROR"
  | "RATE_LIMIT_ERROR";

export interface SquareErrorJson {
  category: ErrorCategory;
  code: string;
  detail: string;
  field?: string;
}

/** One or more Square errors that end a request with `status`. */
export class SquareApiError extends Error {
  readonly status: number;
  readonly errors: SquareErrorJson[];
  /** Extra response headers, e.g. `Retry-After` on an injected 429. */
  readonly headers: Record<string, string>;

  constructor(status: number, errors: SquareErrorJson[], headers: Record<string, string> = {}) {
    super(errors.map((e) => `${e.code}: ${e.detail}`).join("; "));
    this.name = "SquareApiError";
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** A 400 INVALID_REQUEST_ERROR, the status Square uses for every validation failure. */
export function invalidRequest(code: string, detail: string, field?: string): SquareErrorJson {
  return field === undefined
    ? { category: "INVALID_REQUEST_ERROR", code, detail }
    : { category: "INVALID_REQUEST_ERROR", code, detail, field };
}

export function badRequest(code: string, detail: string, field?: string): SquareApiError {
  return new SquareApiError(400, [invalidRequest(code, detail, field)]);
}

export function notFound(detail: string, field?: string): SquareApiError {
  return new SquareApiError(404, [invalidRequest("NOT_FOUND", detail, field)]);
}

export function unauthorized(detail: string): SquareApiError {
  return new SquareApiError(401, [
    { category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED", detail },
  ]);
}

export function rateLimited(detail: string, retryAfterSeconds?: number): SquareApiError {
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) };
  return new SquareApiError(
    429,
    [{ category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED", detail }],
    headers,
  );
}

export function internalError(detail: string): SquareApiError {
  return new SquareApiError(500, [
    { category: "API_ERROR", code: "INTERNAL_SERVER_ERROR", detail },
  ]);
}

export function errorBody(errors: SquareErrorJson[]): { errors: SquareErrorJson[] } {
  return { errors };
}
