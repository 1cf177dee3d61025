// Web Worker that runs the learner's own optimizer classes from exercises/optimizers on a 2-D function.
// It lives in a worker so that an endless loop in learner code can be stopped by terminating the worker.
import { Adam } from '../../exercises/optimizers/adam.js';
import { BANANA_START } from '../../exercises/optimizers/banana.js';
import { challengeEntry } from '../../exercises/optimizers/challenge.js';
import { Momentum } from '../../exercises/optimizers/momentum.js';
import { backward, type Objective } from '../../exercises/optimizers/objective.js';
import { createParameter, type Parameter } from '../../exercises/optimizers/parameter.js';
import { RMSprop } from '../../exercises/optimizers/rmsprop.js';
import { SGD } from '../../exercises/optimizers/sgd.js';
import type { Optimizer } from '../../exercises/optimizers/train.js';
import { DEMO_STEPS, demoRun, isOptimizerId, type DemoRun, type Point } from '../shared/demo-runs.js';
import { objectiveById } from '../shared/objectives.js';
import { WORKER_READY, type LearnerOutcome, type LearnerRequest, type StepState } from './learner-protocol.js';
import { numericFields } from './optimizer-introspection.js';

// The DOM lib types `self` as a Window; in a dedicated worker postMessage takes the message alone.
const scope = self as unknown as { postMessage(message: unknown): void };

const MAX_POINTS = 2000;

interface Plan {
  run: DemoRun;
  objective: Objective;
  start: Point;
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

const banana = objectiveById('banana');
const bananaStart: Point = [BANANA_START[0], BANANA_START[1]];

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
  return { run: { id: optimizer, name: optimizer, options } as DemoRun, objective: banana, start: bananaStart, nSteps };
}

function planFor(request: LearnerRequest): Plan {
  switch (request.kind) {
    case 'demo':
      return { run: demoRun(request.optimizer), objective: banana, start: bananaStart, nSteps: DEMO_STEPS };
    case 'challenge':
      return challengePlan();
    case 'custom':
      return {
        run: { id: request.optimizer, name: request.optimizer, options: request.options } as DemoRun,
        objective: objectiveById(request.objective),
        start: request.start,
        nSteps: request.nSteps,
      };
  }
}

/**
 * The training loop of exercises/optimizers/train.ts (record θ, backward, step, zeroGrad), with a look at the
 * gradient, the update and the optimizer's fields around each step, for the inner-state panel.
 */
function runPlan(plan: Plan): Extract<LearnerOutcome, { status: 'ran' }> {
  const parameter = createParameter(plan.start);
  const optimizer = learnerOptimizer(plan.run, parameter);
  const keepStates = plan.nSteps <= MAX_POINTS;
  const stride = keepStates ? 1 : Math.ceil(plan.nSteps / MAX_POINTS);
  const trajectory: Point[] = [];
  const steps: number[] = [];
  const states: StepState[] = [];
  let divergedAt: number | null = null;
  let last: Point = [plan.start[0], plan.start[1]];
  for (let step = 0; step < plan.nSteps; step++) {
    const before: Point = [parameter.data[0], parameter.data[1]];
    last = before;
    if (divergedAt === null && !before.every(Number.isFinite)) divergedAt = step;
    const kept = step % stride === 0 || step === plan.nSteps - 1;
    if (kept) {
      trajectory.push(before);
      steps.push(step);
    }
    backward(plan.objective, parameter);
    const gradient = Array.from(parameter.grad ?? []);
    optimizer.step();
    if (keepStates) {
      states.push({
        gradient,
        update: [parameter.data[0] - before[0], parameter.data[1] - before[1]],
        fields: numericFields(optimizer),
      });
    }
    optimizer.zeroGrad();
    // Once a run has blown up nothing more is worth drawing; stop early so huge step counts stay fast.
    if (divergedAt !== null && step > divergedAt + 1) break;
  }
  return { status: 'ran', optimizer: plan.run.id, nSteps: plan.nSteps, trajectory, steps, states, last, divergedAt };
}

function run(request: LearnerRequest): LearnerOutcome {
  try {
    return runPlan(planFor(request));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith('not implemented yet') ? { status: 'not-implemented', message } : { status: 'failed', message };
  }
}

self.addEventListener('message', (event: MessageEvent<LearnerRequest[]>) => {
  scope.postMessage(event.data.map(run));
});
scope.postMessage(WORKER_READY);
