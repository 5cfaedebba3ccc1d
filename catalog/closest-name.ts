import { normalizeName } from "./normalize-name";

/**
 * The candidate that a misspelt name most likely meant, for "did you mean ...?" hints, or
 * undefined when none is close enough to be a helpful guess.
 *
 * Names are compared after normalizeName, so only real spelling differences count. A guess is
 * offered when at most about a third of the characters differ (at least 2 edits are always
 * allowed, so "Wrap" finds "Wraps" and "Salad" finds "Salads").
 */
export function closestName(wanted: string, candidates: readonly string[]): string | undefined {
  const target = normalizeName(wanted);
  let best: { name: string; distance: number } | undefined;

  for (const candidate of candidates) {
    const distance = editDistance(target, normalizeName(candidate));
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }

  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor([...target].length / 3));
  return best.distance <= allowed ? best.name : undefined;
}

/** Levenshtein distance over code points: insertions, deletions and substitutions. */
function editDistance(from: string, to: string): number {
  const a = [...from];
  const b = [...to];
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);

  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previousRow[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previousRow[j] + 1, row[j - 1] + 1, substitution));
    }
    previousRow = row;
  }

  return previousRow[b.length];
}
