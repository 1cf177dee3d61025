// The training loop: record, differentiate, update, clear — as a PyTorch loop does, on a 2-D objective.
import { backward, type Objective } from './objective.js';
import type { Parameter } from './parameter.js';

export interface Optimizer {
  step(): void;
  zeroGrad(): void;
}

/** One row per step: the parameters *before* that step's update. */
export type Trajectory = [number, number][];

export function optimizeFunction(
  objective: Objective,
  parameter: Parameter,
  optimizer: Optimizer,
  nSteps: number,
): Trajectory {
  const trajectory: Trajectory = [];
  for (let step = 0; step < nSteps; step++) {
    trajectory.push([parameter.data[0], parameter.data[1]]); // record θ
    backward(objective, parameter); // ∇f(θ), added into parameter.grad
    optimizer.step(); // θ ← update(θ, ∇f)
    optimizer.zeroGrad(); // or the next gradient would be added to this one
  }
  return trajectory;
}
