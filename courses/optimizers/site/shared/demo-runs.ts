// The manifest's demo runs, typed with the learner's own option interfaces: the Node build draws the reference
// trajectories from them and the browser runs the learner's classes with the very same settings.
import type { AdamOptions } from '../../../../exercises/optimizers/adam.js';
import type { MomentumOptions } from '../../../../exercises/optimizers/momentum.js';
import type { RMSpropOptions } from '../../../../exercises/optimizers/rmsprop.js';
import type { SGDOptions } from '../../../../exercises/optimizers/sgd.js';
import { OPTIMIZERS, RACE, type OptimizerId, type Point } from '../../manifest.js';

export { isOptimizerId, type OptimizerId, type Point } from '../../manifest.js';

export interface OptionsByOptimizer {
  sgd: SGDOptions;
  momentum: MomentumOptions;
  rmsprop: RMSpropOptions;
  adam: AdamOptions;
}

export type DemoRun = {
  [K in OptimizerId]: { id: K; name: string; options: OptionsByOptimizer[K] };
}[OptimizerId];

export const DEMO_STEPS = RACE.demoSteps;

type DemoOf<K extends OptimizerId> = Extract<(typeof OPTIMIZERS)[number], { id: K }>['demo'];
/** The manifest's demo settings by optimizer; the satisfies clause checks them against each learner interface. */
const DEMO_OPTIONS = Object.fromEntries(OPTIMIZERS.map((entry) => [entry.id, entry.demo])) as {
  [K in OptimizerId]: DemoOf<K>;
} satisfies OptionsByOptimizer;

export const DEMO_RUNS: readonly DemoRun[] = OPTIMIZERS.map(
  (entry) => ({ id: entry.id, name: entry.name, options: { ...DEMO_OPTIONS[entry.id] } }) as DemoRun,
);

export function demoRun(id: OptimizerId): DemoRun {
  return DEMO_RUNS.find((candidate) => candidate.id === id)!;
}

export const RACE_START: Point = [RACE.start[0], RACE.start[1]];
