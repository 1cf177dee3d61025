// Traces a function's contour map with d3-contour, simplified (no drawn point moves by more than a twentieth of a
// cell, a fraction of a pixel) and packed: run by the build for the built-in functions, so a page only draws their
// maps, and in the browser for a learner's typed formula.
import { contours } from 'd3-contour';
import { levelsOf } from './contour-levels.js';
import { QUANTUM, type ContourMap } from './contour-map.js';
import type { SiteObjective } from './objectives.js';

/** Grid cells along x; y gets as many as keep the cells square. */
const RESOLUTION = 200;
const TOLERANCE = 1 / QUANTUM;

type Ring = [number, number][];

/** Douglas–Peucker: keeps the points that leave the line between their neighbours by more than `tolerance`. */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length < 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const spans: [number, number][] = [[0, ring.length - 1]];
  while (spans.length > 0) {
    const [a, b] = spans.pop()!;
    const [ax, ay] = ring[a]!;
    const [bx, by] = ring[b]!;
    const length = Math.hypot(bx - ax, by - ay);
    let [farthest, at] = [-1, -1];
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i]!;
      const distance =
        length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > farthest) [farthest, at] = [distance, i];
    }
    if (farthest > tolerance) {
      keep[at] = 1;
      spans.push([a, at], [at, b]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

function pack(ring: Ring): number[] {
  const packed: number[] = [];
  let [lastX, lastY] = [0, 0];
  for (const [gx, gy] of ring) {
    const [qx, qy] = [Math.round(gx * QUANTUM), Math.round(gy * QUANTUM)];
    packed.push(qx - lastX, qy - lastY);
    [lastX, lastY] = [qx, qy];
  }
  return packed;
}

export function traceContourMap(objective: SiteObjective): ContourMap {
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  const n = RESOLUTION;
  const m = Math.max(2, Math.round((n * (y1 - y0)) / (x1 - x0)));
  const dx = (x1 - x0) / n;
  const dy = (y1 - y0) / m;
  const values = new Array<number>(n * m);
  // d3-contour puts grid value (i, j) at the centre of cell (i, j), hence the half-cell offsets.
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) values[i + j * n] = objective.value(x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy);
  }
  const generator = contours()
    .size([n, m])
    .thresholds([...levelsOf(objective)]);
  return {
    x: [x0, x1],
    y: [y0, y1],
    cells: [n, m],
    bands: generator(values).map((multiPolygon) =>
      multiPolygon.coordinates.flatMap((polygon) => polygon.map((ring) => pack(simplify(ring as Ring, TOLERANCE)))),
    ),
  };
}
