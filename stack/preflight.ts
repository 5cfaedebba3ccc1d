import { SquareClient, SquareError } from "square";

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

  const client = new SquareClient({
    token: settings.accessToken,
    baseUrl: settings.target.baseUrl,
    maxRetries: 2,
    timeoutInSeconds: 15,
  });
  try {
    await client.catalog.info();
  } catch (error) {
    if (error instanceof SquareError && error.statusCode === 401) {
      throw new PreflightError(
        `${where} rejected the access token from ${settings.tokenSource} (401 UNAUTHORIZED). ` +
          `Check that it is this environment's token. ${setToken}`,
      );
    }
    if (error instanceof SquareError && (error.statusCode === 429 || (error.statusCode ?? 0) >= 500)) {
      throw new PreflightError(
        `${where} answered HTTP ${error.statusCode} to GET /v2/catalog/info ` +
          `${error.statusCode === 429 ? "(rate limited)" : "(server error)"} three times in a row. ` +
          "Square is busy or failing, which is not a problem with your settings; nothing was " +
          "written. Run `pulumi up` again in a minute.",
      );
    }
    if (error instanceof SquareError && error.statusCode) {
      throw new PreflightError(
        `${where} answered HTTP ${error.statusCode} to GET /v2/catalog/info: ` +
          `${error.errors.map((e) => `${e.code}: ${e.detail ?? ""}`).join("; ") || "no details"}. ` +
          "Check square-catalog:baseUrl and square-catalog:environment.",
      );
    }
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new PreflightError(
      `Cannot reach ${where} (${cause}). ` +
        (settings.target.kind === "local"
          ? "Start the emulator (`npm run emulator`) or fix square-catalog:baseUrl."
          : "Check the network connection, then run again."),
    );
  }
}

export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreflightError";
  }
}
