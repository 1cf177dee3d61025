// What a hyperparameter search minimises here: how many steps Momentum needs, from (−1, 2), before its trajectory
// first comes within 1e-2 of the banana's minimum (1, 1) — the challenge's criterion. Uses your own Momentum.
import { banana, BANANA_MINIMUM, BANANA_START } from './banana.js';
import { Momentum } from './momentum.js';
import { createParameter } from './parameter.js';
import { optimizeFunction } from './train.js';

export const GOAL_RADIUS = 1e-2;

/** The number of the first trajectory row within GOAL_RADIUS of the minimum (rows count from 1), or Infinity. */
export function stepsToConverge(learningRate: number, momentum: number, maxSteps = 3000): number {
  const parameter = createParameter(BANANA_START);
  const trajectory = optimizeFunction(banana, parameter, new Momentum(parameter, { learningRate, momentum }), maxSteps);
  const first = trajectory.findIndex(
    ([x, y]) => Math.hypot(x - BANANA_MINIMUM[0], y - BANANA_MINIMUM[1]) <= GOAL_RADIUS,
  );
  return first === -1 ? Infinity : first + 1;
}
