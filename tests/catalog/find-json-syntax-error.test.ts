import { findJsonSyntaxError } from "../../catalog/find-json-syntax-error";

describe("findJsonSyntaxError", () => {
  it.each([
    "{}",
    "[]",
    '{"a": [1, -2.5, 3e10, 0, 0.5E-3, true, false, null, "x\\n\\u00e9\\"", {}]}',
    '  \n\t"text"  \n',
  ])("finds nothing wrong in valid JSON %p, as JSON.parse agrees", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": 01}', 7, "cannot start with 0"],
    ['{"a": 1.}', 7, 'digits after "."'],
    ['{"a": "line\nbreak"}', 11, "line break"],
    ['{"a": "\\x"}', 7, "unknown escape"],
    ['{"a": "never closed}', 6, "never closed"],
    ['{"a": 1} x', 9, "after the end of the JSON"],
    ["[1, 2,]", 6, "no comma after the last entry"],
    ["{a: 1}", 1, "property name in double quotes"],
    ['{"a" 1}', 5, '":" after the property name'],
  ])("finds the error in %p at offset %p", (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);

    const problem = findJsonSyntaxError(text);

    expect(problem?.offset).toBe(offset);
    expect(problem?.reason).toContain(reason);
  });

  it("counts lines and columns from 1", () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n  "b" 2\n}')).toMatchObject({ line: 3, column: 7 });
  });
});
