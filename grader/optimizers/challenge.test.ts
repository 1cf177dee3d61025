// The challenge: the learner's entry (optimizer, options, step count) must end within 1e-2 of (1, 1), run with
// the learner's own optimizer, which must itself follow PyTorch on every fixture case. Where the instructor's
// solutions are present (never in a student kit), the entry must also win with the reference optimizer, so an
// optimizer that is honest on the fixtures but shortcuts on other settings wins nothing.
import { test } from 'vitest';
import { bestDivergence } from '../harness/compare-trajectories.js';
import { fixtureCases, type OptimizerId, type Point } from '../harness/fixtures.js';
import { loadLearnerExport, loadReferenceExport } from '../harness/load-learner.js';
import { LearnerThrew, runTrajectory, type OptimizerClass } from '../harness/run-optimizer.js';

const COURSE = 'optimizers';
const GOAL: Point = [1, 1];
const START: Point = [-1, 2];
const RADIUS = 1e-2;
const MAX_STEPS = 100_000;

const OPTIMIZERS: Record<OptimizerId, { file: string; className: string; options: string[] }> = {
  sgd: { file: 'sgd.ts', className: 'SGD', options: ['learningRate'] },
  momentum: { file: 'momentum.ts', className: 'Momentum', options: ['learningRate', 'momentum'] },
  rmsprop: { file: 'rmsprop.ts', className: 'RMSprop', options: ['learningRate', 'momentum', 'epsilon'] },
  adam: { file: 'adam.ts', className: 'Adam', options: ['learningRate', 'momentumGrad', 'momentumGradSquared', 'epsilon'] },
};

interface Entry {
  optimizer: OptimizerId;
  options: Record<string, number>;
  nSteps: number;
}

function checkEntry(entry: unknown): Entry {
  const e = entry as Partial<Entry> | null;
  if (!e || typeof e !== 'object') throw new Error('challengeEntry() must return an object { optimizer, options, nSteps }');
  if (!e.optimizer || !(e.optimizer in OPTIMIZERS)) {
    throw new Error(`challengeEntry().optimizer must be one of ${Object.keys(OPTIMIZERS).map((k) => `'${k}'`).join(', ')}; got ${JSON.stringify(e.optimizer)}`);
  }
  if (!Number.isInteger(e.nSteps) || e.nSteps! < 1 || e.nSteps! > MAX_STEPS) {
    throw new Error(`challengeEntry().nSteps must be a whole number from 1 to ${MAX_STEPS}; got ${JSON.stringify(e.nSteps)}`);
  }
  for (const name of OPTIMIZERS[e.optimizer].options) {
    const value = e.options?.[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`challengeEntry().options.${name} must be a finite number for ${e.optimizer}; got ${JSON.stringify(value)}`);
    }
  }
  return e as Entry;
}

const distanceToGoal = ([x, y]: Point): number => Math.hypot(x - GOAL[0], y - GOAL[1]);

function rethrowLearner(error: unknown): never {
  if (error instanceof LearnerThrew && error.cause instanceof Error && /^not implemented yet/i.test(error.cause.message)) {
    throw new Error(`${error.cause.message} (the challenge runs your own optimizer)`);
  }
  throw error;
}

test('your entry ends within 1e-2 of the minimum (1, 1)', async () => {
  const challengeEntry = await loadLearnerExport<() => unknown>(COURSE, 'challenge.ts', 'challengeEntry', 'function');
  const entry = checkEntry(challengeEntry());
  const chosen = OPTIMIZERS[entry.optimizer];
  const Optimizer = await loadLearnerExport<OptimizerClass>(COURSE, chosen.file, chosen.className, 'class');

  // A shortcut optimizer could "reach" the goal without optimizing: it must first follow PyTorch.
  try {
    for (const c of fixtureCases(entry.optimizer)) {
      const check = runTrajectory(Optimizer, c.start, c.options, c.nSteps, c.backwardsPerStep);
      if (bestDivergence(check, c.expected)) {
        throw new Error(`your ${chosen.className} does not follow PyTorch yet (run \`npm run grade ${entry.optimizer}\`): the challenge needs a correct optimizer`);
      }
    }
  } catch (error) {
    rethrowLearner(error);
  }

  let trajectory: Point[] = [];
  try {
    trajectory = runTrajectory(Optimizer, START, entry.options, entry.nSteps);
  } catch (error) {
    rethrowLearner(error);
  }
  expectWithinGoal(trajectory, entry, chosen.className);

  const Reference = await loadReferenceExport<OptimizerClass>(COURSE, chosen.file, chosen.className);
  if (Reference) expectWithinGoal(runTrajectory(Reference, START, entry.options, entry.nSteps), entry, `the reference ${chosen.className}`);
});

function expectWithinGoal(trajectory: Point[], entry: Entry, runBy: string): void {
  const last = trajectory[trajectory.length - 1]!;
  const distance = distanceToGoal(last);
  if (!(distance <= RADIUS)) {
    const firstInside = trajectory.findIndex((p) => distanceToGoal(p) <= RADIUS);
    const closest = Math.min(...trajectory.map(distanceToGoal));
    throw new Error(
      `after ${entry.nSteps} steps of ${runBy} the trajectory ends at (${last.map((v) => v.toPrecision(6)).join(', ')}), ` +
        `${Number.isFinite(distance) ? distance.toPrecision(5) : 'infinitely far'} from (1, 1); it must be within ${RADIUS}. ` +
        (firstInside >= 0
          ? `It was inside at row ${firstInside}: it overshoots, so stop there or damp it.`
          : Number.isFinite(closest)
            ? `It never got closer than ${closest.toPrecision(5)}: try more steps or a larger learning rate.`
            : 'It diverged: try a smaller learning rate.'),
    );
  }
}
