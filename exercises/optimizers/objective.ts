// A 2-D loss surface with its analytic gradient, so the training loop can play PyTorch's backward().
import { accumulateGrad, type Parameter } from './parameter.js';

export interface Objective {
  name: string;
  value(x: number, y: number): number;
  gradient(x: number, y: number): [number, number];
}

/** Computes the gradient of `objective` at the parameter's current values and adds it into its grad. */
export function backward(objective: Objective, parameter: Parameter): void {
  const [x, y] = parameter.data as unknown as [number, number];
  accumulateGrad(parameter, objective.gradient(x, y));
}
