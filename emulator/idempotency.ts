import { createHash } from "node:crypto";

import { badRequest } from "./errors";

/**
 * Square remembers an idempotency key with the request it came with (for about 24 hours): the
 * same key and the same request replay the first answer without writing again; the same key with
 * a different request is rejected with IDEMPOTENCY_KEY_REUSED. Only answers whose write committed
 * are remembered, so a request that failed (validation, 429, injected fault) may be retried.
 */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;
const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  storedAt: number;
}

export class IdempotencyStore {
  private answers = new Map<string, StoredAnswer>();

  /** The remembered answer for this key, or undefined; throws if the key came with another request. */
  lookup(key: string, fingerprint: string): StoredAnswer | undefined {
    this.forgetExpired();
    const stored = this.answers.get(key);
    if (!stored) return undefined;
    if (stored.fingerprint !== fingerprint) {
      throw badRequest(
        "IDEMPOTENCY_KEY_REUSED",
        `The idempotency key '${key}' was already used with a different request.`,
        "idempotency_key",
      );
    }
    return stored;
  }

  remember(key: string, fingerprint: string, status: number, body: string): void {
    this.answers.set(key, { key, fingerprint, status, body, storedAt: Date.now() });
  }

  entries(): StoredAnswer[] {
    return [...this.answers.values()];
  }

  load(entries: StoredAnswer[]): void {
    this.answers = new Map(entries.map((e) => [e.key, e]));
  }

  clear(): void {
    this.answers.clear();
  }

  private forgetExpired(): void {
    const cutoff = Date.now() - RETENTION_MS;
    for (const [key, answer] of this.answers)
      if (answer.storedAt < cutoff) this.answers.delete(key);
  }
}

/** Identifies a request by its operation and its body, key order ignored. */
export function requestFingerprint(operationId: string, body: unknown): string {
  return createHash("sha256")
    .update(operationId)
    .update("\n")
    .update(canonicalJson(body))
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
