import type { Square } from "square";

import { idempotencyKeyFor } from "./idempotency-key";
import type { SquareCatalogApi } from "./square-api";
import { UPSERT_REQUEST_LIMIT } from "./square-api";
import { SquareApiError } from "./square-api-error";

/** One resource's write: its complete object (an item carries its variations). */
export interface UpsertRequest {
  /** The engine's parallelism, when known: a batch is complete once this many writes wait. */
  engineParallelism?: number;
  /** Stack, resource kind and normalized name: unique within a run. */
  identity: string;
  /** A digest of the intended content, so a changed object gets a new idempotency key. */
  fingerprint: string;
  object: Square.CatalogObject;
}

interface PendingUpsert extends UpsertRequest {
  resolve(object: Square.CatalogObject): void;
  reject(error: Error): void;
  /** Sent in a call of its own after its shared batch call failed, to learn its own error. */
  alone?: boolean;
}

interface PendingDelete {
  ids: string[];
  resolve(deleted: string[]): void;
  reject(error: Error): void;
}

export interface WriterOptions {
  /**
   * A call leaves once no new write has arrived for this long: the engine hands over its
   * parallel steps a few milliseconds apart, as each finishes recording the previous one.
   */
  quietMs: number;
  /** ... or once the oldest waiting write has waited this long. */
  maxWaitMs: number;
  /** Send every resource's write in a call of its own (benchmarks of the naive approach). */
  unbatched: boolean;
  /**
   * Runs before a call that creates objects; answers, per identity, why that create must not
   * happen after all (a same-named object appeared in Square since the run's checks).
   */
  beforeCreates?(creates: UpsertRequest[]): Promise<Map<string, Error>>;
}

/**
 * The account's single write lane. Square processes one catalog write at a time per seller
 * and answers 429 to a write that overlaps another, so the engine's parallel creates and
 * updates wait here and leave together: every write that arrives while a call is in flight
 * goes out in the next batch-upsert call, each resource in a batch of its own, because Square
 * applies or rejects each batch of a request as a whole: one bad object fails only itself.
 */
export class CatalogWriter {
  private busy = false;
  private lastArrival = 0;
  /** Ends the gather's current wait early, so each arrival re-counts the waiting writes. */
  private nudge?: () => void;
  private upserts: PendingUpsert[] = [];
  private deletes: PendingDelete[] = [];

  constructor(
    /** Built on first write, so a run that writes nothing never needs a token. */
    private readonly api: () => SquareCatalogApi,
    private readonly options: WriterOptions,
  ) {}

  upsert(request: UpsertRequest): Promise<Square.CatalogObject> {
    return new Promise((resolve, reject) => {
      this.upserts.push({ ...request, resolve, reject });
      this.wake();
    });
  }

