// What the hyperparameter-search page says about its grid's best trial holds: the count it quotes is PyTorch's
// (the grader's fixture), and it lies below every cell of the map the page draws, as the words claim.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runSearchHeatmap } from '../courses/optimizers/site/data/search-heatmap-runs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface SearchFixture {
  learningRates: number[];
  momenta: number[];
  steps: Array<Array<number | 'Infinity'>>;
}

test('the grid’s best trial takes the steps the page quotes, fewer than any cell of its map', () => {
  const { search } = JSON.parse(readFileSync(`${ROOT}grader/optimizers/fixtures/cases.json`, 'utf8')) as {
    search: SearchFixture;
  };
  const trials = search.learningRates.flatMap((learningRate, i) =>
    search.momenta.map((momentum, j) => ({ learningRate, momentum, steps: Number(search.steps[i]![j]) })),
  );
  const best = trials.reduce((a, b) => (b.steps < a.steps ? b : a));
  expect(best.learningRate).toBeCloseTo(0.0056, 4);
  expect(best.momentum).toBe(0.98);
  const words = readFileSync(`${ROOT}courses/optimizers/hyperparameter-search.md`, 'utf8');
  expect(words).toContain(`$\\alpha \\approx 0.0056$ with $\\mu = 0.98$, gets there in ${best.steps} steps`);
  const { learningRates, momenta, steps } = runSearchHeatmap();
  const cells = steps.flat().filter((count): count is number => count !== null);
  // "Far fewer": under half the map's fastest cell.
  expect(best.steps).toBeLessThan(Math.min(...cells) / 2);
  // "A slightly smaller learning rate ... well over a thousand steps": the grid's next trial down at μ = 0.98 is a
  // full grid step away, so the map's own cells just below it speak for the claim.
  const top = momenta.indexOf(0.98);
  const below = learningRates.findLastIndex((rate) => rate < best.learningRate);
  expect(steps[below]![top]).toBeGreaterThan(1000);
});
