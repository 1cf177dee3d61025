// The pure part of a time limit that counts the learner's own time: reading the kernel's counts, the longest wait
// since a session began, and the deadline it gives.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { deadlineMs, parseSchedstat, waitedSince } from '../grader/sandbox/cpu-wait.js';

test("schedstat's second field is the time spent waiting for a CPU, in nanoseconds", () => {
  // As Linux prints it: time on a CPU, time waiting for one (both in ns), and time slices run.
  expect(parseSchedstat('442463 2500000 1\n')).toBe(2.5);
  expect(parseSchedstat('')).toBeUndefined();
});

test('the wait counted is the longest any one thread added since the start, a new thread counted from zero', () => {
  const before = new Map([
    [10, 100],
    [11, 5],
  ]);
  const now = new Map([
    [10, 160],
    [11, 90],
    [12, 30],
  ]);
  expect(waitedSince(before, now)).toBe(85);
  // A thread gone, or no counts at all (not Linux): nothing is given back.
  expect(waitedSince(before, new Map())).toBe(0);
});

test('the deadline is the limit plus the wait, never before the limit and never past twice the limit', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: -1_000, max: 100_000 }), (limit, waited) => {
      const due = deadlineMs(limit, waited);
      expect(due).toBeGreaterThanOrEqual(limit);
      expect(due).toBeLessThanOrEqual(2 * limit);
      if (waited >= 0 && waited <= limit) expect(due).toBe(limit + waited);
    }),
  );
});
