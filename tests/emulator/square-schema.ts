import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Checks answers against Square's own OpenAPI description (components.schemas of api.json).
 *
 * Square's schemas never set `additionalProperties: false`, so ajv alone would accept any extra
 * key. `unknownKeys` closes that gap: every key of an answer must be a property its schema
 * declares, recursively, so the emulator cannot drift into inventing fields.
 */
const API_JSON =
  process.env.SQUARE_OPENAPI_JSON ?? resolve(__dirname, "../../../shared/square-api/api.json");

type Schema = Record<string, unknown>;

interface LoadedSchemas {
  ajv: Ajv;
  schemas: Record<string, Schema>;
}

let loaded: LoadedSchemas | undefined;

function load(): LoadedSchemas {
  if (loaded) return loaded;
  if (!existsSync(API_JSON)) {
    throw new Error(
      `Square's OpenAPI description is missing at ${API_JSON}; set SQUARE_OPENAPI_JSON to its path.`,
    );
  }
  const api = JSON.parse(readFileSync(API_JSON, "utf8")) as {
    components: { schemas: Record<string, Schema> };
  };
  const schemas = api.components.schemas;

  // Square sends VERSION_MISMATCH for a stale object version (its documented message "Object
  // version does not match latest database version."), but the ErrorCode enum of api.json does
  // not list it. Accept exactly that one addition.
  const errorCode = structuredClone(schemas.ErrorCode) as Schema & { enum: string[] };
  errorCode.enum = [...errorCode.enum, "VERSION_MISMATCH"];

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const forAjv = forJsonSchema({ ...schemas, ErrorCode: errorCode }, new Set(Object.keys(schemas)));
  ajv.addSchema({ $id: "square", components: { schemas: forAjv } });
  loaded = { ajv, schemas };
  return loaded;
}

/**
 * Two adjustments so ajv can compile Square's OpenAPI 3.0 text:
 * - `nullable: true` beside `$ref` (e.g. Money.currency) has no JSON Schema meaning and ajv
 *   refuses it without a `type`; such a node becomes "the reference, or null".
 * - api.json refers to a few schemas it does not define (CatalogModifierToggleOverrideType, some
 *   external v1 schemas); those references accept any value, as nothing can be checked there.
 */
function forJsonSchema(
  schemas: Record<string, Schema>,
  defined: Set<string>,
): Record<string, Schema> {
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (node === null || typeof node !== "object") return node;
    const ref = (node as Schema).$ref;
    if (
      typeof ref === "string" &&
      !(ref.startsWith("#/components/schemas/") && defined.has(ref.split("/").pop() as string))
    ) {
      return {};
    }
    const copy: Schema = {};
    for (const [key, value] of Object.entries(node as Schema)) copy[key] = convert(value);
    return nullableAsAnyOf(copy);
  };
  return convert(schemas) as Record<string, Schema>;
}

function nullableAsAnyOf(copy: Schema): Schema {
  if (copy.nullable === true && copy.type === undefined) {
    delete copy.nullable;
    return { anyOf: [copy, { type: "null" }] };
  }
  return copy;
}

const validators = new Map<string, ValidateFunction>();

/** Problems of `body` as a `schemaName` (e.g. "ListCatalogResponse"); empty when it conforms. */
export function schemaProblems(schemaName: string, body: unknown): string[] {
  const { ajv, schemas } = load();
  if (!schemas[schemaName]) throw new Error(`api.json has no schema ${schemaName}`);
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = ajv.compile({ $ref: `square#/components/schemas/${schemaName}` });
    validators.set(schemaName, validate);
  }
  const problems = validate(body)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${schemaName}${e.instancePath}: ${e.message ?? e.keyword}`,
      );
  return [...problems, ...unknownKeys(schemas, schemas[schemaName], body, schemaName)];
}

/** Keys present in `value` that its schema does not declare, as paths. */
export function unknownKeys(
  schemas: Record<string, Schema>,
  schema: Schema | undefined,
  value: unknown,
  path: string,
): string[] {
  const resolved = deref(schemas, schema);
  if (!resolved || value === null || typeof value !== "object") return [];

  if (Array.isArray(value)) {
    const items = resolved.items as Schema | undefined;
    return value.flatMap((v, i) => unknownKeys(schemas, items, v, `${path}[${i}]`));
  }

  const properties = resolved.properties as Record<string, Schema> | undefined;
  const additional = resolved.additionalProperties;
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const declared = properties?.[key];
    if (declared) {
      problems.push(...unknownKeys(schemas, declared, child, `${path}.${key}`));
    } else if (additional && typeof additional === "object") {
      problems.push(...unknownKeys(schemas, additional as Schema, child, `${path}.${key}`));
    } else if (!additional) {
      problems.push(`${path}.${key} is not a property of the schema`);
    }
  }
  return problems;
}

function deref(schemas: Record<string, Schema>, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let guard = 0; current && typeof current.$ref === "string" && guard < 10; guard++) {
    current = schemas[(current.$ref as string).split("/").pop() as string];
  }
  return current;
}
