// Diagnosis of a wrong trajectory: which typical mistake it matches, and a one-line picture of how far it
// drifts from the expected one, step by step.
import { TOLERANCE } from './compare-trajectories.js';
import type { Point } from './fixtures.js';

const same = (a: number, b: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) ||
  a === b ||
  Math.abs(a - b) <= TOLERANCE.absolute + TOLERANCE.relative * Math.abs(b);

/** The mistake whose first steps the learner's trajectory reproduces, if exactly one mistake fits best. */
export function matchingMistake(
  trajectory: readonly Point[],
  mistakes: Record<string, readonly Point[]>,
): string | null {
  for (const [name, expected] of Object.entries(mistakes)) {
    if (expected.length < 2 || trajectory.length < expected.length) continue;
    // A mistake that is NaN from its first update on matches every NaN, whatever made it: no evidence of this one.
    if (expected.slice(1).every(([x, y]) => !Number.isFinite(x) && !Number.isFinite(y))) continue;
    if (expected.every(([x, y], i) => same(trajectory[i]![0], x) && same(trajectory[i]![1], y))) return name;
  }
  return null;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * Distance from the expected point at each step, on a log scale from the tolerance (▁) to 1 and beyond (█),
 * squeezed into at most `width` columns (each column shows the largest distance it covers); ✕ marks non-finite.
 */
export function driftSparkline(trajectory: readonly Point[], expected: readonly Point[], width = 40): string {
  const steps = Math.min(trajectory.length, expected.length);
  if (steps === 0) return '';
  const distance = (i: number): number =>
    Math.hypot(trajectory[i]![0] - expected[i]![0], trajectory[i]![1] - expected[i]![1]);
  const columns = Math.min(width, steps);
  const low = Math.log10(TOLERANCE.absolute);
  let line = '';
  for (let c = 0; c < columns; c++) {
    let worst = 0;
    for (let i = Math.floor((c * steps) / columns); i < Math.floor(((c + 1) * steps) / columns); i++) {
      const d = distance(i);
      worst = Number.isNaN(d) || !Number.isFinite(d) ? Infinity : Math.max(worst, d);
    }
    if (worst === Infinity) line += '✕';
    else {
      const level = worst <= 0 ? 0 : (Math.log10(worst) - low) / -low; // 0 at the tolerance, 1 at distance 1
      line += BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor(level * (BARS.length - 1))))];
    }
  }
  return line;
}
