import { schemaProblems } from "./square-schema";
import { startTestEmulator } from "./harness";

/** The response checker must itself catch what it is meant to catch, or the other tests prove nothing. */
describe("checking answers against Square's OpenAPI schemas", () => {
  const item = {
    type: "ITEM",
    id: "ABCDEFGHIJKLMNOPQRSTUVWX",
    version: 1604352990016,
    item_data: {
      name: "Wrap",
      variations: [{ type: "ITEM_VARIATION", id: "BCDEFGHIJKLMNOPQRSTUVWXY" }],
    },
  };

  test("a conforming answer has no problems", () => {
    expect(schemaProblems("ListCatalogResponse", { objects: [item], cursor: "abc" })).toEqual([]);
  });

  test("a key the schema does not declare is reported, however deep", () => {
    const nested = {
      ...item,
      item_data: { ...item.item_data, created_at: "2020-01-01T00:00:00Z" },
    };
    expect(schemaProblems("ListCatalogResponse", { objects: [nested] })).toEqual([
      "ListCatalogResponse.objects[0].item_data.created_at is not a property of the schema",
    ]);
  });

  test("a wrong type or an unknown enum value is reported", () => {
    expect(
      schemaProblems("ListCatalogResponse", { objects: [{ ...item, version: "1" }] }),
    ).not.toEqual([]);
    expect(
      schemaProblems("ListCatalogResponse", { objects: [{ ...item, type: "SANDWICH" }] }),
    ).not.toEqual([]);
    const error = {
      errors: [{ category: "INVALID_REQUEST_ERROR", code: "NO_SUCH_CODE", detail: "x" }],
    };
    expect(schemaProblems("ListCatalogResponse", error)).not.toEqual([]);
  });

  test("VERSION_MISMATCH, which Square sends but api.json's ErrorCode omits, is accepted", () => {
    const error = {
      errors: [{ category: "INVALID_REQUEST_ERROR", code: "VERSION_MISMATCH", detail: "x" }],
    };
    expect(schemaProblems("UpsertCatalogObjectResponse", error)).toEqual([]);
  });

  test("answers reached through the SDK are checked too", async () => {
    const t = await startTestEmulator();
    try {
      await t.client.catalog.info();
      expect(t.checkedAnswers()).toBe(1);
      expect(t.schemaViolations).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
