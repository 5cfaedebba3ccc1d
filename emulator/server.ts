import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";

import { delay, SellerAccount } from "./account";
import { requireBearerToken } from "./auth";
import { ADMIN_ROUTES } from "./endpoints/admin";
import { errorBody, internalError, SquareApiError, invalidRequest } from "./errors";
import { readJsonBody, sendJson } from "./http-io";
import { matchRoute } from "./routes";

/**
 * The HTTP front of the emulator. Per call, in this order: route, authenticate, count (every
 * authenticated Catalog call, even those that then fail), wait the configured latency, apply an
 * injected failure, handle, and finally lose the answer if a drop-after-commit is planned.
 */
export function createCatalogServer(account: SellerAccount, token: string): Server {
  return createServer((request, response) => {
    serve(account, token, request, response).catch((error: unknown) => {
      const failure = error instanceof SquareApiError ? error : unexpected(error);
      if (!response.headersSent && !response.destroyed) {
        sendJson(
          response,
          failure.status,
          JSON.stringify(errorBody(failure.errors)),
          failure.headers,
        );
      }
    });
  });
}

async function serve(
  account: SellerAccount,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://emulator.local");
  const method = request.method ?? "GET";

  if (url.pathname.startsWith("/_emulator/")) {
    requireBearerToken(request, token);
    const admin = ADMIN_ROUTES[`${method} ${url.pathname.replace(/\/+$/, "")}`];
    if (!admin)
      throw new SquareApiError(404, [
        invalidRequest("NOT_FOUND", `No emulator route ${method} ${url.pathname}.`),
      ]);
    const result = admin(
      account,
      method === "POST" ? await readJsonBody(request) : undefined,
      url.searchParams,
    );
    sendJson(response, result.status, JSON.stringify(result.body));
    return;
  }

  const route = matchRoute(method, url.pathname);
  if (route.kind === "unknown") {
    throw new SquareApiError(404, [
      invalidRequest("NOT_FOUND", `No API endpoint at ${url.pathname}.`),
    ]);
  }
  if (route.kind === "wrong-method") {
    throw new SquareApiError(405, [
      invalidRequest("METHOD_NOT_ALLOWED", `${method} is not allowed on ${url.pathname}.`),
    ]);
  }

  requireBearerToken(request, token);
  const { endpoint, params } = route;
  account.counters.record(endpoint.operationId);
  const body = method === "GET" || method === "DELETE" ? undefined : await readJsonBody(request);
  await delay(account.faults.latencyMs);

  const injected = account.faults.takeFailure(endpoint.operationId);
  if (injected) throw injected;

  const answer = await endpoint.handle({ account, body, query: url.searchParams, params });
  if (answer.committed && account.faults.takeDrop(endpoint.operationId)) {
    request.socket.destroy();
    return;
  }
  sendJson(response, answer.status, answer.body);
}

function unexpected(error: unknown): SquareApiError {
  process.stderr.write(
    `Square Catalog emulator: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
  );
  return internalError(
    `The emulator failed unexpectedly: ${(error as Error)?.message ?? String(error)}`,
  );
}
