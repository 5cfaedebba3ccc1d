import { answer, Endpoint } from "./endpoint";

/**
 * GET /v2/catalog/info: the limits Square states for its batch endpoints, which the emulator
 * enforces (the update-item-taxes/modifier-lists endpoints are not emulated; their limits are
 * reported as Square states them).
 */
export const CATALOG_LIMITS = {
  batch_upsert_max_objects_per_batch: 1000,
  batch_upsert_max_total_objects: 10000,
  batch_retrieve_max_object_ids: 1000,
  search_max_page_limit: 1000,
  batch_delete_max_object_ids: 200,
  update_item_taxes_max_item_ids: 1000,
  update_item_taxes_max_taxes_to_enable: 1000,
  update_item_taxes_max_taxes_to_disable: 1000,
  update_item_modifier_lists_max_item_ids: 1000,
  update_item_modifier_lists_max_modifier_lists_to_enable: 1000,
  update_item_modifier_lists_max_modifier_lists_to_disable: 1000,
} as const;

export const catalogInfo: Endpoint = {
  method: "GET",
  path: "/v2/catalog/info",
  operationId: "CatalogInfo",
  async handle() {
    return answer(200, { limits: CATALOG_LIMITS });
  },
};
