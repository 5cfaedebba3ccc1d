/** The Catalog operations the emulator serves, named by Square's OpenAPI operationIds. */
export const CATALOG_OPERATION_IDS = [
  "ListCatalog",
  "SearchCatalogObjects",
  "SearchCatalogItems",
  "UpsertCatalogObject",
  "BatchUpsertCatalogObjects",
  "RetrieveCatalogObject",
  "BatchRetrieveCatalogObjects",
  "DeleteCatalogObject",
  "BatchDeleteCatalogObjects",
  "CatalogInfo",
] as const;

export type CatalogOperationId = (typeof CATALOG_OPERATION_IDS)[number];

export interface CallArrival {
  operationId: CatalogOperationId;
  /** Milliseconds on the emulator process's monotonic clock. */
  atMs: number;
}

/**
 * Calls per operation. Benchmarks and provider tests assert on these (e.g. "N resources cost one
 * batch call"), so every authenticated call counts, including those answered with 429 or 500.
 */
export class CallCounters {
  private counts = new Map<string, number>();
  /** When each call arrived, so a test can see how fast a client called (rate limits). */
  private arrivals: CallArrival[] = [];

  record(operationId: CatalogOperationId): void {
    this.counts.set(operationId, (this.counts.get(operationId) ?? 0) + 1);
    this.arrivals.push({ operationId, atMs: performance.now() });
  }

  /** Every call since the last reset, in order of arrival. */
  log(): CallArrival[] {
    return [...this.arrivals];
  }

  snapshot(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const id of CATALOG_OPERATION_IDS) result[id] = this.counts.get(id) ?? 0;
    return result;
  }

  reset(): void {
    this.counts.clear();
    this.arrivals = [];
  }
}
