// Compares a learner's trajectory with an expected one and says where, if anywhere, it leaves it.
import type { Point } from '../../../courses/optimizers/manifest.js';

/** Per coordinate |actual − expected| ≤ ABSOLUTE + RELATIVE·|expected|: loose enough for float32 state, tight enough for every typical bug. */
export const TOLERANCE = { absolute: 1e-5, relative: 1e-5 } as const;

export interface Divergence {
  /** Index in the trajectory: row k holds the parameters after k updates. */
  step: number;
  expected: Point;
  actual: Point | undefined;
}

const close = (actual: number, expected: number): boolean =>
  Math.abs(actual - expected) <= TOLERANCE.absolute + TOLERANCE.relative * Math.abs(expected);

/**
 * Two responses to a probe agree: within the tolerance, or both NaN, or the same infinity (an infinite expected
 * value would make the relative tolerance infinite: only itself matches it).
 */
export const sameResponse = (a: number, b: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) ||
  a === b ||
  (Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE.absolute + TOLERANCE.relative * Math.abs(b));

/** Two probe trajectories agree point by point (see sameResponse). */
export const samePoints = (a: readonly Point[], b: readonly Point[]): boolean =>
  a.length === b.length && a.every((p, i) => sameResponse(p[0], b[i]![0]) && sameResponse(p[1], b[i]![1]));

/** The first row where `actual` leaves `expected`, or null when it follows it all the way. */
export function firstDivergence(actual: readonly Point[], expected: readonly Point[]): Divergence | null {
  for (let step = 0; step < expected.length; step++) {
    const [ex, ey] = expected[step]!;
    const row = actual[step];
    if (!row || !close(row[0], ex) || !close(row[1], ey)) return { step, expected: [ex, ey], actual: row };
  }
  return null;
}

/** Against several accepted variants: null when one matches, else the variant followed the longest. */
export function bestDivergence(
  actual: readonly Point[],
  variants: Record<string, readonly Point[]>,
): (Divergence & { variant: string }) | null {
  let best: (Divergence & { variant: string }) | null = null;
  for (const [variant, expected] of Object.entries(variants)) {
    const divergence = firstDivergence(actual, expected);
    if (!divergence) return null;
    if (!best || divergence.step > best.step) best = { ...divergence, variant };
  }
  return best;
}

/** The accepted variants that `actual` follows all the way (none: it follows no form the grader accepts). */
export function followedVariants(actual: readonly Point[], variants: Record<string, readonly Point[]>): string[] {
  return Object.entries(variants)
    .filter(([, expected]) => firstDivergence(actual, expected) === null)
    .map(([variant]) => variant);
}

export const formatPoint = (p: readonly number[] | undefined): string =>
  p ? `(${p.map((v) => (Number.isFinite(v) ? v.toPrecision(8) : String(v))).join(', ')})` : 'nothing';