  delete(ids: string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.deletes.push({ ids, resolve, reject });
      this.wake();
    });
  }

  private wake(): void {
    this.lastArrival = Date.now();
    this.nudge?.();
    if (this.busy) return;
    this.busy = true;
    void this.drain();
  }

  /**
   * Waits for the engine's other parallel steps to hand over their writes. The engine runs at
   * most `engineParallelism` steps at once, so once that many writes wait, nothing more can come
   * until this batch is answered. Otherwise the batch leaves when writes stop arriving for a
   * moment, or when the oldest has waited long enough (fewer steps were ready than slots).
   */
  private async gather(): Promise<void> {
    if (this.options.unbatched) return;
    const started = Date.now();
    for (;;) {
      const waiting = this.upserts.length + this.deletes.length;
      const slots = Math.max(0, ...this.upserts.map((u) => u.engineParallelism ?? 0));
      if (slots > 0 && waiting >= slots) return;
      const now = Date.now();
      const quietLeft = this.options.quietMs - (now - this.lastArrival);
      const waitLeft = this.options.maxWaitMs - (now - started);
      if (quietLeft <= 0 || waitLeft <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(quietLeft, waitLeft));
        this.nudge = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.nudge = undefined;
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.upserts.length || this.deletes.length) {
        await this.gather();
        if (this.deletes.length) await this.sendDeletes(this.deletes.splice(0));
        if (this.upserts.length) await this.sendUpserts(this.takeUpserts());
      }
    } finally {
      this.busy = false;
    }
  }

  private takeUpserts(): PendingUpsert[] {
    const first = this.upserts[0];
    if (this.options.unbatched || first.alone) return this.upserts.splice(0, 1);

    const taken: PendingUpsert[] = [];
    let objectCount = 0;
    while (this.upserts.length && !this.upserts[0].alone) {
      const size = countObjects(this.upserts[0].object);
      if (taken.length && objectCount + size > UPSERT_REQUEST_LIMIT) break;
      objectCount += size;
      taken.push(this.upserts.shift()!);
    }
    return taken;
  }

  private async sendUpserts(requests: PendingUpsert[]): Promise<void> {
    const creates = requests.filter((r) => r.object.id?.startsWith("#"));
    if (creates.length && this.options.beforeCreates) {
      let refused: Map<string, Error>;
      try {
        refused = await this.options.beforeCreates(creates);
      } catch (error) {
        for (const request of requests) request.reject(asError(error));
        return;
      }
      for (const request of creates) {
        const reason = refused.get(request.identity);
        if (reason) request.reject(reason);
      }
      requests = requests.filter((r) => !refused.has(r.identity));
      if (!requests.length) return;
    }

    const key = idempotencyKeyFor(requests.map((r) => `${r.identity}#${r.fingerprint}`));
    let answer;
    try {
      answer = await this.api().batchUpsert(
        key,
        requests.map((r) => ({ objects: [r.object] })),
      );
    } catch (error) {
      this.retryAloneOrReject(requests, asError(error));
      return;
    }

    const mapped = new Map(answer.idMappings.map((m) => [m.clientObjectId, m.objectId]));
    const written = new Map(answer.objects.map((o) => [o.id, o]));
    const failed: PendingUpsert[] = [];
    for (const request of requests) {
      const id = mapped.get(request.object.id) ?? request.object.id;
      const object = written.get(id);
      if (object) request.resolve(object);
      else failed.push(request);
    }
    if (failed.length) {
      const error = new SquareApiError(
        `BatchUpsertCatalogObjects rejected the object: ${describeErrors(answer.errors)}`,
        "BatchUpsertCatalogObjects",
        400,
        answer.errors.map((e) => String(e.code)),
      );
      this.retryAloneOrReject(failed, error, requests.length);
    }
  }

  /**
   * A shared call that failed says little about which object was at fault. Each of its writes
   * is sent again alone, so only the object Square refuses fails, with Square's own reason.
   */
  private retryAloneOrReject(requests: PendingUpsert[], error: Error, sharedWith = requests.length) {
    if (sharedWith === 1 || requests.every((r) => r.alone) || isFatal(error)) {
      for (const request of requests) request.reject(error);
      return;
    }
    this.upserts.unshift(...requests.map((r) => ({ ...r, alone: true })));
  }

  private async sendDeletes(pending: PendingDelete[]): Promise<void> {
    const ids = [...new Set(pending.flatMap((p) => p.ids))];
    try {
      const deleted = await this.api().batchDelete(ids);
      for (const request of pending) request.resolve(deleted);
    } catch (error) {
      for (const request of pending) request.reject(asError(error));
    }
  }
}

function countObjects(object: Square.CatalogObject): number {
  return 1 + (object.type === "ITEM" ? (object.itemData?.variations?.length ?? 0) : 0);
}

function describeErrors(errors: Square.Error_[]): string {
  return errors.map((e) => `${e.code}${e.field ? ` (${e.field})` : ""}: ${e.detail ?? ""}`).join("; ");
}

/** Errors about the account, not the object: sending each object again would fail the same way. */
function isFatal(error: Error): boolean {
  return error instanceof SquareApiError && (error.statusCode === 401 || error.statusCode === 403);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
