// Runs one request on the learner's own optimizer classes from exercises/optimizers, with a look at the inner
// state around each step. Used by the worker (exercise pages) and, under a loop guard, by the playground itself.
// Each learner module loads on its own, so a broken adam.ts still lets the learner's SGD run.
import { BANANA_START } from '../../../../exercises/optimizers/banana.js';
import { backward, type Objective } from '../../../../exercises/optimizers/objective.js';
import { createParameter, type Parameter } from '../../../../exercises/optimizers/parameter.js';
import type { Optimizer } from '../../../../exercises/optimizers/train.js';
import { DEMO_STEPS, demoRun, isOptimizerId, type DemoRun, type OptimizerId, type Point } from '../shared/demo-runs.js';
import { objectiveById } from '../shared/objectives.js';
import type { LearnerOutcome, LearnerRequest } from './learner-protocol.js';
import { StillRunning } from '../../../../site/client/loop-guard.js';
import { StepStateRecorder } from './step-states.js';

type OptimizerClass = new (parameter: Parameter, options: never) => Optimizer;
type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

/** The learner's modules, each loaded or with the reason it could not be. */
export interface LearnerModules {
  optimizers: Record<OptimizerId, Loaded<OptimizerClass>>;
  challengeEntry: Loaded<() => unknown>;
}

