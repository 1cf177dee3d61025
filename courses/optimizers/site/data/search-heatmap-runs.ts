// Runs the reference Momentum over the hyperparameter-search heatmap's grid, in Node only: the browser receives
// the grid and the step counts, never the code that made them. Only the instructor's repository has solutions/ to
// run, and a student kit leaves this module out (it would hold a grid search's loop).
import { stepsToConverge } from '../../../../solutions/optimizers/steps-to-converge.js';
import { SEARCH } from '../../manifest.js';
import { HEATMAP_SIZE, type SearchHeatmap } from '../shared/search-heatmap.js';

/** The cells' centres: log-spaced learning rates, evenly spaced momenta, over the manifest's search space. */
function heatmapAxes(size = HEATMAP_SIZE): { learningRates: number[]; momenta: number[] } {
  const [a0, a1] = SEARCH.learningRates.map(Math.log10);
  const [m0, m1] = SEARCH.momenta;
  const at = (k: number): number => k / (size - 1);
  return {
    learningRates: Array.from({ length: size }, (_, k) => Number((10 ** (a0 + at(k) * (a1 - a0))).toPrecision(6))),
    momenta: Array.from({ length: size }, (_, k) => Number((m0 + at(k) * (m1 - m0)).toPrecision(6))),
  };
}

/** The heatmap's background: what the release writes to site/data/search-heatmap.json. ~0.5 s. */
export function runSearchHeatmap(): SearchHeatmap {
  const { learningRates, momenta } = heatmapAxes();
  const steps = learningRates.map((learningRate) =>
    momenta.map((momentum) => {
      const count = stepsToConverge(learningRate, momentum, SEARCH.maxSteps);
      return Number.isFinite(count) ? count : null;
    }),
  );
  return { learningRates, momenta, steps };
}
