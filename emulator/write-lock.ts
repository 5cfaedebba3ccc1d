import { rateLimited } from "./errors";

/**
 * Square processes one catalog update and one catalog delete at a time per seller account; a
 * second update (batch or not) that arrives while one is in progress is rejected with 429, and
 * likewise for deletes (see the descriptions of UpsertCatalogObject and BatchDeleteCatalogObjects).
 * Callers that fire writes in parallel must therefore fail here as they would in production.
 */
export class WriteLock {
  private held = false;

  constructor(private readonly kind: "update" | "delete") {}

  /** Takes the lock or throws Square's 429; release it in a `finally`. */
  acquire(): () => void {
    if (this.held) {
      throw rateLimited(
        `Another catalog ${this.kind} request is being processed for this account; ` +
          `Square processes one at a time. Retry after it completes.`,
      );
    }
    this.held = true;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.held = false;
      }
    };
  }
}
