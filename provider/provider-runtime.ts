import type { Square } from "square";

import { CatalogSnapshot } from "./catalog-snapshot";
import { CatalogWriter } from "./catalog-writer";
import { SquareCatalogApi } from "./square-api";
import type { ProviderSettings } from "./settings";

/**
 * What one provider process shares between all resources of a run: the settings, one SDK
 * client, one catalog snapshot and one write lane. It lives on `globalThis` rather than in the
 * provider object because Pulumi deserializes a provider once per distinct serialized text;
 * this way the category and item providers, or two texts of one provider, still share it.
 * Nothing here is serialized, so the client and the token never reach the state.
 */
export interface ProviderRuntime {
  settings: ProviderSettings;
  writer: CatalogWriter;
  /** The run's shared snapshot, read on first use. */
  snapshot(): Promise<CatalogSnapshot>;
  /** Tells the run's snapshot about an object this run wrote (or deleted, with `undefined`). */
  record(id: string, written?: Square.CatalogObject): Promise<void>;
  /**
   * Existing objects by ID; deleted ones included, so "deleted" and "unknown" differ. Rejects
   * when Square could not be asked: "no answer" never means "no such object".
   */
  retrieve(id: string): Promise<Square.CatalogObject | undefined>;
}

// A string, not a Symbol: Pulumi's closure serializer cannot carry a registered Symbol.
const RUNTIME_KEY = "__squareCatalogProviderRuntime";
/** Lookups by ID that arrive within this window (a refresh's parallel reads) share one call. */
const GATHER_MS = 15;
/** See WriterOptions: how the write lane collects the engine's parallel steps into one call. */
const WRITE_QUIET_MS = 500;
const WRITE_MAX_WAIT_MS = 5000;
/** A create re-reads Square's recent changes when the snapshot is older than this. */
const CATCH_UP_AFTER_MS = 5000;

type Registry = { [RUNTIME_KEY]?: ProviderRuntime };

export function currentRuntime(): ProviderRuntime {
  const runtime = (globalThis as Registry)[RUNTIME_KEY];
  if (!runtime) {
    throw new Error("The Square catalog provider was used before it was configured.");
  }
  return runtime;
}

export function installRuntime(
  settings: ProviderSettings,
  refuseCreate: (snapshot: CatalogSnapshot, object: Square.CatalogObject) => Error | undefined,
): ProviderRuntime {
  const registry = globalThis as Registry;
  const existing = registry[RUNTIME_KEY];
  if (existing) return existing;

  let api: SquareCatalogApi | undefined;
  const lazyApi = () => (api ??= new SquareCatalogApi(settings));
  let snapshot: Promise<CatalogSnapshot> | undefined;
  const loadSnapshot = () => {
    // Unbatched mode reads Square afresh for every question, as a one-call-per-resource tool would.
    if (settings.unbatched) return CatalogSnapshot.load(lazyApi());
    snapshot ??= CatalogSnapshot.load(lazyApi());
    snapshot.catch(() => (snapshot = undefined));
    return snapshot;
  };

  type Waiter = { resolve(object?: Square.CatalogObject): void; reject(error: unknown): void };
  const pendingRetrievals = new Map<string, Waiter[]>();
  let retrievalScheduled = false;
  const flushRetrievals = async () => {
    retrievalScheduled = false;
    const waiting = new Map(pendingRetrievals);
    pendingRetrievals.clear();
    try {
      const found = await lazyApi().retrieve([...waiting.keys()]);
      const byId = new Map(found.map((o) => [o.id, o]));
      for (const [id, waiters] of waiting) waiters.forEach((w) => w.resolve(byId.get(id)));
    } catch (error) {
      // A failed lookup is not an answer: taken as "not found", a refresh would drop from the
      // state an object that exists, and the next `up` would create it a second time.
      for (const waiters of waiting.values()) waiters.forEach((w) => w.reject(error));
    }
  };

  const writer = new CatalogWriter(
    lazyApi,
    {
      quietMs: WRITE_QUIET_MS,
      maxWaitMs: WRITE_MAX_WAIT_MS,
      unbatched: settings.unbatched,
      async beforeCreates(creates) {
        const shared = await loadSnapshot();
        if (shared.ageMs > CATCH_UP_AFTER_MS) await shared.catchUp(lazyApi());
        const refused = new Map<string, Error>();
        for (const create of creates) {
          const reason = refuseCreate(shared, create.object);
          if (reason) refused.set(create.identity, reason);
        }
        return refused;
      },
    },
  );

  const runtime: ProviderRuntime = {
    settings,
    writer,
    snapshot: loadSnapshot,
    // Unbatched mode keeps no snapshot: loading one only to record a write would cost calls.
    async record(id, written) {
      if (settings.unbatched || !snapshot) return;
      const shared = await snapshot;
      if (written) shared.remember(written);
      else shared.forget(id);
    },
    // Lookups by ID that arrive together (a refresh of many resources) share one batch call.
    retrieve: (id) =>
      new Promise((resolve, reject) => {
        const waiters = pendingRetrievals.get(id) ?? [];
        waiters.push({ resolve, reject });
        pendingRetrievals.set(id, waiters);
        if (!retrievalScheduled && !settings.unbatched) {
          retrievalScheduled = true;
          setTimeout(() => void flushRetrievals(), GATHER_MS);
        } else if (settings.unbatched) {
          void flushRetrievals();
        }
      }),
  };

  registry[RUNTIME_KEY] = runtime;
  return runtime;
}
