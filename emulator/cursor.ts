import { badRequest } from "./errors";

/**
 * Pagination cursors carry the creation sequence number of the last object returned. Objects
 * are always walked in creation order, so a write between two page requests cannot shift the
 * window: nothing already seen repeats and nothing not yet seen is skipped (objects created
 * meanwhile appear on a later page).
 */
export function encodeCursor(lastSeq: number): string {
  return Buffer.from(JSON.stringify({ after: lastSeq }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: unknown, field = "cursor"): number {
  if (cursor === undefined || cursor === null || cursor === "") return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(String(cursor), "base64url").toString("utf8"));
    const after = (parsed as { after?: unknown }).after;
    if (typeof after === "number" && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // fall through to the error below
  }
  throw badRequest("INVALID_CURSOR", "The pagination cursor is not one this API returned.", field);
}
