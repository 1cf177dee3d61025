// A function's contour map as drawn under the trajectory charts: the map traced at build time for the region shown
// (or, for a learner's typed formula, traced here once d3-contour has loaded) in a light colour ramp, handed to the
// contour-background plugin.
import type { Plugin } from 'chart.js';
import panelMaps from 'virtual:panel-contour-maps';
import { contourMapKey, type ContourMap } from '../shared/contour-map.js';
import type { SiteObjective } from '../shared/objectives.js';
import { contourBackground } from './contour-background.js';
import { measured } from './measured.js';

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

/** Maps known ahead, by function and region: every chart panel's, and the playground's once it adds them. */
const known = new Map<string, ContourMap>(Object.entries(panelMaps));
let tracer: Promise<typeof import('../shared/trace-contour-map.js')> | null = null;
let trace: ((objective: SiteObjective) => ContourMap) | null = null;

/** Adds maps traced at build time (a data module of the plug-in). */
export function provideContourMaps(maps: Record<string, ContourMap>): void {
  for (const [key, map] of Object.entries(maps)) known.set(key, map);
}

/** Loads the tracer for functions no map was made for (a typed formula): await it before drawing one. */
export function loadContourTracer(): Promise<void> {
  tracer ??= import('../shared/trace-contour-map.js');
  return tracer.then((module) => void (trace = module.traceContourMap));
}

// By the objective itself, not its id: a typed formula is a new objective each time it changes.
const cache = new WeakMap<SiteObjective, Plugin<'scatter'>>();

/** One plugin per function, so its map is looked up (or traced) once however often the chart redraws or switches. */
export function objectiveContours(objective: SiteObjective): Plugin<'scatter'> {
  let plugin = cache.get(objective);
  if (!plugin) {
    let map: ContourMap | null = null;
    const mapOf = (redraw: () => void): ContourMap | null => {
      const traceHere = trace;
      map ??=
        known.get(contourMapKey(objective)) ??
        (traceHere && measured('contour map traced', () => traceHere(objective))) ??
        null;
      // A region the build did not foresee: traced as soon as the tracer has loaded.
      if (!map) void loadContourTracer().then(redraw);
      return map;
    };
    plugin = contourBackground(mapOf, { fill: rampColor, line: 'rgba(51, 65, 85, 0.22)' });
    cache.set(objective, plugin);
  }
  return plugin;
}
