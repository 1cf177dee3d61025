// Which of the course's widgets go on which page, with their captions: the race on the index, the banana's landscape
// on the concepts page, each optimizer's run beside its reference, the challenge entry and the search heatmap.
import type { Exercise } from '../../../grader/course/course-metadata.js';
import type { BuiltData, CoursePage, Widget } from '../../../site/scripts/site-plugin.js';
import { isOptimizerId, optimizer, OPTIMIZERS, RACE, SEARCH, type OptimizerId, type Point } from '../manifest.js';
import { contourMapKey, type ContourMap } from './shared/contour-map.js';
import { objectiveById } from './shared/objectives.js';
import { viewFor } from './shared/panel-view.js';
import { HEATMAP_SIZE, type SearchHeatmap } from './shared/search-heatmap.js';
import { staticChart } from './static-chart.js';
import { staticHeatmap } from './static-heatmap.js';

/** The data of templates/partials/trajectory-panel.hbs. */
interface ChartPanel {
  kind: 'landscape' | 'race' | 'exercise' | 'challenge';
  /** Ids of the optimizers whose reference runs are drawn, comma-separated. */
  optimizers: string;
  label: string;
  caption: string;
  /** A loss chart, a step scrubber and the inner-state panel beside the trajectories. */
  scrub: boolean;
}

/** The trajectory canvas's width on a laptop-sized window (widgets.css), for the static picture's legend rows. */
const PANEL_WIDTH = 576;

/**
 * The static picture of a panel's chart (static-chart.ts), from the reference runs and contour maps computed for the
 * browser; null when the pages are rendered without them.
 */
function panelPicture(ids: readonly OptimizerId[], data: BuiltData): ReturnType<typeof staticChart> | null {
  const references = data['reference-trajectories'] as Record<OptimizerId, Point[]> | undefined;
  const maps = data['panel-contour-maps'] as Record<string, ContourMap> | undefined;
  if (!references || !maps) return null;
  const objective = viewFor(
    objectiveById('banana'),
    ids.map((id) => references[id]),
  );
  const map = maps[contourMapKey(objective)];
  if (!map) return null;
  const lines = ids.map((id) => ({
    label: `Reference ${optimizer(id).name}`,
    color: optimizer(id).colors.reference,
    points: references[id],
  }));
  return staticChart({ objective, map, lines, start: objective.start, width: PANEL_WIDTH });
}

const point = ([x, y]: Point): string => `(${x}, ${y})`.replace(/-/g, '−');

function describeSettings(id: (typeof OPTIMIZERS)[number]['id']): string {
  const entry = optimizer(id);
  return entry.hyperparameters
    .map((spec) => `${spec.symbol} = ${(entry.demo as Record<string, number>)[spec.name]}`)
    .join(', ');
}

const panel = (chart: ChartPanel, data: BuiltData, heading?: string): Widget => ({
  partial: 'trajectory-panel',
  heading,
  data: { ...chart, staticChart: panelPicture(chart.optimizers.split(',').filter(isOptimizerId), data) },
});

function exerciseWidgets(exercise: Exercise, data: BuiltData): Widget[] {
  if (isOptimizerId(exercise.id)) {
    const entry = optimizer(exercise.id);
    return [
      panel(
        {
          kind: 'exercise',
          scrub: true,
          optimizers: entry.id,
          label: `Trajectories of the reference ${entry.name} and of yours on Rosenbrock's banana function`,
          caption: `${RACE.demoSteps} steps from ${point(RACE.start)} with ${describeSettings(entry.id)}. Solid: the reference ${entry.name}. Dashed: your class, run in this browser tab.`,
        },
        data,
        'Your run beside the reference',
      ),
    ];
  }
  if (exercise.id === 'challenge') {
    return [
      panel(
        {
          kind: 'challenge',
          scrub: true,
          optimizers: '',
          label: "Trajectory of your challenge entry on Rosenbrock's banana function",
          caption: `Dashed: the run described by challengeEntry(), using your own optimizer class. It passes when its last point lies within ${RACE.goalRadius} of ${point(RACE.goal)}.`,
        },
        data,
        'Your entry on the banana',
      ),
    ];
  }
  if (exercise.id === 'hyperparameter-search') {
    const [a0, a1] = SEARCH.learningRates;
    const [m0, m1] = SEARCH.momenta;
    const heatmap = data['search-heatmap'] as SearchHeatmap | undefined;
    return [
      {
        partial: 'search-heatmap',
        heading: 'Where your searches looked',
        data: {
          staticChart: heatmap ? staticHeatmap(heatmap) : null,
          label:
            'Heatmap of the steps the reference Momentum needs over learning rate (log scale) and momentum, with the trials of your grid and random searches on top',
          caption: `Background: the steps the reference Momentum needs from ${point(RACE.start)} to come within ${RACE.goalRadius} of ${point(RACE.goal)}, on a ${HEATMAP_SIZE} × ${HEATMAP_SIZE} grid over α ∈ [${a0}, ${a1}] (log scale) and μ ∈ [${m0}, ${m1}]; grey: never within ${SEARCH.maxSteps.toLocaleString('en')} steps. On top: your gridSearch() and randomSearch() (mulberry32, seed ${SEARCH.seed}) with a budget of ${SEARCH.budget}, run in this browser tab with your own Momentum; the larger orange markers are their bestTrial().`,
        },
      },
    ];
  }
  return [];
}

export function widgetsFor(page: CoursePage, _course: unknown, data: BuiltData): Widget[] {
  switch (page.kind) {
    case 'index':
      return [
        {
          ...panel(
            {
              kind: 'race',
              scrub: true,
              optimizers: OPTIMIZERS.map((entry) => entry.id).join(','),
              label: "Trajectories of the four reference optimizers and of yours on Rosenbrock's banana function",
              caption: `The workshop's demo settings, ${RACE.demoSteps} steps each from ${point(RACE.start)}. Solid: reference solutions. Dashed: your classes from exercises/optimizers, run in this browser tab.`,
            },
            data,
          ),
          heading: 'The race down the banana',
          lead: `All four optimizers start at ${point(RACE.start)} and take ${RACE.demoSteps} steps towards the minimum at ${point(RACE.goal)}.`,
        },
      ];
    case 'concepts':
      return [
        panel(
          {
            kind: 'landscape',
            scrub: false,
            optimizers: '',
            label: "Contour map of Rosenbrock's banana function with the start and the minimum marked",
            caption:
              'f(x, y) = (1 − x)² + 100·(y − x²)² + 1 over x ∈ [−2, 2], y ∈ [−1, 3], with contour lines at log-spaced heights.',
          },
          data,
        ),
      ];
    case 'exercise':
      return exerciseWidgets(page.exercise, data);
  }
}

/** The playground's width for its chart on a laptop-sized window (widgets.css), for the legend's rows. */
const PLAYGROUND_WIDTH = 496;

/**
 * The playground's extra values: the static picture of its chart as it opens with no settings in its address (the
 * banana, from the default start, no runs yet), and that start, which the page compares with its address's.
 */
export function playgroundData(data: BuiltData, start: Point): Record<string, unknown> {
  const maps = data['playground-contour-maps'] as Record<string, ContourMap> | undefined;
  const objective = objectiveById('banana');
  const map = maps?.[contourMapKey(objective)];
  return {
    staticChart: map ? staticChart({ objective, map, lines: [], start, width: PLAYGROUND_WIDTH }) : null,
    staticView: JSON.stringify({ f: objective.id, x: start[0], y: start[1] }),
  };
}
