// The region an exercise page's trajectory chart zooms to (pure): it holds the reference paths, and its edges and
// tick step are round numbers, so that every tick label is the value it sits at.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { roundStep, viewFor } from '../courses/optimizers/site/shared/panel-view.js';
import type { SiteObjective } from '../courses/optimizers/site/shared/objectives.js';

const whole = { x: [-2, 2], y: [-1, 3] } as unknown as SiteObjective;
const multipleOf = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-9;

test('a short path gets a square of eight round steps around it, edges on multiples of the step', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.double({ min: -1.9, max: 1.4, noNaN: true }), fc.double({ min: -0.9, max: 2.4, noNaN: true })),
        {
          minLength: 1,
          maxLength: 20,
        },
      ),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      (offsets, scale) => {
        const [x0, y0] = offsets[0]!;
        const path = offsets.map(
          ([x, y]) => [x0 + (x - x0) * scale * 0.2, y0 + (y - y0) * scale * 0.2] as [number, number],
        );
        const view = viewFor(whole, [path]);
        if (view === whole) return;
        for (const [low, high] of [view.x, view.y]) {
          const step = (high - low) / 8;
          expect(step).toBeCloseTo(roundStep(step), 12);
          expect(multipleOf(low, step)).toBe(true);
        }
        for (const [x, y] of path) {
          expect(x).toBeGreaterThanOrEqual(view.x[0]);
          expect(x).toBeLessThanOrEqual(view.x[1]);
          expect(y).toBeGreaterThanOrEqual(view.y[0]);
          expect(y).toBeLessThanOrEqual(view.y[1]);
        }
      },
    ),
  );
});

test('SGD-sized paths near (-1, 2) are framed by round ticks (-1.3, -1.2, …), not -1.198, -1.073, …', () => {
  const view = viewFor(whole, [
    [
      [-1, 2],
      [-0.93, 2.05],
      [-0.9, 2.04],
    ],
  ]);
  expect(view.x.map((v) => Number(v.toFixed(10)))).toEqual([-1.3, -0.5]);
  expect(view.y.map((v) => Number(v.toFixed(10)))).toEqual([1.6, 2.4]);
});

test('round steps: 1, 2, 2.5 and 5 times a power of ten, the nearest to the one asked for', () => {
  expect([0.11, 0.125, 0.16, 0.2, 0.24, 0.3, 0.6, 1.4, 7, 8].map(roundStep)).toEqual([
    0.1, 0.1, 0.2, 0.2, 0.25, 0.25, 0.5, 1, 5, 10,
  ]);
});

test('paths that cover a quarter of the function or more get the whole function', () => {
  expect(
    viewFor(whole, [
      [
        [-1.5, -0.5],
        [1.5, 2.5],
      ],
    ]),
  ).toBe(whole);
});