/** The learner's exported class or function `name` from `file`. */
async function loadExport<T>(
  file: string,
  name: string,
  load: () => Promise<Record<string, unknown>>,
): Promise<Loaded<T>> {
  try {
    const module = await load();
    if (typeof module[name] !== 'function')
      return { ok: false, message: `exercises/optimizers/${file} has no exported ${name}: export it under that name` };
    return { ok: true, value: module[name] as T };
  } catch (error) {
    return {
      ok: false,
      message: `exercises/optimizers/${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Loads every learner module the runs use; never rejects. */
export async function loadLearnerModules(): Promise<LearnerModules> {
  const [sgd, momentum, rmsprop, adam, challengeEntry] = await Promise.all([
    loadExport<OptimizerClass>('sgd.ts', 'SGD', () => import('../../../../exercises/optimizers/sgd.js')),
    loadExport<OptimizerClass>('momentum.ts', 'Momentum', () => import('../../../../exercises/optimizers/momentum.js')),
    loadExport<OptimizerClass>('rmsprop.ts', 'RMSprop', () => import('../../../../exercises/optimizers/rmsprop.js')),
    loadExport<OptimizerClass>('adam.ts', 'Adam', () => import('../../../../exercises/optimizers/adam.js')),
    loadExport<() => unknown>(
      'challenge.ts',
      'challengeEntry',
      () => import('../../../../exercises/optimizers/challenge.js'),
    ),
  ]);
  return { optimizers: { sgd, momentum, rmsprop, adam }, challengeEntry };
}

function loaded<T>(module: Loaded<T>): T {
  if (!module.ok) throw new Error(module.message);
  return module.value;
}

const MAX_POINTS = 2000;

interface Plan {
  run: DemoRun;
  objective: Objective;
  start: Point;
  nSteps: number;
}

function learnerOptimizer(modules: LearnerModules, run: DemoRun, parameter: Parameter): Optimizer {
  const Optimizer = loaded(modules.optimizers[run.id]);
  return new Optimizer(parameter, run.options as never);
}

const banana = objectiveById('banana');
const bananaStart: Point = [BANANA_START[0], BANANA_START[1]];

function challengePlan(modules: LearnerModules): Plan {
  const entry: unknown = loaded(modules.challengeEntry)();
  const { optimizer, options, nSteps } = (entry ?? {}) as { optimizer?: unknown; options?: unknown; nSteps?: unknown };
  if (typeof optimizer !== 'string' || !isOptimizerId(optimizer)) {
    throw new Error(
      `challengeEntry() must name an optimizer ('sgd', 'momentum', 'rmsprop' or 'adam'), not ${JSON.stringify(optimizer)}`,
    );
  }
  if (typeof nSteps !== 'number' || !Number.isInteger(nSteps) || nSteps < 1) {
    throw new Error(`challengeEntry() must give nSteps as a whole number of at least 1, not ${JSON.stringify(nSteps)}`);
  }
  if (typeof options !== 'object' || options === null)
    throw new Error('challengeEntry() must give the optimizer its options');
  return { run: { id: optimizer, name: optimizer, options } as DemoRun, objective: banana, start: bananaStart, nSteps };
}

function planFor(modules: LearnerModules, request: LearnerRequest): Plan {
  switch (request.kind) {
    case 'demo':
      return { run: demoRun(request.optimizer), objective: banana, start: bananaStart, nSteps: DEMO_STEPS };
    case 'challenge':
      return challengePlan(modules);
    case 'custom':
      return {
        run: { id: request.optimizer, name: request.optimizer, options: request.options } as DemoRun,
        objective: typeof request.objective === 'string' ? objectiveById(request.objective) : request.objective,
        start: request.start,
        nSteps: request.nSteps,
      };
  }
}

/**
 * The training loop of exercises/optimizers/train.ts (record θ, backward, step, zeroGrad), with a look at the
 * gradient, the update and the optimizer's fields around each step, for the inner-state panel.
 */
function runPlan(modules: LearnerModules, plan: Plan): Extract<LearnerOutcome, { status: 'ran' }> {
  const parameter = createParameter(plan.start);
  const optimizer = learnerOptimizer(modules, plan.run, parameter);
  const keepStates = plan.nSteps <= MAX_POINTS;
  const stride = keepStates ? 1 : Math.ceil(plan.nSteps / MAX_POINTS);
  const trajectory: Point[] = [];
  const steps: number[] = [];
  const states = new StepStateRecorder(keepStates ? plan.nSteps : 0);
  let divergedAt: number | null = null;
  let last: Point = [plan.start[0], plan.start[1]];
  // Reused every step (the recorder copies them), so a run of thousands of steps allocates no more than its points.
  const gradient = [NaN, NaN];
  const update: [number, number] = [NaN, NaN];
  for (let step = 0; step < plan.nSteps; step++) {
    const before: Point = [parameter.data[0], parameter.data[1]];
    last = before;
    if (divergedAt === null && !(Number.isFinite(before[0]) && Number.isFinite(before[1]))) divergedAt = step;
    const kept = step % stride === 0 || step === plan.nSteps - 1;
    if (kept) {
      trajectory.push(before);
      steps.push(step);
    }
    backward(plan.objective, parameter);
    // Read before step(), which may change the gradient the learner's code holds.
    gradient[0] = parameter.grad?.[0] ?? NaN;
    gradient[1] = parameter.grad?.[1] ?? NaN;
    optimizer.step();
    if (keepStates) {
      update[0] = parameter.data[0] - before[0];
      update[1] = parameter.data[1] - before[1];
      states.record(gradient, update, optimizer);
    }
    optimizer.zeroGrad();
    // Once a run has blown up nothing more is worth drawing; stop early so huge step counts stay fast.
    if (divergedAt !== null && step > divergedAt + 1) break;
  }
  return {
    status: 'ran',
    optimizer: plan.run.id,
    nSteps: plan.nSteps,
    trajectory,
    steps,
    states: states.finish(),
    last,
    divergedAt,
  };
}

/** One request's outcome; whatever the learner's code throws becomes a 'failed' (or 'not-implemented') outcome. */
export function runRequest(modules: LearnerModules, request: LearnerRequest): LearnerOutcome {
  try {
    return runPlan(modules, planFor(modules, request));
  } catch (error) {
    if (error instanceof StillRunning) return { status: 'timed-out', afterMs: error.afterMs };
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith('not implemented yet')
      ? { status: 'not-implemented', message }
      : { status: 'failed', message };
  }
}
