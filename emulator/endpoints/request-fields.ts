import { badRequest } from "../errors";
import { isRecord, JsonRecord } from "../json";

/** Body-field readers that fail with Square's error codes and the field's name. */

export function bodyObject(body: unknown): JsonRecord {
  if (!isRecord(body))
    throw badRequest("EXPECTED_OBJECT", "The request body must be a JSON object.");
  return body;
}

export function optionalBoolean(body: JsonRecord, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean")
    throw badRequest("EXPECTED_BOOLEAN", "Expected a boolean.", field);
  return value;
}

export function optionalStringArray(body: JsonRecord, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw badRequest("EXPECTED_ARRAY", "Expected a list of strings.", field);
  }
  return value as string[];
}

export function requiredStringArray(body: JsonRecord, field: string, max: number): string[] {
  const value = optionalStringArray(body, field);
  if (value === undefined)
    throw badRequest("MISSING_REQUIRED_PARAMETER", `${field} is required.`, field);
  if (value.length > max) {
    throw badRequest(
      "ARRAY_LENGTH_TOO_LONG",
      `${field} may contain at most ${max} IDs, found ${value.length}.`,
      field,
    );
  }
  return value;
}

/** A page size, where Square ignores values out of range and uses its default instead. */
export function advisoryLimit(
  value: unknown,
  max: number,
  fallback: number,
  field = "limit",
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw badRequest("EXPECTED_INTEGER", "Expected an integer.", field);
  }
  return value <= 0 || value > max ? fallback : value;
}
