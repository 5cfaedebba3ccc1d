import type { Square, SquareClient, SquareError } from "square";

import { SquareApiError } from "./square-api-error";
import type { ProviderSettings } from "./settings";

/** Square's documented limits (GET /v2/catalog/info): search page, retrieve, request, delete. */
export const SEARCH_PAGE_LIMIT = 1000;
export const RETRIEVE_LIMIT = 1000;
export const UPSERT_REQUEST_LIMIT = 10000;
export const DELETE_LIMIT = 200;

/**
 * The SDK is about 3,500 modules and takes the provider process half a second or more to load.
 * It is loaded with the first client, so a command that asks Square nothing (a preview or an up
 * with nothing new, whose checks and diffs need only the state) never pays for it.
 */
function squareSdk(): typeof import("square") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("square");
}

const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

/** The raw (snake_case) body of a batch-upsert answer that failed only in part. */
interface PartialWrite {
  id_mappings?: { client_object_id: string; object_id: string }[];
  objects?: { id: string }[];
}

export interface UpsertResult {
  objects: Square.CatalogObject[];
  idMappings: Square.CatalogIdMapping[];
  /** Per-batch failures; Square applies the other batches of the same request. */
  errors: Square.Error_[];
}

/**
 * The few Square Catalog calls the provider makes, through the official SDK. Every call is
 * retried on 429 (honouring Retry-After), 5xx and dropped connections. Writes are safe to retry
 * because they carry an idempotency key: a retried upsert whose first attempt reached Square
 * returns the first result instead of writing twice.
 */
export class SquareCatalogApi {
  private readonly client: SquareClient;
  private nextSlotAt = 0;

  constructor(private readonly settings: ProviderSettings) {
    const token = settings.accessToken;
    if (!token) {
      throw new SquareApiError(
        "No Square access token is set for this stack. Set it with " +
          "`pulumi config set --secret square-catalog:accessToken <token>` " +
          "or export SQUARE_ACCESS_TOKEN before running pulumi.",
        "configure",
      );
    }
    // The SDK's own retries are off: ours log, honour Retry-After and keep one idempotency key.
    this.client = new (squareSdk().SquareClient)({
      token,
      baseUrl: settings.target.baseUrl,
      maxRetries: 0,
      timeoutInSeconds: 60,
    });
  }

  /** Every live object of the given types, in pages of 1000 (Square's search maximum). */
  async searchAll(
    objectTypes: Square.CatalogObjectType[],
    beginTime?: string,
    includeDeletedObjects = false,
  ) {
    const objects: Square.CatalogObject[] = [];
    let cursor: string | undefined;
    let latestTime: string | undefined;
    do {
      const page = await this.call("SearchCatalogObjects", () =>
        this.client.catalog.search({
          objectTypes,
          limit: SEARCH_PAGE_LIMIT,
          cursor,
          beginTime,
          includeDeletedObjects,
        }),
      );
      objects.push(...(page.objects ?? []));
      latestTime = page.latestTime ?? latestTime;
      cursor = page.cursor || undefined;
    } while (cursor);
    return { objects, latestTime };
  }

  /** Objects by ID, deleted ones included, so a caller can tell "deleted" from "never existed". */
  async retrieve(objectIds: string[]): Promise<Square.CatalogObject[]> {
    const found: Square.CatalogObject[] = [];
    for (let start = 0; start < objectIds.length; start += RETRIEVE_LIMIT) {
      const chunk = objectIds.slice(start, start + RETRIEVE_LIMIT);
      const answer = await this.call("BatchRetrieveCatalogObjects", () =>
        this.client.catalog.batchGet({ objectIds: chunk, includeDeletedObjects: true }),
      );
      found.push(...(answer.objects ?? []));
    }
    return found;
  }

  /**
   * Square applies each batch of a request on its own: when one batch is refused the answer is a
   * 400 that still lists what the other batches wrote. Those objects are read back by ID and
   * returned with the errors, so the caller never writes them a second time.
   */
  async batchUpsert(idempotencyKey: string, batches: Square.CatalogObjectBatch[]) {
    try {
      const answer = await this.call(
        "BatchUpsertCatalogObjects",
        () => this.client.catalog.batchUpsert({ idempotencyKey, batches }),
        { acceptPartial: true },
      );
      const result: UpsertResult = {
        objects: answer.objects ?? [],
        idMappings: answer.idMappings ?? [],
        errors: answer.errors ?? [],
      };
      return result;
    } catch (error) {
      const partial = error instanceof SquareApiError ? error.partialWrite : undefined;
      if (!partial || !(partial.id_mappings?.length || partial.objects?.length)) throw error;
      const idMappings = (partial.id_mappings ?? []).map((m) => ({
        clientObjectId: m.client_object_id,
        objectId: m.object_id,
      }));
      const writtenIds = (partial.objects ?? []).map((o) => o.id);
      const objects = await this.retrieve(writtenIds);
      const result: UpsertResult = { objects, idMappings, errors: [] };
      return result;
    }
  }

