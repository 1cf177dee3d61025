// A function's contour map as drawn under the trajectory charts: the map traced at build time for the region shown
// (or, for a learner's typed formula, traced here once d3-contour has loaded) in a light colour ramp, handed to the
// contour-background plugin.
import type { Plugin } from 'chart.js';
import panelMaps from 'virtual:panel-contour-maps';
import { contourMapKey, type ContourMap } from '../shared/contour-map.js';
import type { SiteObjective } from '../shared/objectives.js';
import { CONTOUR_LINE_COLOR } from '../shared/chart-frame.js';
import { rampColor } from '../shared/contour-ramp.js';
import { contourBackground } from './contour-background.js';
import { measured } from './measured.js';

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
    plugin = contourBackground(mapOf, { fill: rampColor, line: CONTOUR_LINE_COLOR });
    cache.set(objective, plugin);
  }
  return plugin;
}
