// Web Worker that runs the learner's own optimizer classes from exercises/optimizers on the banana function.
// It lives in a worker so that an endless loop in learner code can be stopped by terminating the worker.
import { Adam } from '../../exercises/optimizers/adam.js';
import { banana, BANANA_START } from '../../exercises/optimizers/banana.js';
import { challengeEntry } from '../../exercises/optimizers/challenge.js';
import { Momentum } from '../../exercises/optimizers/momentum.js';
import { createParameter, type Parameter } from '../../exercises/optimizers/parameter.js';
import { RMSprop } from '../../exercises/optimizers/rmsprop.js';
import { SGD } from '../../exercises/optimizers/sgd.js';
import { optimizeFunction, type Optimizer } from '../../exercises/optimizers/train.js';
import { DEMO_STEPS, demoRun, isOptimizerId, type DemoRun, type Point } from '../shared/demo-runs.js';
import { WORKER_READY, type LearnerOutcome, type LearnerRequest } from './learner-protocol.js';

// The DOM lib types `self` as a Window; in a dedicated worker postMessage takes the message alone.
const scope = self as unknown as { postMessage(message: unknown): void };

const MAX_POINTS = 2000;

interface Plan {
  run: DemoRun;
  nSteps: number;
}

function learnerOptimizer(run: DemoRun, parameter: Parameter): Optimizer {
  switch (run.id) {
    case 'sgd':
      return new SGD(parameter, run.options);
    case 'momentum':
      return new Momentum(parameter, run.options);
    case 'rmsprop':
      return new RMSprop(parameter, run.options);
    case 'adam':
      return new Adam(parameter, run.options);
  }
}

function challengePlan(): Plan {
  const entry: unknown = challengeEntry();
  const { optimizer, options, nSteps } = (entry ?? {}) as { optimizer?: unknown; options?: unknown; nSteps?: unknown };
  if (typeof optimizer !== 'string' || !isOptimizerId(optimizer)) {
    throw new Error(`challengeEntry() must name an optimizer ('sgd', 'momentum', 'rmsprop' or 'adam'), not ${JSON.stringify(optimizer)}`);
  }
  if (typeof nSteps !== 'number' || !Number.isInteger(nSteps) || nSteps < 1) {
    throw new Error(`challengeEntry() must give nSteps as a whole number of at least 1, not ${JSON.stringify(nSteps)}`);
  }
  if (typeof options !== 'object' || options === null) throw new Error('challengeEntry() must give the optimizer its options');
  return { run: { id: optimizer, name: optimizer, options } as DemoRun, nSteps };
}

/** Every k-th point so the page never has to draw more than MAX_POINTS, keeping the last one. */
function thin(trajectory: Point[]): Point[] {
  if (trajectory.length <= MAX_POINTS) return trajectory;
  const stride = Math.ceil(trajectory.length / MAX_POINTS);
  const kept = trajectory.filter((_, index) => index % stride === 0);
  if (kept.at(-1) !== trajectory.at(-1)) kept.push(trajectory.at(-1)!);
  return kept;
}

function run(request: LearnerRequest): LearnerOutcome {
  try {
    const plan: Plan = request.kind === 'demo' ? { run: demoRun(request.optimizer), nSteps: DEMO_STEPS } : challengePlan();
    const parameter = createParameter(BANANA_START);
    const trajectory = optimizeFunction(banana, parameter, learnerOptimizer(plan.run, parameter), plan.nSteps);
    const diverged = trajectory.findIndex(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
    return {
      status: 'ran',
      optimizer: plan.run.id,
      nSteps: plan.nSteps,
      trajectory: thin(trajectory),
      last: trajectory.at(-1) ?? [BANANA_START[0], BANANA_START[1]],
      divergedAt: diverged < 0 ? null : diverged,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith('not implemented yet') ? { status: 'not-implemented', message } : { status: 'failed', message };
  }
}

self.addEventListener('message', (event: MessageEvent<LearnerRequest>) => {
  scope.postMessage(run(event.data));
});
scope.postMessage(WORKER_READY);
