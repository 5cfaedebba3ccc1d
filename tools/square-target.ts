import { SquareClient } from "square";

import { SQUARE_BASE_URLS } from "../provider/settings";
import { UsageError } from "./command-context";

export interface TargetFlags {
  "base-url"?: string;
  environment?: string;
}

export interface SquareTarget {
  client: SquareClient;
  /** For the first line of a report: which account was read. */
  description: string;
}

/** The flags every tool takes to say which Square to talk to, for the help texts. */
export const TARGET_HELP = [
  "  --environment sandbox|production   Square's sandbox or production API",
  "  --base-url <url>                   another Square-compatible API (the local emulator)",
  "  The access token is read from SQUARE_ACCESS_TOKEN.",
].join("\n");

/**
 * An SDK client for the Square the flags name. There is no default target: a tool that quietly
 * read production when the user meant the sandbox (or the reverse) would report the wrong
 * catalog. The SDK retries 408, 429 and 5xx answers itself; the tools send writes one at a time,
 * because Square answers 429 to a catalog write that overlaps another.
 */
export function squareTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): SquareTarget {
  const environment = flags.environment?.trim();
  const baseUrl = flags["base-url"]?.trim().replace(/\/+$/, "");
  if (environment && baseUrl) {
    throw new UsageError("Give either --environment or --base-url, not both.");
  }
  let url: string;
  let description: string;
  if (baseUrl) {
    url = baseUrl;
    description = baseUrl;
  } else if (environment === "sandbox" || environment === "production") {
    url = SQUARE_BASE_URLS[environment];
    description = `Square ${environment} (${url})`;
  } else if (environment) {
    throw new UsageError(`--environment must be sandbox or production, found "${environment}".`);
  } else {
    throw new UsageError(
      "Say which Square to read: --environment sandbox, --environment production, or " +
        "--base-url http://127.0.0.1:4010 for the local emulator.",
    );
  }

  const token = env.SQUARE_ACCESS_TOKEN?.trim();
  if (!token) {
    throw new UsageError(
      `No access token: export SQUARE_ACCESS_TOKEN with the token of ${description}.`,
    );
  }
  const client = new SquareClient({ token, baseUrl: url, maxRetries: 4, timeoutInSeconds: 60 });
  return { client, description };
}
