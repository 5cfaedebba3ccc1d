import { AddressInfo } from "node:net";

import { SellerAccount } from "./account";
import { storedObjects } from "./endpoints/admin";
import type { CallArrival } from "./counters";
import { FaultControls } from "./faults";
import { createCatalogServer } from "./server";
import { CatalogObjectJson } from "./store";

export type { CatalogObjectJson } from "./store";
export type { FaultControls } from "./faults";
export type { CallArrival } from "./counters";
export { DataFileError } from "./persistence";

/**
 * A local stand-in for Square's Catalog API: a real HTTP server that a `SquareClient` can use as
 * its `baseUrl`, with Square's request and answer shapes and the rules a lenient fake would skip
 * (one write at a time, versions, idempotency, batch limits, search lag). One emulator is one
 * seller account.
 */
export interface EmulatorOptions {
  /** The only Bearer token accepted. */
  token: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Keeps the state in this JSON file (written atomically); loaded again on start. */
  dataFile?: string;
  /** How long each write holds the account's write lock; default 20 ms. */
  writeProcessingMs?: number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:43123; works as SquareClient `baseUrl`. */
  url: string;
  stop(): Promise<void>;
  /** Calls per endpoint, keyed by Square operationId, rejected calls included. */
  counters(): Record<string, number>;
  /** Every call since the last reset, with its arrival time, rejected calls included. */
  callLog(): CallArrival[];
  resetCounters(): void;
  faults: FaultControls;
  /** Stored top-level objects as Square returns them (snake_case, variations nested in items). */
  objects(opts?: { includeDeleted?: boolean }): CatalogObjectJson[];
  /** Empties the catalog and forgets faults, counters and idempotency keys. */
  reset(): void;
}

const DEFAULT_WRITE_PROCESSING_MS = 20;

/** Starts the emulator; rejects if the data file exists but cannot be loaded. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (!options.token) throw new Error("startEmulator needs a non-empty token to accept.");
  const writeMs = options.writeProcessingMs ?? DEFAULT_WRITE_PROCESSING_MS;
  if (!Number.isFinite(writeMs) || writeMs < 0)
    throw new Error(`writeProcessingMs must be >= 0, got ${writeMs}`);

  const account = new SellerAccount(options.dataFile, writeMs);
  const server = createCatalogServer(account, options.token);
  const host = options.host ?? "127.0.0.1";

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    counters: () => account.counters.snapshot(),
    callLog: () => account.counters.log(),
    resetCounters: () => account.counters.reset(),
    faults: account.faults,
    objects: (opts) => storedObjects(account, opts?.includeDeleted ?? false),
    reset: () => account.reset(),
  };
}
