/** Where a text stops being JSON, and why, in words for the person editing the file. */
export interface JsonSyntaxProblem {
  /** Index into the text, in UTF-16 units like String.prototype.slice. */
  offset: number;
  /** 1-based, as editors number lines. */
  line: number;
  /** 1-based, counting UTF-16 units from the start of the line. */
  column: number;
  reason: string;
}

/**
 * Finds the first JSON syntax error in `text`, or returns undefined for valid JSON.
 *
 * JSON.parse cannot be relied on for the position: Node 20 gives "at position N" for some
 * errors and only "Unexpected token 'x', ... is not valid JSON" for others, and the wording
 * changes between Node versions. This scanner follows RFC 8259 and builds no values; call it
 * after JSON.parse has failed, to explain why.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let offset = 0;

  function fail(reason: string, at = offset): never {
    throw new JsonSyntaxStop(at, reason);
  }

  function skipWhitespace(): void {
    while (offset < text.length && " \t\n\r".includes(text[offset])) offset++;
    if (text.startsWith("//", offset) || text.startsWith("/*", offset)) {
      fail("JSON does not allow comments; remove it");
    }
  }

  function found(): string {
    if (offset >= text.length) return "the end of the file";
    const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
    return JSON.stringify(char);
  }

  function expect(what: string): never {
    if (offset >= text.length) fail(`the file ends where ${what} was expected (a missing } or ]?)`);
    return fail(`expected ${what}, found ${found()}`);
  }

  function value(): void {
    skipWhitespace();
    const char = text[offset];

    if (char === "{") return object();
    if (char === "[") return array();
    if (char === '"') return string();
    if (char === "'") fail("JSON strings use double quotes, not single quotes");
    if (char === "-" || (char >= "0" && char <= "9")) return number();
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, offset)) {
        offset += literal.length;
        return;
      }
    }
    expect("a value (text in double quotes, a number, true, false, null, { or [)");
  }

  function object(): void {
    offset++;
    skipWhitespace();
    if (text[offset] === "}") {
      offset++;
      return;
    }

    for (;;) {
      skipWhitespace();
      if (text[offset] === "}") fail("JSON allows no comma after the last property; remove it");
      if (text[offset] !== '"') expect("a property name in double quotes");
      string();
      skipWhitespace();
      if (text[offset] !== ":") expect('":" after the property name');
      offset++;
      value();
      skipWhitespace();
      if (text[offset] === "}") {
        offset++;
        return;
      }
      if (text[offset] !== ",") expect('"," or "}" after the property value');
      offset++;
    }
  }

  function array(): void {
    offset++;
    skipWhitespace();
    if (text[offset] === "]") {
      offset++;
      return;
    }

    for (;;) {
      skipWhitespace();
      if (text[offset] === "]") fail("JSON allows no comma after the last entry; remove it");
      value();
      skipWhitespace();
      if (text[offset] === "]") {
        offset++;
        return;
      }
      if (text[offset] !== ",") expect('"," or "]" after the list entry');
      offset++;
    }
  }

  function string(): void {
    const start = offset;
    offset++;

    while (offset < text.length) {
      const char = text[offset];
      if (char === '"') {
        offset++;
        return;
      }
      if (char < " ") fail("a line break or control character inside text; write \\n instead");
      if (char === "\\") {
        const escaped = text[offset + 1] ?? "";
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) {
            fail("\\u must be followed by four hexadecimal digits");
          }
          offset += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escaped) || escaped === "") {
          fail(`unknown escape \\${escaped} in text; write \\\\ for a backslash`);
        }
        offset += 2;
        continue;
      }
      offset++;
    }
    fail("this text is never closed with a double quote", start);
  }

  function number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(offset, offset + 400));
    if (match === null) expect("a digit");
    offset += match[0].length;

    const next = text[offset] ?? "";
    if (match[1] === "0" && /\d/.test(next)) {
      fail("numbers in JSON cannot start with 0 (write 5, not 05)");
    }
    if (/[.eE]/.test(next)) fail('a number needs digits after "." and after "e"');
  }

  try {
    value();
    skipWhitespace();
    if (offset < text.length) fail(`unexpected ${found()} after the end of the JSON`);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof JsonSyntaxStop)) throw stop;
    return { ...lineAndColumn(text, stop.offset), offset: stop.offset, reason: stop.reason };
  }
}

/** Unwinds the scanner from the first error; never leaves this file. */
class JsonSyntaxStop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
