import { SellerAccount } from "../account";
import { CatalogOperationId } from "../counters";

/** What a Catalog endpoint receives: the account, the parsed body, query string and path params. */
export interface EndpointRequest {
  account: SellerAccount;
  body: unknown;
  query: URLSearchParams;
  params: Record<string, string>;
}

export interface EndpointAnswer {
  status: number;
  /** Serialized JSON; idempotent replays return the remembered text byte for byte. */
  body: string;
  /** True when this call changed the catalog; only such calls can have their answer dropped. */
  committed: boolean;
}

export interface Endpoint {
  method: "GET" | "POST" | "DELETE";
  /** A path such as `/v2/catalog/object/:object_id`. */
  path: string;
  operationId: CatalogOperationId;
  handle(request: EndpointRequest): Promise<EndpointAnswer>;
}

/** Square leaves empty lists and absent values out of its answers; so does the emulator. */
export function answer(
  status: number,
  body: Record<string, unknown>,
  committed = false,
): EndpointAnswer {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    compact[key] = value;
  }
  return { status, body: JSON.stringify(compact), committed };
}
