/**
 * The provider's view of the stack configuration, read once per provider process in
 * `configure`. The access token is read here and only here; it is never a resource input, so it
 * never reaches the state file or the serialized provider.
 */

/** Where the catalog lives: Square's two environments, or a local emulator. */
export type SquareTarget =
  | { kind: "sandbox" | "production"; baseUrl: string }
  | { kind: "local"; baseUrl: string };

export interface ProviderSettings {
  target: SquareTarget;
  /** Absent until a call needs it, so a preview of a misconfigured stack still explains itself. */
  accessToken?: string;
  /** Where the token came from, for error messages ("SQUARE_ACCESS_TOKEN", config key). */
  tokenSource: string;
  /** Adopt a single existing object of the same name instead of failing (square-catalog:adoptExisting). */
  adoptExistingByName: boolean;
  /** Client-side ceiling on requests per second (square-catalog:maxRequestsPerSecond). */
  maxRequestsPerSecond: number;
  /** Turn off snapshot sharing and write batching: one call per resource (benchmarks only). */
  unbatched: boolean;
}

export const SQUARE_BASE_URLS = {
  production: "https://connect.squareup.com",
  sandbox: "https://connect.squareupsandbox.com",
} as const;

/** The subset of Pulumi's config reader that `configure` receives. */
export interface ConfigReader {
  get(key: string): string | undefined;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

/**
 * Resolves the target and credentials. A production stack must name Square's production API:
 * a `baseUrl` on it, or a sandbox URL, is refused, because a production stack that quietly
 * writes somewhere else is how a team ends up believing a catalog is applied when it is not.
 */
export function resolveSettings(config: ConfigReader, env: NodeJS.ProcessEnv): ProviderSettings {
  const environment = (config.get("environment") ?? "").trim();
  const baseUrl = (config.get("baseUrl") ?? "").trim().replace(/\/+$/, "");
  const target = resolveTarget(environment, baseUrl);

  const fromConfig = config.get("accessToken");
  const fromEnv = env.SQUARE_ACCESS_TOKEN;
  // The stack's own secret wins: an engineer's shell may hold another environment's token.
  const accessToken = (fromConfig ?? fromEnv)?.trim() || undefined;
  const tokenSource =
    fromConfig !== undefined
      ? "the secret config square-catalog:accessToken"
      : "the SQUARE_ACCESS_TOKEN environment variable";
  refuseMalformedToken(accessToken, tokenSource);

  return {
    target,
    accessToken,
    tokenSource,
    adoptExistingByName: parseBoolean(config.get("adoptExisting"), "adoptExisting"),
    maxRequestsPerSecond: parsePositive(config.get("maxRequestsPerSecond"), 10, "maxRequestsPerSecond"),
    unbatched: parseBoolean(env.SQUARE_CATALOG_UNBATCHED, "SQUARE_CATALOG_UNBATCHED"),
  };
}

/**
 * Square's tokens are one line of printable ASCII. A pasted token with a line break or a
 * non-ASCII character inside would make Node's fetch fail with a message that quotes the whole
 * header, token included, so it is refused here, by position, without being repeated.
 */
function refuseMalformedToken(token: string | undefined, source: string): void {
  if (!token) return;
  const position = [...token].findIndex((character) => !/^[\x21-\x7e]$/.test(character));
  if (position < 0) return;
  throw new SettingsError(
    `The Square access token from ${source} has a character Square tokens never contain ` +
      `(a space, line break or non-ASCII character) at position ${position + 1}. Copy it again ` +
      "from the Square Developer Dashboard and set it with " +
      "`pulumi config set --secret square-catalog:accessToken <token>`.",
  );
}

function resolveTarget(environment: string, baseUrl: string): SquareTarget {
  if (environment === "production") {
    if (baseUrl && baseUrl !== SQUARE_BASE_URLS.production) {
      throw new SettingsError(
        `This stack is configured as production (square-catalog:environment = production) but ` +
          `square-catalog:baseUrl points at ${describeUrl(baseUrl)}. A production stack only talks ` +
          `to Square's production API. Remove the base URL with ` +
          "`pulumi config rm square-catalog:baseUrl`, or use the local or sandbox stack.",
      );
    }
    return { kind: "production", baseUrl: SQUARE_BASE_URLS.production };
  }
  if (environment === "sandbox") {
    if (baseUrl && baseUrl !== SQUARE_BASE_URLS.sandbox) {
      return { kind: "local", baseUrl };
    }
    return { kind: "sandbox", baseUrl: SQUARE_BASE_URLS.sandbox };
  }
  if (environment === "local" || (environment === "" && baseUrl)) {
    if (!baseUrl) {
      throw new SettingsError(
        "square-catalog:environment is local but square-catalog:baseUrl is not set. Set it to the " +
          "emulator's URL, e.g. `pulumi config set square-catalog:baseUrl http://127.0.0.1:4010`.",
      );
    }
    return { kind: "local", baseUrl };
  }
  throw new SettingsError(
    `square-catalog:environment must be "sandbox", "production" or "local" (found ` +
      `"${environment || "nothing"}"). Set it with \`pulumi config set square-catalog:environment sandbox\`.`,
  );
}

function describeUrl(url: string): string {
  return url === SQUARE_BASE_URLS.sandbox ? "Square's sandbox" : url;
}

function parseBoolean(value: string | undefined, key: string): boolean {
  if (value === undefined || value === "") return false;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new SettingsError(`${key} must be true or false, found "${value}".`);
}

function parsePositive(value: string | undefined, fallback: number, key: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new SettingsError(`square-catalog:${key} must be a positive number, found "${value}".`);
  }
  return parsed;
}
