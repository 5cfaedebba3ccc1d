import { normalizeName } from "../../catalog/normalize-name";

describe("normalizeName", () => {
  it("gives the same key to names that differ only in case, spacing and Unicode form", () => {
    const sameAsWraps = ["Wraps", " wraps ", "WRAPS", "Ｗraps", "\u00a0Wraps\t"];
    for (const name of sameAsWraps) expect(normalizeName(name)).toBe("wraps");
  });

  it("treats a composed and a decomposed accent as the same letter", () => {
    const composed = "Caf\u00e9";
    const decomposed = "Cafe\u0301";
    expect(composed).not.toBe(decomposed);
    expect(normalizeName(composed)).toBe(normalizeName(decomposed));
  });

  it("collapses every run of whitespace, including no-break spaces, into one space", () => {
    expect(normalizeName("Hot \u00a0 Entr\u00e9es\n\nTray")).toBe("hot entr\u00e9es tray");
  });

  it("folds case beyond lower-casing, so Straße and STRASSE are the same name", () => {
    expect(normalizeName("Straße")).toBe(normalizeName("STRASSE"));
  });

  it("keeps names that really differ apart", () => {
    expect(normalizeName("Wrap")).not.toBe(normalizeName("Wraps"));
    expect(normalizeName("Cafe")).not.toBe(normalizeName("Café"));
  });

  it("is self-contained, so Pulumi can serialize it into the provider", () => {
    // A closure that refers to an import would drag that module into the provider snapshot.
    expect(normalizeName.toString()).not.toMatch(/require\(|_\d+\.|import/);
  });
});
