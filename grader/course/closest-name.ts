// The name a typo most likely meant, for "did you mean …?" in usage errors: the nearest candidate within two edits,
// an edit being a letter added, dropped or changed, or two neighbours swapped ("taget" for "target"), and fewer
// edits than half the letters: "host" is not a typo of "port".

/** The optimal string alignment distance: edits as above, each letter edited at most once. */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: the distance between the first i letters of a and the first j of b.
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const changed = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + changed);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate nearest `typed` (in any case), if one is within two edits, fewer than half the letters of the longer, and
 * nearer than every other.
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const wanted = typed.toLowerCase();
  // Fewer edits than half the longer word's letters.
  const most = (name: string) => Math.min(2, Math.floor((Math.max(wanted.length, name.length) - 1) / 2));
  const ranked = candidates
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= most(name))
    .sort((x, y) => x.distance - y.distance);
  const [first, second] = ranked;
  return first && (!second || second.distance > first.distance) ? first.name : undefined;
}
