// A function's contour map as drawn under the trajectory charts: its plotted region, contour heights spread
// to show both the valley floor and the walls, and a light colour ramp, handed to the contour-background plugin.
import type { Plugin } from 'chart.js';
import type { SiteObjective } from '../shared/objectives.js';
import { contourBackground } from './contour-background.js';

const LEVEL_COUNT = 20;
const SAMPLES = 60;

type Rgb = [number, number, number];

// Low ground in warm cream, through pale green and sky, up to a soft periwinkle on the steep walls: distinct
// bands, yet light enough for every trajectory colour to stand out on top.
const RAMP: Rgb[] = [
  [255, 248, 220],
  [236, 247, 222],
  [218, 238, 246],
  [206, 218, 243],
  [190, 198, 234],
];

export function rampColor(t: number): string {
  const position = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
  const low = Math.min(Math.floor(position), RAMP.length - 2);
  const share = position - low;
  const channel = (i: number) => Math.round(RAMP[low][i] + (RAMP[low + 1][i] - RAMP[low][i]) * share);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

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

// By the objective itself, not its id: a typed formula is a new objective each time it changes.
const cache = new WeakMap<SiteObjective, Plugin<'scatter'>>();

/** One plugin per function, so its bands are traced once however often the chart redraws or switches. */
export function objectiveContours(objective: SiteObjective): Plugin<'scatter'> {
  let plugin = cache.get(objective);
  if (!plugin) {
    plugin = contourBackground({
      f: objective.value,
      x: objective.x,
      y: objective.y,
      levels: levelsOf(objective),
      resolution: 200,
      fill: rampColor,
      line: 'rgba(51, 65, 85, 0.22)',
    });
    cache.set(objective, plugin);
  }
  return plugin;
}
