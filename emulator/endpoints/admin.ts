import { SellerAccount } from "../account";
import { CATALOG_OPERATION_IDS } from "../counters";
import { badRequest } from "../errors";
import { isRecord, JsonRecord } from "../json";
import { CatalogObjectJson } from "../store";

/**
 * The emulator's own control surface under `/_emulator/`, which Square does not have. It lets a
 * separately started emulator (CLI) be driven like the in-process one: counters, fault injection,
 * latency, search lag, reset and a dump of the stored objects. It needs the same Bearer token.
 */
export interface AdminAnswer {
  status: number;
  body: unknown;
}

type AdminHandler = (account: SellerAccount, body: unknown, query: URLSearchParams) => AdminAnswer;

const OK: AdminAnswer = { status: 200, body: {} };

export const ADMIN_ROUTES: Record<string, AdminHandler> = {
  "GET /_emulator/counters": (account) => ({ status: 200, body: account.counters.snapshot() }),
  "POST /_emulator/counters/reset": (account) => {
    account.counters.reset();
    return OK;
  },
  "POST /_emulator/faults": (account, body) => {
    planFault(account, adminBody(body));
    return OK;
  },
  "POST /_emulator/faults/clear": (account) => {
    account.faults.clear();
    return OK;
  },
  "POST /_emulator/latency": (account, body) => {
    account.faults.setLatencyMs(milliseconds(adminBody(body)));
    return OK;
  },
  "POST /_emulator/search-lag": (account, body) => {
    account.faults.setSearchLagMs(milliseconds(adminBody(body)));
    return OK;
  },
  "POST /_emulator/reset": (account) => {
    account.reset();
    return OK;
  },
  "GET /_emulator/objects": (account, _body, query) => ({
    status: 200,
    body: { objects: storedObjects(account, query.get("include_deleted") === "true") },
  }),
};

/**
 * Every stored top-level object as Square would return it (items with their variations nested).
 * With deleted objects included, a deleted variation whose item still lives is listed on its own,
 * since no item nests it any more.
 */
export function storedObjects(
  account: SellerAccount,
  includeDeleted: boolean,
): CatalogObjectJson[] {
  const store = account.store;
  const result: CatalogObjectJson[] = [];
  for (const record of store.allRecords()) {
    const revision = store.current(record.id);
    if (!revision || (revision.object.is_deleted && !includeDeleted)) continue;
    if (record.type === "ITEM_VARIATION") {
      const itemId = (revision.object.item_variation_data as JsonRecord | undefined)?.item_id;
      const nested =
        typeof itemId === "string" && store.current(itemId)?.variationIds?.includes(record.id);
      if (nested) continue;
    }
    result.push(store.render(record.id) as CatalogObjectJson);
  }
  return result;
}

function planFault(account: SellerAccount, body: JsonRecord): void {
  const operationId = body.operation_id;
  if (
    typeof operationId !== "string" ||
    !(CATALOG_OPERATION_IDS as readonly string[]).includes(operationId)
  ) {
    throw badRequest(
      "INVALID_VALUE",
      `operation_id must be one of ${CATALOG_OPERATION_IDS.join(", ")}.`,
      "operation_id",
    );
  }
  const count = body.count ?? 1;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw badRequest("INVALID_VALUE", "count must be a positive integer.", "count");
  }
  if (body.kind === "drop_after_commit") {
    account.faults.dropAfterCommit(operationId, count);
    return;
  }
  if (body.status !== 429 && body.status !== 500) {
    throw badRequest(
      "INVALID_VALUE",
      'status must be 429 or 500 (or kind "drop_after_commit").',
      "status",
    );
  }
  const retryAfter = body.retry_after_seconds;
  if (retryAfter !== undefined && (typeof retryAfter !== "number" || retryAfter < 0)) {
    throw badRequest(
      "INVALID_VALUE",
      "retry_after_seconds must be a number >= 0.",
      "retry_after_seconds",
    );
  }
  account.faults.failNext(operationId, count, {
    status: body.status,
    retryAfterSeconds: retryAfter,
  });
}

function adminBody(body: unknown): JsonRecord {
  if (!isRecord(body))
    throw badRequest("EXPECTED_OBJECT", "The request body must be a JSON object.");
  return body;
}

function milliseconds(body: JsonRecord): number {
  const ms = body.ms;
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw badRequest("INVALID_VALUE", "ms must be a number >= 0.", "ms");
  }
  return ms;
}
