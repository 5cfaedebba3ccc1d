/**
 * The catalog of one seller account, in memory.
 *
 * Objects are kept flat: an item's variations are objects of their own (addressable by ID, as in
 * Square) and the item keeps only their IDs; `render` nests them back into `item_data.variations`
 * the way Square answers. Each object also keeps a short history of revisions so that list and
 * search can see a slightly older state than retrieve does (Square's search index lags writes).
 */

/** A catalog object as Square's JSON carries it (snake_case). */
export interface CatalogObjectJson {
  type: string;
  id: string;
  version?: number;
  updated_at?: string;
  is_deleted?: boolean;
  present_at_all_locations?: boolean;
  [key: string]: unknown;
}

export interface Revision {
  /** The object without nested variations. */
  object: CatalogObjectJson;
  /** For items: the IDs of their variations, in order. */
  variationIds?: string[];
  /** When the write happened (ms); decides what a lagging search sees. */
  writtenAt: number;
}

export interface StoredRecord {
  id: string;
  type: string;
  /**
   * Creation order. Pagination sorts by it and cursors carry the last one seen, so objects
   * written between two page requests are neither skipped nor repeated.
   */
  seq: number;
  revisions: Revision[];
}

/** Which state a read sees: the newest, or the newest that is at least `lagMs` old. */
export type ReadView = { kind: "current" } | { kind: "lagged"; lagMs: number; now: number };

export const CURRENT_VIEW: ReadView = { kind: "current" };

export class CatalogStore {
  private records = new Map<string, StoredRecord>();
  /** Records in ascending `seq`; append-only because seq only grows. */
  private ordered: StoredRecord[] = [];
  private nextSeq = 1;
  /** How long old revisions must be kept for lagging reads. */
  historyMs = 0;

  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  /** The newest revision, deleted or not. */
  current(id: string): Revision | undefined {
    const record = this.records.get(id);
    return record?.revisions[record.revisions.length - 1];
  }

  /** The newest revision unless the object is deleted or unknown. */
  live(id: string): Revision | undefined {
    const revision = this.current(id);
    return revision && !revision.object.is_deleted ? revision : undefined;
  }

  write(object: CatalogObjectJson, writtenAt: number, variationIds?: string[]): void {
    const revision: Revision = variationIds
      ? { object, variationIds, writtenAt }
      : { object, writtenAt };
    const existing = this.records.get(object.id);
    if (existing) {
      existing.revisions.push(revision);
      this.prune(existing, writtenAt);
      return;
    }
    const record: StoredRecord = {
      id: object.id,
      type: object.type,
      seq: this.nextSeq++,
      revisions: [revision],
    };
    this.records.set(object.id, record);
    this.ordered.push(record);
  }

  /** The revision a read in `view` sees, or undefined if the object did not exist yet for it. */
  revisionIn(record: StoredRecord, view: ReadView): Revision | undefined {
    const revisions = record.revisions;
    if (view.kind === "current") return revisions[revisions.length - 1];
    const cutoff = view.now - view.lagMs;
    for (let i = revisions.length - 1; i >= 0; i--) {
      if (revisions[i].writtenAt <= cutoff) return revisions[i];
    }
    return undefined;
  }

  /** The object as Square returns it: items carry their variations nested. */
  render(id: string, view: ReadView = CURRENT_VIEW): CatalogObjectJson | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    const revision = this.revisionIn(record, view);
    return revision ? this.renderRevision(revision, view) : undefined;
  }

  renderRevision(revision: Revision, view: ReadView): CatalogObjectJson {
    const object = structuredClone(revision.object);
    if (!revision.variationIds) return object;

    const variations: CatalogObjectJson[] = [];
    for (const variationId of revision.variationIds) {
      const variation = this.render(variationId, view);
      if (variation && (revision.object.is_deleted || !variation.is_deleted))
        variations.push(variation);
    }
    const itemData = (object.item_data ?? {}) as Record<string, unknown>;
    object.item_data = { ...itemData, variations };
    return object;
  }

  /** Records created after `afterSeq`, in creation order (binary search, then a walk). */
  *recordsAfter(afterSeq: number): Generator<StoredRecord> {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ordered[mid].seq <= afterSeq) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.ordered.length; i++) yield this.ordered[i];
  }

  allRecords(): readonly StoredRecord[] {
    return this.ordered;
  }

  /** Rebuilds the store from persisted records (their newest revision only). */
  load(
    records: { seq: number; object: CatalogObjectJson; variationIds?: string[] }[],
    nextSeq: number,
  ): void {
    this.clear();
    const sorted = [...records].sort((a, b) => a.seq - b.seq);
    for (const { seq, object, variationIds } of sorted) {
      const revision: Revision = variationIds
        ? { object, variationIds, writtenAt: 0 }
        : { object, writtenAt: 0 };
      const record: StoredRecord = { id: object.id, type: object.type, seq, revisions: [revision] };
      this.records.set(object.id, record);
      this.ordered.push(record);
    }
    this.nextSeq = Math.max(nextSeq, (sorted[sorted.length - 1]?.seq ?? 0) + 1);
  }

  sequenceAfterLast(): number {
    return this.nextSeq;
  }

  clear(): void {
    this.records.clear();
    this.ordered = [];
    this.nextSeq = 1;
  }

  /** Drops revisions no lagging read can see any more: all but the newest one older than the lag. */
  private prune(record: StoredRecord, now: number): void {
    const cutoff = now - this.historyMs;
    let keepFrom = 0;
    for (let i = record.revisions.length - 1; i >= 0; i--) {
      if (record.revisions[i].writtenAt <= cutoff) {
        keepFrom = i;
        break;
      }
    }
    if (keepFrom > 0) record.revisions.splice(0, keepFrom);
  }
}
