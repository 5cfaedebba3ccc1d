import { Endpoint } from "./endpoints/endpoint";
import { catalogInfo } from "./endpoints/catalog-info";
import { batchDeleteCatalogObjects, deleteCatalogObject } from "./endpoints/delete";
import { listCatalog } from "./endpoints/list-catalog";
import { batchRetrieveCatalogObjects, retrieveCatalogObject } from "./endpoints/retrieve";
import { searchCatalogItems } from "./endpoints/search-catalog-items";
import { searchCatalogObjects } from "./endpoints/search-catalog-objects";
import { batchUpsertCatalogObjects, upsertCatalogObject } from "./endpoints/upsert";

/** The Catalog endpoints the emulator serves, matched by method and path. */
export const CATALOG_ENDPOINTS: readonly Endpoint[] = [
  listCatalog,
  searchCatalogObjects,
  searchCatalogItems,
  upsertCatalogObject,
  batchUpsertCatalogObjects,
  retrieveCatalogObject,
  batchRetrieveCatalogObjects,
  deleteCatalogObject,
  batchDeleteCatalogObjects,
  catalogInfo,
];

export type RouteMatch =
  | { kind: "found"; endpoint: Endpoint; params: Record<string, string> }
  | { kind: "wrong-method" }
  | { kind: "unknown" };

export function matchRoute(method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const endpoint of CATALOG_ENDPOINTS) {
    const params = matchPath(endpoint.path, pathname);
    if (!params) continue;
    if (endpoint.method === method) return { kind: "found", endpoint, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: "wrong-method" } : { kind: "unknown" };
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const have = pathname.replace(/\/+$/, "").split("/");
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      if (have[i] === "") return undefined;
      params[want[i].slice(1)] = decodeURIComponent(have[i]);
    } else if (want[i] !== have[i]) {
      return undefined;
    }
  }
  return params;
}
