// The challenge: choose an optimizer, its hyperparameters and a step count that end within 1e-2 of (1, 1).
import type { AdamOptions } from './adam.js';
import type { MomentumOptions } from './momentum.js';
import type { RMSpropOptions } from './rmsprop.js';
import type { SGDOptions } from './sgd.js';

/** Your entry: which of your optimizers to run from (−1, 2), with what settings, for how many steps. */
export type ChallengeEntry =
  | { optimizer: 'sgd'; options: SGDOptions; nSteps: number }
  | { optimizer: 'momentum'; options: MomentumOptions; nSteps: number }
  | { optimizer: 'rmsprop'; options: RMSpropOptions; nSteps: number }
  | { optimizer: 'adam'; options: AdamOptions; nSteps: number };

export function challengeEntry(): ChallengeEntry {
  // Hide: all
  return {
    optimizer: 'adam',
    options: { learningRate: 0.2, momentumGrad: 0.9, momentumGradSquared: 0.9, epsilon: 1e-8 },
    nSteps: 142,
  };
  // Hide: none
}
