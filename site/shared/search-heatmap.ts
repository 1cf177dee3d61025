// The hyperparameter-search page's heatmap: the region, its grid, and the searches run on top. Shared by the
// Node side (which precomputes the background from the reference Momentum) and the browser (which runs yours).

/** The space the grader searches: learning rates on a log scale, momenta on a linear one. */
export const SEARCH_SPACE = { learningRate: [1e-3, 1e-2], momentum: [0.5, 0.98] } as {
  learningRate: [number, number];
  momentum: [number, number];
};
/** Heatmap cells per axis. */
export const HEATMAP_SIZE = 24;
/** Training runs each search may spend, as in the grader. */
export const SEARCH_BUDGET = 25;
/** Seed of the random search's generator. */
export const SEARCH_SEED = 1;
/** The step limit of stepsToConverge(). */
export const MAX_STEPS = 3000;

export interface SearchHeatmap {
  /** Cell centres along x, log-spaced. */
  learningRates: number[];
  /** Cell centres along y. */
  momenta: number[];
  /** steps[i][j]: steps at learningRates[i], momenta[j]; null when the run never came within reach in MAX_STEPS. */
  steps: (number | null)[][];
}

export function heatmapAxes(size = HEATMAP_SIZE): { learningRates: number[]; momenta: number[] } {
  const [a0, a1] = SEARCH_SPACE.learningRate.map(Math.log10);
  const [m0, m1] = SEARCH_SPACE.momentum;
  const at = (k: number): number => k / (size - 1);
  return {
    learningRates: Array.from({ length: size }, (_, k) => Number((10 ** (a0 + at(k) * (a1 - a0))).toPrecision(6))),
    momenta: Array.from({ length: size }, (_, k) => Number((m0 + at(k) * (m1 - m0)).toPrecision(6))),
  };
}

/** mulberry32, the grader's own seeded generator: the page draws the same random trials the grader checks. */
export { seededRandom as mulberry32 } from '../../grader/harness/seeded-random.js';
