// Web Worker that runs the learner's own gridSearch() and randomSearch() from exercises/optimizers, with the
// learner's stepsToConverge() (and so the learner's Momentum) as the cost. A worker, so an endless loop can be stopped.
import {
  bestTrial,
  gridSearch,
  randomSearch,
  type Trial,
} from '../../../../exercises/optimizers/hyperparameter-search.js';
import { stepsToConverge } from '../../../../exercises/optimizers/steps-to-converge.js';
import { SEARCH } from '../../manifest.js';
import { mulberry32 } from '../shared/search-heatmap.js';
import { WORKER_READY } from './learner-protocol.js';
import type { SearchOutcome, SearchOutcomes } from './search-protocol.js';

const scope = self as unknown as { postMessage(message: unknown): void };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
// A fresh copy per search, so a search that writes into its space cannot change the other's.
const space = (): Parameters<typeof gridSearch>[0] => ({
  learningRate: [...SEARCH.learningRates],
  momentum: [...SEARCH.momenta],
});

function search(run: () => Trial[]): SearchOutcome {
  let trials: Trial[];
  try {
    trials = run();
    if (!Array.isArray(trials))
      throw new Error(`a search must return an array of trials, not ${JSON.stringify(trials)}`);
  } catch (error) {
    const message = messageOf(error);
    return message.startsWith('not implemented yet')
      ? { status: 'not-implemented', message }
      : { status: 'failed', message };
  }
  const plain = trials.map(({ learningRate, momentum, steps }) => ({ learningRate, momentum, steps }));
  try {
    const best = bestTrial(trials);
    return {
      status: 'ran',
      trials: plain,
      best: best ? { learningRate: best.learningRate, momentum: best.momentum, steps: best.steps } : null,
      bestMessage: null,
    };
  } catch (error) {
    return { status: 'ran', trials: plain, best: null, bestMessage: messageOf(error) };
  }
}

self.addEventListener('message', () => {
  const outcomes: SearchOutcomes = {
    grid: search(() => gridSearch(space(), SEARCH.budget, (a, m) => stepsToConverge(a, m))),
    random: search(() =>
      randomSearch(space(), SEARCH.budget, (a, m) => stepsToConverge(a, m), mulberry32(SEARCH.seed)),
    ),
  };
  scope.postMessage(outcomes);
});
scope.postMessage(WORKER_READY);
