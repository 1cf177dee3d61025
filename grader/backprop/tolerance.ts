// When a learner's number counts as PyTorch's: close enough for float64 round-off in another order of operations
// (a sum taken left to right instead of as a matrix product), far too close for a wrong formula.

export interface Tolerance {
  absolute: number;
  relative: number;
}

/** Gradients of one expression: the same operations, a few round-offs apart. */
export const EXPRESSION: Tolerance = { absolute: 1e-9, relative: 1e-7 };
/** A network's numbers after a few training steps, where round-off compounds a little. */
export const NETWORK: Tolerance = { absolute: 1e-8, relative: 1e-6 };
/** Central differences with the cases' steps h: their error is about h², 1e-6 at h = 1e-3. */
export const FINITE_DIFFERENCE: Tolerance = { absolute: 1e-5, relative: 1e-5 };
/**
 * The same central difference computed elsewhere: f at x ± h may differ in its last bit (another maths library),
 * which the division by 2h magnifies to about 1e-11; another h moves it by far more.
 */
export const SAME_ESTIMATE: Tolerance = { absolute: 1e-10, relative: 1e-9 };

export function close(got: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(got);
  if (!Number.isFinite(expected)) return got === expected;
  return Math.abs(got - expected) <= tolerance.absolute + tolerance.relative * Math.abs(expected);
}

/** The index of the first entry that is not close, or -1 when all are (a missing entry is not close). */
export function firstMismatch(got: readonly number[], expected: readonly number[], tolerance: Tolerance): number {
  for (let i = 0; i < expected.length; i++) {
    const g = got[i];
    if (typeof g !== 'number' || !close(g, expected[i]!, tolerance)) return i;
  }
  return got.length === expected.length ? -1 : expected.length;
}

/** A number as a learner reads it: up to 10 significant digits. */
export const formatNumber = (x: number | undefined): string =>
  x === undefined ? 'nothing' : Number.isFinite(x) ? String(Number(x.toPrecision(10))) : String(x);
