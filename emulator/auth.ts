import { timingSafeEqual } from "node:crypto";
import { IncomingMessage } from "node:http";

import { unauthorized } from "./errors";

/**
 * Square authenticates every call with `Authorization: Bearer <access token>` and answers 401
 * UNAUTHORIZED (category AUTHENTICATION_ERROR) otherwise. The token is compared in constant time
 * and never echoed.
 */
export function requireBearerToken(request: IncomingMessage, token: string): void {
  const header = request.headers.authorization;
  if (!header) {
    throw unauthorized(
      "The `Authorization` http header of your request was missing. Send `Bearer <access token>`.",
    );
  }
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) {
    throw unauthorized(
      "The `Authorization` http header of your request was malformed. Send `Bearer <access token>`.",
    );
  }
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized("This request could not be authorized.");
  }
}
