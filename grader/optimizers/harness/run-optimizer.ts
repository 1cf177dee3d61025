// The grader's own training loop on the banana function: it is not learner-owned, so a learner's edits to
// exercises/optimizers/train.ts or banana.ts cannot change a verdict.
import { LearnerThrew } from '../../sandbox/driver.js';
import type { Point } from './fixtures.js';
import { toNumber } from '../../sandbox/realm-intrinsics.js';

export { LearnerThrew };

export interface GradedParameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export interface GradedOptimizer {
  step(): void;
  zeroGrad(): void;
}

export type OptimizerClass = new (parameters: GradedParameter, options: Record<string, number>) => GradedOptimizer;

/** ∇f for f(x, y) = (1 − x)² + 100·(y − x²)² + 1. */
export function bananaGradient(x: number, y: number): Point {
  return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
}

/** backward(): adds ∇f into grad, allocating it when null, as PyTorch accumulates. */
export function backward(parameter: GradedParameter): void {
  const [gx, gy] = bananaGradient(parameter.data[0]!, parameter.data[1]!);
  parameter.grad ??= new Float64Array(2);
  parameter.grad[0] += gx;
  parameter.grad[1] += gy;
}

export interface Run {
  parameter: GradedParameter;
  optimizer: GradedOptimizer;
  trajectory: Point[];
}

/** A new parameter at `start` (any length) and the learner's optimizer on it; a throwing constructor is theirs. */
export function startRun(Optimizer: OptimizerClass, start: readonly number[], options: Record<string, number>): Run {
  const parameter: GradedParameter = { data: Float64Array.from(start), grad: null };
  try {
    return { parameter, optimizer: new Optimizer(parameter, { ...options }), trajectory: [] };
  } catch (error) {
    throw new LearnerThrew('the constructor', error);
  }
}

/** One loop iteration: record θ, accumulate the gradient, step, clear. */
export function advance(run: Run, backwardsPerStep = 1): void {
  const { parameter, optimizer } = run;
  // Numbers, whatever the learner's code put in data: a string '1' must not read as the goal reached.
  run.trajectory.push([toNumber(parameter.data[0]), toNumber(parameter.data[1])]);
  for (let i = 0; i < backwardsPerStep; i++) backward(parameter);
  stepAndClear(optimizer, run.trajectory.length, run.trajectory);
}

/** step(), then zeroGrad(), of update number `update`; what either throws is the learner's, with `partial` kept. */
export function stepAndClear(optimizer: GradedOptimizer, update: number, partial: unknown): void {
  try {
    optimizer.step();
  } catch (error) {
    throw new LearnerThrew(`step() (update ${update})`, error, partial);
  }
  try {
    optimizer.zeroGrad();
  } catch (error) {
    throw new LearnerThrew(`zeroGrad() (update ${update})`, error, partial);
  }
}

export function runTrajectory(
  Optimizer: OptimizerClass,
  start: Point,
  options: Record<string, number>,
  nSteps: number,
  backwardsPerStep = 1,
): Point[] {
  const run = startRun(Optimizer, start, options);
  for (let i = 0; i < nSteps; i++) advance(run, backwardsPerStep);
  return run.trajectory;
}
