// The lowest point of a function over a plotted region, found numerically, for a formula typed in the playground
// (whose minimum nobody wrote down): the best point of a grid, then gradient descent with a backtracking line
// search from there. It reports a minimum only where the gradient vanishes inside the region.
import type { Point } from './demo-runs.js';

export interface Region {
  x: readonly [number, number];
  y: readonly [number, number];
}

const GRID = 80;
const ITERATIONS = 2000;
const GRADIENT_TOLERANCE = 1e-9;

export function lowestPoint(
  f: (x: number, y: number) => number,
  gradient: (x: number, y: number) => [number, number],
  region: Region,
): { point: Point; value: number } | null {
  const [x0, x1] = region.x;
  const [y0, y1] = region.y;
  let best: Point = [NaN, NaN];
  let bestValue = Infinity;
  for (let i = 0; i <= GRID; i++) {
    for (let j = 0; j <= GRID; j++) {
      const point: Point = [x0 + ((x1 - x0) * i) / GRID, y0 + ((y1 - y0) * j) / GRID];
      const value = f(...point);
      if (value < bestValue) [best, bestValue] = [point, value];
    }
  }
  if (!Number.isFinite(bestValue)) return null;
  let [x, y] = best;
  let value = bestValue;
  let step = 1;
  for (let k = 0; k < ITERATIONS; k++) {
    const [gx, gy] = gradient(x, y);
    const norm2 = gx * gx + gy * gy;
    if (!Number.isFinite(norm2)) return null;
    if (Math.sqrt(norm2) < GRADIENT_TOLERANCE) break;
    // Armijo backtracking: halve the step until f falls by enough; let it grow again after a success.
    step = Math.min(step * 2, 1e6);
    let next = f(x - step * gx, y - step * gy);
    while (!(next <= value - 1e-4 * step * norm2) && step > 1e-18) {
      step /= 2;
      next = f(x - step * gx, y - step * gy);
    }
    if (step <= 1e-18) break;
    [x, y, value] = [x - step * gx, y - step * gy, next];
  }
  const [gx, gy] = gradient(x, y);
  const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const flat = Math.hypot(gx, gy) <= 1e-6 * Math.max(1, Math.abs(value));
  return inside && flat ? { point: [x, y], value } : null;
}
