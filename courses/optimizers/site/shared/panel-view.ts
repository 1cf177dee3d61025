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
  const span = Math.max(width, height, fullWidth / 8) * 2;
  const [cx, cy] = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2];
  return { ...objective, x: [cx - span / 2, cx + span / 2], y: [cy - span / 2, cy + span / 2] };
}
