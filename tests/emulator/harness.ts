import { SquareClient } from "square";

import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";
import { schemaProblems } from "./square-schema";

/**
 * Starts an emulator for a test file and gives it two ways in: the real `square` SDK (with
 * retries off, since the SDK retries 429/5xx by itself) and raw HTTP for what the SDK hides.
 * Every Catalog answer that passes through either is checked against Square's response schema;
 * `schemaViolations` collects what did not conform, and tests assert it stays empty.
 */
export const TEST_TOKEN = "emulator-test-token";

export interface RawAnswer {
  status: number;
  // Answers are checked against Square's schemas; tests read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface TestEmulator {
  emulator: RunningEmulator;
  client: SquareClient;
  url: string;
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<RawAnswer>;
  schemaViolations: string[];
  /** How many Catalog answers were checked against the schemas (SDK and raw calls alike). */
  checkedAnswers(): number;
  stop(): Promise<void>;
}

const RESPONSE_SCHEMAS: [string, RegExp, string][] = [
  ["GET", /^\/v2\/catalog\/list$/, "ListCatalogResponse"],
  ["POST", /^\/v2\/catalog\/search$/, "SearchCatalogObjectsResponse"],
  ["POST", /^\/v2\/catalog\/search-catalog-items$/, "SearchCatalogItemsResponse"],
  ["POST", /^\/v2\/catalog\/object$/, "UpsertCatalogObjectResponse"],
  ["POST", /^\/v2\/catalog\/batch-upsert$/, "BatchUpsertCatalogObjectsResponse"],
  ["GET", /^\/v2\/catalog\/object\/[^/]+$/, "RetrieveCatalogObjectResponse"],
  ["POST", /^\/v2\/catalog\/batch-retrieve$/, "BatchRetrieveCatalogObjectsResponse"],
  ["DELETE", /^\/v2\/catalog\/object\/[^/]+$/, "DeleteCatalogObjectResponse"],
  ["POST", /^\/v2\/catalog\/batch-delete$/, "BatchDeleteCatalogObjectsResponse"],
  ["GET", /^\/v2\/catalog\/info$/, "CatalogInfoResponse"],
];

export function responseSchemaFor(method: string, pathname: string): string | undefined {
  return RESPONSE_SCHEMAS.find(([m, p]) => m === method.toUpperCase() && p.test(pathname))?.[2];
}

export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const emulator = await startEmulator({ token: TEST_TOKEN, writeProcessingMs: 5, ...options });
  const schemaViolations: string[] = [];
  let checked = 0;

  const checkingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (await checkAnswer(method, new URL(url).pathname, response.clone(), schemaViolations))
      checked++;
    return response;
  };

  const client = new SquareClient({
    token: TEST_TOKEN,
    baseUrl: emulator.url,
    maxRetries: 0,
    fetch: checkingFetch,
  });

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token: string | null = TEST_TOKEN,
  ) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const response = await checkingFetch(`${emulator.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  };

  return {
    emulator,
    client,
    url: emulator.url,
    call,
    schemaViolations,
    checkedAnswers: () => checked,
    stop: () => emulator.stop(),
  };
}

async function checkAnswer(
  method: string,
  pathname: string,
  response: Response,
  violations: string[],
): Promise<boolean> {
  const schema = responseSchemaFor(method, pathname);
  if (!schema) return false;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    violations.push(
      `${method} ${pathname} answered ${response.status} with a body that is not JSON`,
    );
    return true;
  }
  for (const problem of schemaProblems(schema, body))
    violations.push(`${method} ${pathname}: ${problem}`);
  if (response.status >= 400) {
    const errors = (body as { errors?: unknown[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) {
      violations.push(`${method} ${pathname} answered ${response.status} without an errors list`);
    }
  }
  return true;
}
