import type { ProviderSettings } from "../provider/settings";

/**
 * One cheap call (GET /v2/catalog/info) before any resource is registered, so a missing or
 * rejected token, or an unreachable API, is one clear error instead of one per resource.
 */
export async function checkSquareAccess(settings: ProviderSettings): Promise<void> {
  const where = `the ${settings.target.kind} Square API at ${settings.target.baseUrl}`;
  const setToken =
    "Set it with `pulumi config set --secret square-catalog:accessToken <token>` " +
    "(or export SQUARE_ACCESS_TOKEN).";
  if (!settings.accessToken) {
    throw new PreflightError(`No Square access token is set for this stack. ${setToken}`);
  }

  const answer = await askCatalogInfo(settings.target.baseUrl, settings.accessToken).catch((error: unknown) => {
    // fetch says only "fetch failed"; the socket's reason (ECONNREFUSED, ENOTFOUND) is its cause.
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new PreflightError(
      `Cannot reach ${where} (${reason}). ` +
        (settings.target.kind === "local"
          ? "Start the emulator (`npm run emulator`) or fix square-catalog:baseUrl."
          : "Check the network connection, then run again."),
    );
  });
  if (answer.status === 200) return;
  if (answer.status === 401) {
    throw new PreflightError(
      `${where} rejected the access token from ${settings.tokenSource} (401 UNAUTHORIZED). ` +
        `Check that it is this environment's token. ${setToken}`,
    );
  }
  if (answer.status === 429 || answer.status >= 500) {
    throw new PreflightError(
      `${where} answered HTTP ${answer.status} to GET /v2/catalog/info ` +
        `${answer.status === 429 ? "(rate limited)" : "(server error)"} ${ATTEMPTS} times in a row. ` +
        "Square is busy or failing, which is not a problem with your settings; nothing was " +
        "written. Run `pulumi up` again in a minute.",
    );
  }
  throw new PreflightError(
    `${where} answered HTTP ${answer.status} to GET /v2/catalog/info: ` +
      `${answer.errors.map((e) => `${e.code}: ${e.detail ?? ""}`).join("; ") || "no details"}. ` +
      "Check square-catalog:baseUrl and square-catalog:environment.",
  );
}

const ATTEMPTS = 3;

/**
 * GET /v2/catalog/info with plain `fetch`, not the `square` SDK: the program would spend half a
 * second of every preview loading the SDK for this one call (the provider uses the SDK for all
 * of its work). Busy answers (429, 5xx) are asked again twice, as the SDK would.
 */
async function askCatalogInfo(
  baseUrl: string,
  token: string,
): Promise<{ status: number; errors: { code?: string; detail?: string }[] }> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/v2/catalog/info`, {
      headers: { Authorization: `Bearer ${token}`, "Square-Version": SQUARE_API_VERSION },
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as { errors?: { code?: string; detail?: string }[] };
    const busy = response.status === 429 || response.status >= 500;
    if (!busy || attempt === ATTEMPTS) return { status: response.status, errors: body.errors ?? [] };
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

/** The API version the pinned `square` SDK sends (its BaseClient's default). */
const SQUARE_API_VERSION = "2026-09-16";

export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreflightError";
  }
}
