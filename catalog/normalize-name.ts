/**
 * The key under which two names count as the same name.
 *
 * Square happily stores "Wraps", " wraps" and "Ｗraps" side by side, and a person reading the
 * menu cannot tell them apart, so the catalog treats them as one name. Two names are the same
 * when this function returns the same string for both.
 *
 * The provider compares declared names with names read from Square through this function, and
 * Pulumi serializes the provider as a closure. That is why it is a plain function that imports
 * nothing and keeps no state outside its own body.
 */
export function normalizeName(name: string): string {
  // NFKC first, so composed and decomposed accents ("Café" typed two ways) and compatibility
  // forms (fullwidth letters, ligatures, no-break spaces) become the same characters.
  const compatible = name.normalize("NFKC");

  // Upper- then lower-casing approximates full Unicode case folding: "Straße" and "STRASSE"
  // both end as "strasse", which lower-casing alone would keep apart. The locale-independent
  // methods behave the same on every machine, unlike a locale the user's system picks.
  const folded = compatible.toUpperCase().toLowerCase().normalize("NFKC");

  // \s covers the Unicode spaces too (no-break, thin, ideographic), not only ASCII ones.
  return folded.replace(/\s+/gu, " ").trim();
}
