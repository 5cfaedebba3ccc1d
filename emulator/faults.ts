import { internalError, rateLimited, SquareApiError } from "./errors";

/** Failures a test can inject to rehearse what production does to a client. */
export interface FaultControls {
  /** The next `count` calls to `operationId` fail with this status before doing anything. */
  failNext(
    operationId: string,
    count: number,
    fault: { status: 429 | 500; retryAfterSeconds?: number },
  ): void;
  /** The next `count` calls apply their write, then lose the answer: the socket is destroyed. */
  dropAfterCommit(operationId: string, count: number): void;
  /** Added to every API call. */
  setLatencyMs(ms: number): void;
  /**
   * List and search see an object's newest state only this long after the write. It applies to
   * writes made after it is set (older revisions are not kept while the lag is 0).
   */
  setSearchLagMs(ms: number): void;
  clear(): void;
}

interface PlannedFailure {
  remaining: number;
  status: 429 | 500;
  retryAfterSeconds?: number;
}

/** The state behind `FaultControls`, consulted by the server on every call. */
export class FaultPlan implements FaultControls {
  private failures = new Map<string, PlannedFailure[]>();
  private drops = new Map<string, number>();
  latencyMs = 0;
  searchLagMs = 0;

  failNext(
    operationId: string,
    count: number,
    fault: { status: 429 | 500; retryAfterSeconds?: number },
  ): void {
    if (fault.status !== 429 && fault.status !== 500) {
      throw new Error(`failNext supports status 429 or 500, not ${String(fault.status)}`);
    }
    const queue = this.failures.get(operationId) ?? [];
    queue.push({
      remaining: count,
      status: fault.status,
      retryAfterSeconds: fault.retryAfterSeconds,
    });
    this.failures.set(operationId, queue);
  }

  dropAfterCommit(operationId: string, count: number): void {
    this.drops.set(operationId, (this.drops.get(operationId) ?? 0) + count);
  }

  setLatencyMs(ms: number): void {
    this.latencyMs = nonNegative(ms, "latency");
  }

  setSearchLagMs(ms: number): void {
    this.searchLagMs = nonNegative(ms, "search lag");
  }

  clear(): void {
    this.failures.clear();
    this.drops.clear();
    this.latencyMs = 0;
    this.searchLagMs = 0;
  }

  /** The injected error for this call, if one is planned; consumes it. */
  takeFailure(operationId: string): SquareApiError | undefined {
    const queue = this.failures.get(operationId);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    if (next.status === 429) {
      return rateLimited("Injected by the emulator: rate limited.", next.retryAfterSeconds);
    }
    return internalError("Injected by the emulator: internal server error.");
  }

  /** Whether this call's answer should be lost after its write; consumes one planned drop. */
  takeDrop(operationId: string): boolean {
    const remaining = this.drops.get(operationId) ?? 0;
    if (remaining <= 0) return false;
    this.drops.set(operationId, remaining - 1);
    return true;
  }
}

function nonNegative(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`The ${what} must be >= 0 ms, got ${ms}`);
  return ms;
}
