import { CallCounters } from "./counters";
import { FaultPlan } from "./faults";
import { IdempotencyStore } from "./idempotency";
import { DATA_FILE_FORMAT, loadState, PersistedState, saveState } from "./persistence";
import { CatalogStore } from "./store";
import { VersionClock } from "./versions";
import { WriteLock } from "./write-lock";
import { WriteStamp } from "./catalog-upsert";

/**
 * Everything one emulated Square seller account holds: its catalog, version clock, remembered
 * idempotency keys, the per-account write locks, and the test controls (counters, faults).
 */
export class SellerAccount {
  readonly store = new CatalogStore();
  readonly idempotency = new IdempotencyStore();
  readonly counters = new CallCounters();
  readonly faults = new FaultPlan();
  private clock = new VersionClock();
  private readonly updateLock = new WriteLock("update");
  private readonly deleteLock = new WriteLock("delete");

  constructor(
    private readonly dataFile: string | undefined,
    private readonly writeProcessingMs: number,
  ) {
    if (dataFile) this.restore(loadState(dataFile));
  }

  /**
   * Runs one write the way Square does: only one update (or delete) at a time per account, held
   * for the processing time, then the change is applied in one step and saved.
   */
  async performWrite<T>(kind: "update" | "delete", apply: (stamp: WriteStamp) => T): Promise<T> {
    const release = (kind === "update" ? this.updateLock : this.deleteLock).acquire();
    try {
      await delay(this.writeProcessingMs);
      this.store.historyMs = this.faults.searchLagMs;
      const result = apply({ version: this.clock.next(), now: Date.now() });
      this.persist();
      return result;
    } finally {
      release();
    }
  }

  /** When the catalog last changed, for SearchCatalogObjects' `latest_time`. */
  latestTime(): string | undefined {
    const latest = this.clock.latest();
    return latest > 0 ? new Date(Math.min(latest, Date.now())).toISOString() : undefined;
  }

  reset(): void {
    this.store.clear();
    this.idempotency.clear();
    this.counters.reset();
    this.faults.clear();
    this.persist();
  }

  persist(): void {
    if (!this.dataFile) return;
    const state: PersistedState = {
      format: DATA_FILE_FORMAT,
      version_clock: this.clock.latest(),
      next_seq: this.store.sequenceAfterLast(),
      objects: this.store.allRecords().map((record) => {
        const newest = record.revisions[record.revisions.length - 1];
        return newest.variationIds
          ? { seq: record.seq, object: newest.object, variation_ids: newest.variationIds }
          : { seq: record.seq, object: newest.object };
      }),
      idempotency: this.idempotency.entries(),
    };
    saveState(this.dataFile, state);
  }

  private restore(state: PersistedState | undefined): void {
    if (!state) return;
    this.clock = new VersionClock(state.version_clock);
    this.store.load(
      state.objects.map((o) => ({ seq: o.seq, object: o.object, variationIds: o.variation_ids })),
      state.next_seq,
    );
    this.idempotency.load(state.idempotency);
  }
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
