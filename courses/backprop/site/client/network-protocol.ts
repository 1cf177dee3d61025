// The messages between the mlp page and the worker that trains the learner's network: the run's settings one way,
// each step's loss and the map's rows of scores the other, as they come, so the page draws the run as it goes.
import type { Grid, History, NetworkData } from '../shared/network-demo.js';
import type { LearnerFailure } from './learner-failure.js';

export type NetworkRequest = Pick<NetworkData, 'sizes' | 'parameters' | 'points' | 'labels' | 'nSteps'> & {
  grid: Grid;
};

export type NetworkMessage =
  | ({ kind: 'step'; k: number } & History)
  /** Scores of whole rows of the grid, starting at cell `from`. */
  | { kind: 'scores'; from: number; scores: number[] }
  /** Training and map are complete; the share of the points the trained network puts on their label's side. */
  | { kind: 'done'; accuracy: number }
  | { kind: 'failed'; failure: LearnerFailure };
