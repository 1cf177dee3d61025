// The expected trajectories, computed by PyTorch (grader/fixtures/generate.py) and committed as JSON.
import { readFileSync } from 'node:fs';

export type Point = [number, number];

export interface FixtureCase {
  name: string;
  start: Point;
  options: Record<string, number>;
  nSteps: number;
  /** How many backward passes add into grad before each step(). */
  backwardsPerStep: number;
  /** One trajectory per accepted variant: "reference", or "epsOutside" (PyTorch) and "epsInside" (workshop). */
  expected: Record<string, Point[]>;
}

export type OptimizerId = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/optimizers.json', import.meta.url), 'utf8')) as {
  cases: Record<OptimizerId, FixtureCase[]>;
};

export function fixtureCases(optimizer: OptimizerId): FixtureCase[] {
  return fixtures.cases[optimizer];
}

export const VARIANT_NAMES: Record<string, string> = {
  reference: 'PyTorch',
  epsOutside: 'PyTorch, with ε outside the root',
  epsInside: 'the workshop formula, with ε inside the root',
};
