// The key that seals an official solution, derived from a reveal probe's numbers: every number is put in a bucket
// whose centre is the official value, so any implementation the grader accepts lands in the same buckets. Pure.
import { createHash } from 'node:crypto';
import type { JobResult } from '../sandbox/sandbox-protocol.js';

/** Changes whenever the derivation changes, so that a kit never opens a file sealed another way. */
export const REVEAL_VERSION = 'reveal-v2';

/** Where a probe's numbers sit in its results: `null` marks a number; arrays and tables as in the results. */
export type Shape = null | Shape[] | { [key: string]: Shape };

/** Per value, the bucket width q and the offset that centres the official value in its bucket. */
export interface Quantization {
  q: number[];
  offset: number[];
}

/**
 * The deviation from an official value that the buckets must absorb: 1e-5 + 1e-5·|v|, at least what a course's
 * grader accepts (a course whose suites accept more must give its probes settings where answers agree closer).
 */
export const acceptedDeviation = (v: number): number => 1e-5 + 1e-5 * Math.abs(v);

/** A result's data: what the learner's code computed (the driver's output), without the failure. */
const dataOf = (result: JobResult): Record<string, unknown> => ({ output: result.output });

// `null` is a shape (a number's place), so `??` would not do.
const orEmpty = (shape: Shape | undefined): Shape => (shape === undefined ? {} : shape);

function shapeOfValue(value: unknown): Shape | undefined {
  if (typeof value === 'number') return null;
  // An element that holds no number keeps its place (as an empty table), so that the indices still match.
  if (Array.isArray(value)) return value.map((v) => orEmpty(shapeOfValue(v)));
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const shape = shapeOfValue((value as Record<string, unknown>)[key]);
        return shape === undefined ? [] : [[key, shape] as const];
      });
    return Object.fromEntries(entries);
  }
  return undefined; // strings, booleans, null: not part of the key
}

/**
 * The shape of the official results. Shipped with the sealed file, it says which numbers count, so that a learner
 * whose results carry extra fields (or list them in another order) still reads the same numbers.
 */
export function resultShape(results: readonly JobResult[]): Shape[] {
  return results.map((r) => orEmpty(shapeOfValue(dataOf(r))));
}

/** The numbers of `value` at the places `shape` marks, in order; NaN where `value` has no number there. */
function numbersAt(value: unknown, shape: Shape, out: number[]): void {
  if (shape === null) {
    out.push(typeof value === 'number' ? value : NaN);
    return;
  }
  const at = (key: string | number): unknown =>
    value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  if (Array.isArray(shape)) shape.forEach((s, i) => numbersAt(at(i), s, out));
  else for (const key of Object.keys(shape).sort()) numbersAt(at(key), shape[key]!, out);
}

/** Every number of a probe's results, in the deterministic order `shape` gives. */
export function probeNumbers(results: ReadonlyArray<JobResult | undefined>, shape: Shape): number[] {
  const out: number[] = [];
  numbersAt(
    results.map((r) => (r ? dataOf(r) : undefined)),
    shape,
    out,
  );
  return out;
}

/**
 * q = 10^(⌊log10 max(1, |v|)⌋ − 3): four significant digits above 1, steps of 1e-3 below. The offset puts v at the
 * centre of its bucket, so a value within q/2 of it (the grader's tolerance is at most 2/5 of that) shares it.
 * Shipped, q tells only v's order of magnitude and the offset only digits past the fourth: neither gives the bucket.
 */
export function quantize(values: readonly number[]): Quantization {
  const q = values.map((v) => 10 ** (Math.floor(Math.log10(Math.max(1, Math.abs(v)))) - 3));
  return { q, offset: values.map((v, i) => v - q[i]! * Math.round(v / q[i]!)) };
}

/** The bucket of each value: a whole number, the same for every value within q/2 of the official one. */
export function buckets(values: readonly number[], { q, offset }: Quantization): number[] {
  // `+ 0` turns −0 into 0: a bucket is a whole number, not a sign.
  return q.map((width, i) => Math.round(((values[i] ?? NaN) - offset[i]!) / width) + 0);
}

/** SHA-256 over the version, the exercise and the buckets: 32 bytes, an AES-256 key. */
export function revealKey(course: string, exercise: string, bucketNumbers: readonly number[]): Buffer {
  return createHash('sha256')
    .update(`${REVEAL_VERSION}\n${course}/${exercise}\n${bucketNumbers.map(String).join(',')}`)
    .digest();
}
