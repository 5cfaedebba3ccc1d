import { randomBytes } from "node:crypto";

/**
 * Square object IDs are 24 characters of RFC 4648 base32 (A-Z and 2-7), e.g.
 * `3Q3X4LNHUZMAO6T2Y2ZIF7W2`. Code that validates IDs by shape should work against the emulator
 * exactly as against Square, so the emulator makes IDs of the same shape.
 */
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const SQUARE_ID_LENGTH = 24;
export const SQUARE_ID_PATTERN = /^[A-Z2-7]{24}$/;

export function newSquareId(): string {
  const bytes = randomBytes(SQUARE_ID_LENGTH);
  let id = "";
  for (const byte of bytes) id += BASE32_ALPHABET[byte & 31];
  return id;
}

/** Client-chosen IDs starting with `#` name objects that do not exist yet. */
export function isTemporaryId(id: string): boolean {
  return id.startsWith("#");
}
