// Runs the reference Momentum over the hyperparameter-search heatmap's grid, in Node only: the browser receives
// the step counts, never the code that made them. Only the instructor's repository has solutions/ to run.
import { stepsToConverge } from '../../../../solutions/optimizers/steps-to-converge.js';
import { SEARCH } from '../../manifest.js';
import { heatmapAxes, type SearchHeatmap } from '../shared/search-heatmap.js';

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
