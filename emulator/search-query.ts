import { badRequest } from "./errors";
import { isRecord, JsonRecord } from "./json";
import { dataFieldOf } from "./object-types";
import { CatalogObjectJson } from "./store";

/**
 * SearchCatalogObjects' `query`, as CatalogQuery documents it:
 * - exact_query: "Matching of the attribute value is case insensitive and can be partial" ("sma"
 *   finds "Small"). The emulator matches any case-insensitive substring, the loosest reading, so
 *   a client that treats exact_query as equality sees the extra matches it will see in production.
 * - prefix_query: case-insensitive prefix of the attribute value.
 * - text_query: 1 to 3 keywords, each a prefix of some word of the object's searchable text, in
 *   any order; keywords with fewer than 3 alphanumeric characters are ignored.
 * - set_query: the attribute equals one of the values (case-insensitive).
 * The other query kinds are refused with 400 rather than answered wrongly.
 */
export type ObjectPredicate = (object: CatalogObjectJson) => boolean;

const SUPPORTED = new Set(["exact_query", "prefix_query", "text_query", "set_query"]);
const SEARCHABLE_TEXT_ATTRIBUTES = ["name", "description", "abbreviation", "sku", "upc"];

export function compileQuery(query: unknown): ObjectPredicate {
  if (query === undefined || query === null) return () => true;
  if (!isRecord(query))
    throw badRequest("EXPECTED_OBJECT", "query must be a CatalogQuery object.", "query");

  const predicates: ObjectPredicate[] = [];
  for (const [kind, spec] of Object.entries(query)) {
    if (spec === undefined || spec === null) continue;
    if (!SUPPORTED.has(kind)) {
      throw badRequest(
        "BAD_REQUEST",
        `The emulator does not implement query.${kind}.`,
        `query.${kind}`,
      );
    }
    if (!isRecord(spec))
      throw badRequest("EXPECTED_OBJECT", "Expected an object.", `query.${kind}`);
    predicates.push(compileOne(kind, spec));
  }
  return (object) => predicates.every((p) => p(object));
}

function compileOne(kind: string, spec: JsonRecord): ObjectPredicate {
  if (kind === "text_query") return compileText(spec);

  const attribute = requireString(spec, "attribute_name", kind);
  if (kind === "exact_query") {
    const wanted = requireString(spec, "attribute_value", kind).toLowerCase();
    return (o) => attributeValue(o, attribute)?.includes(wanted) ?? false;
  }
  if (kind === "prefix_query") {
    const prefix = requireString(spec, "attribute_prefix", kind).toLowerCase();
    return (o) => attributeValue(o, attribute)?.startsWith(prefix) ?? false;
  }
  if (!Array.isArray(spec.attribute_values)) {
    throw badRequest(
      "EXPECTED_ARRAY",
      "Expected a list of values.",
      "query.set_query.attribute_values",
    );
  }
  const values = new Set(spec.attribute_values.map((v) => String(v).toLowerCase()));
  return (o) => {
    const value = attributeValue(o, attribute);
    return value !== undefined && values.has(value);
  };
}

function compileText(spec: JsonRecord): ObjectPredicate {
  const keywords = spec.keywords;
  if (!Array.isArray(keywords) || keywords.length === 0) {
    throw badRequest(
      "MISSING_REQUIRED_PARAMETER",
      "text_query needs keywords.",
      "query.text_query.keywords",
    );
  }
  if (keywords.length > 3) {
    throw badRequest(
      "ARRAY_LENGTH_TOO_LONG",
      "text_query takes at most 3 keywords.",
      "query.text_query.keywords",
    );
  }
  const effective = keywords
    .map((k) => String(k).toLowerCase())
    .filter((k) => k.replace(/[^\p{L}\p{N}]/gu, "").length >= 3);
  return (o) => {
    const words = searchableWords(o);
    return effective.every((keyword) => words.some((word) => word.startsWith(keyword)));
  };
}

function attributeValue(object: CatalogObjectJson, attribute: string): string | undefined {
  const data = object[dataFieldOf(object.type)];
  const value = isRecord(data) ? data[attribute] : undefined;
  return typeof value === "string" || typeof value === "number"
    ? String(value).toLowerCase()
    : undefined;
}

function searchableWords(object: CatalogObjectJson): string[] {
  const data = object[dataFieldOf(object.type)];
  if (!isRecord(data)) return [];
  return SEARCHABLE_TEXT_ATTRIBUTES.flatMap((attribute) => {
    const value = data[attribute];
    return typeof value === "string"
      ? value
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
      : [];
  });
}

function requireString(spec: JsonRecord, key: string, kind: string): string {
  const value = spec[key];
  if (typeof value !== "string") {
    throw badRequest(
      "MISSING_REQUIRED_PARAMETER",
      `query.${kind}.${key} must be a string.`,
      `query.${kind}.${key}`,
    );
  }
  return value;
}
