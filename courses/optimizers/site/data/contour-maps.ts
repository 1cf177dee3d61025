// The contour maps the pages draw, traced in Node at build time so a page only paints them: every view a chart
// panel can show of the banana (its whole region, or a zoom around the reference paths), and the playground's
// built-in functions. The panel's views need the reference runs, so only the instructor's repository computes them.
import { OPTIMIZERS } from '../../manifest.js';
import { contourMapKey, type ContourMap } from '../shared/contour-map.js';
import { OBJECTIVES, objectiveById } from '../shared/objectives.js';
import { viewFor } from '../shared/panel-view.js';
import { traceContourMap } from '../shared/trace-contour-map.js';
import { runReferences } from './reference-runs.js';

const byKey = (views: Parameters<typeof traceContourMap>[0][]): Record<string, ContourMap> =>
  Object.fromEntries(views.map((view) => [contourMapKey(view), traceContourMap(view)]));

/** The chart panels' maps: a panel draws the references of one optimizer, of all four, or of none. */
export function panelContourMaps(): Record<string, ContourMap> {
  const references = runReferences();
  const banana = objectiveById('banana');
  const shown = [[], ...OPTIMIZERS.map((entry) => [entry.id]), OPTIMIZERS.map((entry) => entry.id)];
  return byKey(
    shown.map((ids) =>
      viewFor(
        banana,
        ids.map((id) => references[id]),
      ),
    ),
  );
}

/** The playground's built-in functions over their whole regions. */
export function playgroundContourMaps(): Record<string, ContourMap> {
  return byKey([...OBJECTIVES]);
}
