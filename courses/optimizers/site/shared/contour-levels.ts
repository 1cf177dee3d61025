// The heights a function's contour map is drawn at: spread to show both the valley floor and the walls. Shared, so
// the map traced at build time, the one traced in the browser for a typed formula and the colour key agree.
import type { SiteObjective } from './objectives.js';

const LEVEL_COUNT = 20;
const SAMPLES = 60;

/**
 * Heights above the minimum spaced evenly in log scale (for the banana, 0.1 to ~3000 above f* = 1): a function
 * with a minimum is interesting near it. Without one (the saddle), evenly spaced heights across the plot.
 */
function contourLevels(objective: SiteObjective): number[] {
  let [low, high] = [Infinity, -Infinity];
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  for (let i = 0; i <= SAMPLES; i++) {
    for (let j = 0; j <= SAMPLES; j++) {
      const value = objective.value(x0 + ((x1 - x0) * i) / SAMPLES, y0 + ((y1 - y0) * j) / SAMPLES);
      [low, high] = [Math.min(low, value), Math.max(high, value)];
    }
  }
  if (objective.minValue === null) {
    return Array.from({ length: LEVEL_COUNT }, (_, k) => low + ((high - low) * (k + 0.5)) / LEVEL_COUNT);
  }
  const top = Math.log10(high - objective.minValue);
  const bottom = top - 4.5;
  return Array.from(
    { length: LEVEL_COUNT },
    (_, k) => objective.minValue! + 10 ** (bottom + ((top - bottom) * k) / (LEVEL_COUNT - 1)),
  );
}

const levels = new WeakMap<SiteObjective, number[]>();

/** contourLevels, computed once per function: the map and its colour key draw the same levels. */
export function levelsOf(objective: SiteObjective): number[] {
  let known = levels.get(objective);
  if (!known) levels.set(objective, (known = contourLevels(objective)));
  return known;
}
