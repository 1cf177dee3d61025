// The hyperparameter-search page's heatmap: the region, its grid, and the searches run on top. Shared by the
// Node side (which precomputes the background from the reference Momentum) and the browser (which runs yours).
// The space, budget, seed and step limit are the manifest's SEARCH, as in the grader.
import { SEARCH } from '../../manifest.js';

/** Heatmap cells per axis. */
export const HEATMAP_SIZE = 24;

export interface SearchHeatmap {
  /** Cell centres along x, log-spaced. */
  learningRates: number[];
  /** Cell centres along y. */
  momenta: number[];
  /** steps[i][j]: steps at learningRates[i], momenta[j]; null when the run never came within reach in SEARCH.maxSteps. */
  steps: (number | null)[][];
}

export function heatmapAxes(size = HEATMAP_SIZE): { learningRates: number[]; momenta: number[] } {
  const [a0, a1] = SEARCH.learningRates.map(Math.log10);
  const [m0, m1] = SEARCH.momenta;
  const at = (k: number): number => k / (size - 1);
  return {
    learningRates: Array.from({ length: size }, (_, k) => Number((10 ** (a0 + at(k) * (a1 - a0))).toPrecision(6))),
    momenta: Array.from({ length: size }, (_, k) => Number((m0 + at(k) * (m1 - m0)).toPrecision(6))),
  };
}

/** mulberry32, the grader's own seeded generator: the page draws the same random trials the grader checks. */
export { seededRandom as mulberry32 } from '../../../../grader/optimizers/harness/seeded-random.js';
