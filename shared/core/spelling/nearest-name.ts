/**
 * The known name a misspelt one most likely meant (`smpt` → `smtp`, `dedicatedIp` → `dedicatedIps`), or undefined
 * when none is close: at most 2 edits, or a third of the name's length for long names.
 */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  const nearest = [...known].sort((a, b) => editDistance(word, a) - editDistance(word, b))[0];
  return nearest !== undefined && editDistance(word, nearest) <= Math.max(2, nearest.length / 3)
    ? nearest
    : undefined;
}

/** Levenshtein distance, case-insensitive (a swapped or missing letter counts 1 or 2). */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}
