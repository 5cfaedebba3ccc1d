/**
 * What a Square catalog object ID looks like. Square documents IDs only as strings, but every
 * ID it assigns is upper-case letters and digits, 24 characters long in practice (e.g.
 * `3Q3X4LNHUZMAO6T2Y2ZIF7W2`). The check accepts 8 to 64 such characters so that an ID from an
 * older or future format still passes, while the usual mistakes do not: a name pasted as the
 * value, a `#temporary` ID, lower case, or stray spaces.
 */
export const SQUARE_ID_PATTERN = /^[A-Z0-9]{8,64}$/;

export function isSquareId(value: string): boolean {
  return SQUARE_ID_PATTERN.test(value);
}

export const SQUARE_ID_RULE =
  "a Square ID is 8 to 64 upper-case letters and digits, usually 24 (e.g. 3Q3X4LNHUZMAO6T2Y2ZIF7W2)";
