// The diagnosis helpers on hand-made trajectories: a mistake is named only when its first steps match, and the
// drift line grows with the distance.
import { expect, test } from 'vitest';
import { driftSparkline, matchingMistake } from '../grader/optimizers/harness/diagnose.js';
import type { Point } from '../grader/optimizers/harness/fixtures.js';

const expected: Point[] = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 3],
];

test('a trajectory matching a mistake’s first steps is named; NaN matches NaN after a finite step', () => {
  const mistakes = {
    'goes-left': [
      [0, 0],
      [-1, -1],
    ] as Point[],
    'blows-up': [
      [0, 0],
      [2, 2],
      [NaN, NaN],
    ] as Point[],
  };
  expect(
    matchingMistake(
      [
        [0, 0],
        [-1, -1],
        [5, 5],
      ],
      mistakes,
    ),
  ).toBe('goes-left');
  expect(
    matchingMistake(
      [
        [0, 0],
        [2, 2],
        [NaN, NaN],
      ],
      mistakes,
    ),
  ).toBe('blows-up');
  expect(
    matchingMistake(
      [
        [0, 0],
        [-1.1, -1],
      ],
      mistakes,
    ),
  ).toBeNull();
});

test('a mistake that is NaN from its first update on names no NaN trajectory: any NaN would match it', () => {
  const mistakes = {
    'nan-at-once': [
      [0, 0],
      [NaN, NaN],
    ] as Point[],
  };
  expect(
    matchingMistake(
      [
        [0, 0],
        [NaN, NaN],
      ],
      mistakes,
    ),
  ).toBeNull();
});

test('the drift line is flat on the expected path, rises with the distance, and marks non-finite points', () => {
  expect(driftSparkline(expected, expected)).toBe('▁▁▁▁');
  const drifting: Point[] = [
    [0, 0],
    [1.001, 1],
    [2.1, 2],
    [13, 3],
  ];
  expect(driftSparkline(drifting, expected)).toBe('▁▃▆█');
  expect(
    driftSparkline(
      [
        [0, 0],
        [NaN, 1],
        [2, 2],
        [3, 3],
      ],
      expected,
    ),
  ).toBe('▁✕▁▁');
  expect(
    driftSparkline(
      Array.from({ length: 400 }, (_, i) => [i, i] as Point),
      Array.from({ length: 400 }, (_, i) => [i, i] as Point),
      40,
    ),
  ).toHaveLength(40);
});
