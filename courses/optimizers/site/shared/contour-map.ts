// A function's contour map as the pages draw it: the bands of a few contour levels, traced on a grid and packed as
// small integers (shared/trace-contour-map.ts makes them, at build time for the built-in functions).
import type { SiteObjective } from './objectives.js';

/** Coordinates are kept in 1/QUANTUM of a grid cell. */
export const QUANTUM = 20;
export interface ContourMap {
  x: readonly [number, number];
  y: readonly [number, number];
  /** Grid cells along x and y. */
  cells: readonly [number, number];
  /**
   * One entry per contour level, lowest first: the rings (outer rings and holes) of where f ≥ that level, each
   * as grid coordinates in 1/QUANTUM cell, the first point absolute and every other one relative to the last.
   */
  bands: number[][][];
}

/** Which function and region a map is of: a built-in function's own, or a panel's zoomed view of it. */
export const contourMapKey = (objective: SiteObjective): string =>
  `${objective.id}:${objective.x.join(',')}:${objective.y.join(',')}`;

/** Calls `point` with each point of a packed ring, in data coordinates. */
export function unpackRing(map: ContourMap, ring: readonly number[], point: (x: number, y: number) => void): void {
  const dx = (map.x[1] - map.x[0]) / (map.cells[0] * QUANTUM);
  const dy = (map.y[1] - map.y[0]) / (map.cells[1] * QUANTUM);
  let [qx, qy] = [0, 0];
  for (let k = 0; k < ring.length; k += 2) {
    qx += ring[k]!;
    qy += ring[k + 1]!;
    point(map.x[0] + qx * dx, map.y[0] + qy * dy);
  }
}
