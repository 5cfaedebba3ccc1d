import { createHash } from "crypto";
import { v5 as uuidv5 } from "uuid";

/**
 * A fixed namespace for this product's idempotency keys (a random UUID chosen once). Keys are
 * UUIDv5 of the writes they carry, so the same writes always produce the same key: a call that
 * is retried after its answer was lost (timeout, dropped connection, 5xx) returns what the
 * first attempt wrote instead of writing a second copy. Square keeps keys about 24 hours.
 */
const SQUARE_CATALOG_NAMESPACE = "5b0e7f52-8f3c-4c61-9a3e-2d9f0c6a41b7";

/** The key for one write call: the sorted identities and content digests of its objects. */
export function idempotencyKeyFor(writes: string[]): string {
  return uuidv5(JSON.stringify([...writes].sort()), SQUARE_CATALOG_NAMESPACE);
}

/** A short, stable digest of any JSON-serializable value (bigints as strings). */
export function digestOf(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