  /** Deletes by ID. Square answers with the IDs it actually deleted, variations included. */
  async batchDelete(objectIds: string[]): Promise<string[]> {
    const deleted: string[] = [];
    for (let start = 0; start < objectIds.length; start += DELETE_LIMIT) {
      const chunk = objectIds.slice(start, start + DELETE_LIMIT);
      const answer = await this.call("BatchDeleteCatalogObjects", () =>
        this.client.catalog.batchDelete({ objectIds: chunk }),
      );
      deleted.push(...(answer.deletedObjectIds ?? []));
    }
    return deleted;
  }

  private async call<T extends { errors?: Square.Error_[] }>(
    operation: string,
    send: () => Promise<T>,
    options: { acceptPartial?: boolean } = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForRateSlot();
      try {
        const answer = await send();
        if (!options.acceptPartial && answer.errors?.length) {
          throw this.describe(operation, 200, answer.errors);
        }
        return answer;
      } catch (error) {
        if (error instanceof SquareApiError) throw error;
        const retryIn = this.retryDelay(error, attempt);
        if (retryIn === undefined) throw this.translate(operation, error);
        await sleep(retryIn);
      }
    }
  }

  /** A client-side ceiling on the request rate, so a large `up` stays under Square's limits. */
  private async waitForRateSlot(): Promise<void> {
    const interval = 1000 / this.settings.maxRequestsPerSecond;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = slot + interval;
    if (slot > now) await sleep(slot - now);
  }

  private retryDelay(error: unknown, attempt: number): number | undefined {
    if (attempt >= MAX_ATTEMPTS) return undefined;
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    if (error instanceof squareSdk().SquareError) {
      const status = error.statusCode ?? 0;
      if (status === 429) {
        const retryAfter = Number(error.rawResponse?.headers?.get?.("retry-after"));
        return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : jittered;
      }
      // Status 0/undefined: the SDK saw no HTTP answer (connection dropped, timeout).
      if (status >= 500 || status === 408 || status === 0) return jittered;
      return undefined;
    }
    return isNetworkError(error) ? jittered : undefined;
  }

  private translate(operation: string, error: unknown): SquareApiError {
    const where = `${this.settings.target.kind} Square API at ${this.settings.target.baseUrl}`;
    if (error instanceof squareSdk().SquareError && error.statusCode) {
      const described = this.describe(operation, error.statusCode, error.errors);
      described.partialWrite = error.body as PartialWrite | undefined;
      return described;
    }
    const reason = error instanceof Error ? networkReason(error) : String(error);
    return new SquareApiError(
      `${operation} could not reach the ${where} after ${MAX_ATTEMPTS} attempts (${reason}). ` +
        (this.settings.target.kind === "local"
          ? "Is the emulator running? Start it with `npm run emulator`, or fix square-catalog:baseUrl."
          : "Check your network connection and https://issquareup.com, then run again."),
      operation,
    );
  }

  private describe(operation: string, status: number, errors: Square.Error_[] | SquareError.BodyError[]) {
    const codes = errors.map((e) => String(e.code));
    const details = errors
      .map((e) => `${e.code}${e.field ? ` (${e.field})` : ""}: ${e.detail ?? ""}`.trim())
      .join("; ");
    let advice = "";
    if (status === 401 || codes.includes("UNAUTHORIZED")) {
      advice =
        ` The ${this.settings.target.kind} Square API rejected the access token from ` +
        `${this.settings.tokenSource}. Set a valid one with ` +
        "`pulumi config set --secret square-catalog:accessToken <token>`.";
    } else if (codes.includes("VERSION_MISMATCH")) {
      advice =
        " The object was changed in Square since this stack last saw it. Run `pulumi refresh` " +
        "to see the change, then `pulumi up` again.";
    } else if (status === 429 || status >= 500) {
      advice =
        ` Square was still ${status === 429 ? "rate limiting" : "failing"} after ${MAX_ATTEMPTS} ` +
        "attempts; this is on Square's side, not in your settings. Run `pulumi up` again in a " +
        "minute: it checks Square first and writes nothing twice.";
    }
    return new SquareApiError(
      `${operation} failed with HTTP ${status}: ${(details || "no details").replace(/\.$/, "")}.${advice}`,
      operation,
      status,
      codes,
    );
  }
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${networkReason(error)}`;
  return /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|fetch failed|network|timeout|terminated|UND_ERR/i.test(
    text,
  );
}

function networkReason(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
