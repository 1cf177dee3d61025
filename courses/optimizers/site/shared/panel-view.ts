// The region a chart panel shows, decided from its reference paths: shared so the build traces the contour map of
// exactly the region the page will show.
import type { Point } from './demo-runs.js';
import type { SiteObjective } from './objectives.js';

/**
 * The region a panel shows: the whole function, unless the reference paths stay in a small corner of it (SGD's
 * short path is a speck on the full banana). Then a square around them, wide enough to show where a wrong
 * learner run sets off; a run that leaves it is clipped at the edge, and its note says where it went.
 */
export function viewFor(objective: SiteObjective, paths: readonly (readonly Point[])[]): SiteObjective {
  const points = paths.flat();
  if (points.length === 0) return objective;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [width, height] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
  const [fullWidth, fullHeight] = [objective.x[1] - objective.x[0], objective.y[1] - objective.y[0]];
  if (width > fullWidth / 4 || height > fullHeight / 4) return objective;
  // The chart ticks its axes at the region's eighths: a round eighth and edges on its multiples make every tick a
  // round number (an edge at -1.698 would put ticks at -1.698, -1.573, … and label them -1.7, -1.6, …).
  const step = roundStep((Math.max(width, height, fullWidth / 8) * 2) / 8);
  // Moving the centre to a multiple of the step shifts it by at most step / 2: the paths (at most 4 steps wide) stay in.
  const edge = (low: number, high: number): [number, number] => {
    const start = Math.round((low + high) / 2 / step) * step - 4 * step;
    return [start, start + 8 * step];
  };
  return { ...objective, x: edge(Math.min(...xs), Math.max(...xs)), y: edge(Math.min(...ys), Math.max(...ys)) };
}

/**
 * The one of 1, 2, 2.5 and 5 times a power of ten nearest to `raw`: never below two thirds of it, so the paths
 * (at most 2·raw from the centre) and the centre's snap (at most step / 2) stay within 4 steps.
 */
export function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const candidates = [1, 2, 2.5, 5, 10].map((m) =>
    // Built from integers, so that 0.2 is 2 / 10, not 2 × 0.1 (which is 0.20000000000000004).
    power >= 1 ? m * power : m / Math.round(1 / power),
  );
  return candidates.reduce((best, c) => (Math.abs(c - raw) < Math.abs(best - raw) ? c : best));
}
