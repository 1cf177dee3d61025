// The optimizers course's sandbox drivers: they run the learner's optimizer classes with the grader's own
// training loop on the banana function, and call the learner's search functions with functions the sandbox builds.
// Each returns plain numbers; the suites judge them.
import { defineDrivers, isLearnerThrew, learnerCall, LearnerThrew, type DriverContext } from '../sandbox/driver.js';
import { plainCopy } from '../sandbox/plain-json.js';
import type { Point } from './harness/fixtures.js';
import type { ProbeResponse, ProbeScenario } from './harness/probe-findings.js';
import {
  advance,
  backward,
  startRun,
  stepAndClear,
  type GradedOptimizer,
  type GradedParameter,
  type OptimizerClass,
  type Run,
} from './harness/run-optimizer.js';
import { bowlSteps, seededRandom } from './harness/seeded-random.js';
import { arrayFrom, objectIs, toNumber } from '../sandbox/realm-intrinsics.js';

export interface RunSpec {
  start: Point;
  options: Record<string, number>;
  nSteps: number;
  backwardsPerStep: number;
}

export interface ClassRef {
  module: string;
  exportName: string;
}

/**
 * An argument of a `call`: plain JSON, or a recipe for a function the sandbox builds (functions cannot travel):
 * a seeded random generator, a made-up bowl-shaped cost, or an export of one of the session's modules.
 */
export type Argument =
  | { $function: 'random'; seed: number }
  | { $function: 'bowl'; bestLearningRate: number; bestMomentum: number }
  | { $function: 'export'; module: string; exportName: string }
  | string
  | number
  | boolean
  | null
  | Argument[]
  | { [key: string]: Argument };

/** Longer runs than any suite or probe asks for are refused, so a job cannot keep a sandbox busy by accident. */
const MAX_STEPS = 100_000;

function checkedSteps(n: unknown): number {
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_STEPS)
    throw new Error(`a run needs a whole number of steps from 1 to ${MAX_STEPS}`);
  return n as number;
}

/** Every point of one run of the learner's optimizer. */
function runOne(Optimizer: OptimizerClass, spec: RunSpec): Point[] {
  let run: Run | undefined;
  try {
    run = startRun(Optimizer, spec.start, spec.options);
    const steps = checkedSteps(spec.nSteps);
    for (let i = 0; i < steps; i++) advance(run, spec.backwardsPerStep ?? 1);
    return run.trajectory;
  } catch (error) {
    if (isLearnerThrew(error)) throw error;
    throw new LearnerThrew('the constructor', error, run?.trajectory ?? []);
  }
}

/** The entry an earlier `call` job of challengeEntry() returned, if it is one. */
const entryOf = (context: DriverContext, name: string) =>
  ((context.earlier(name) as { value?: unknown } | undefined)?.value ?? undefined) as
    { optimizer?: unknown; options?: unknown; nSteps?: unknown } | undefined;

/** Builds a call's argument; each function built counts its calls in its own slot of `calls`. */
async function materialise(context: DriverContext, argument: Argument, calls: number[]): Promise<unknown> {
  if (Array.isArray(argument)) return Promise.all(argument.map((a) => materialise(context, a, calls)));
  if (argument === null || typeof argument !== 'object') return argument;
  if (!('$function' in argument)) {
    const entries = await Promise.all(
      Object.entries(argument).map(async ([k, v]) => [k, await materialise(context, v, calls)] as const),
    );
    return Object.fromEntries(entries);
  }
  const slot = calls.push(0) - 1;
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      calls[slot]!++;
      return fn(...args);
    };
  const recipe = argument as Extract<Argument, { $function: string }>;
  if (recipe.$function === 'random') return counted(seededRandom(recipe.seed));
  if (recipe.$function === 'bowl')
    return counted((lr: number, mu: number) => bowlSteps(lr, mu, recipe.bestLearningRate, recipe.bestMomentum));
  return counted((await context.load(recipe.module, recipe.exportName)) as (...args: unknown[]) => unknown);
}

/** The numbers in an array-like the learner's code may have replaced or tampered with; NaN for anything else. */
function readPoint(values: unknown): Point {
  const array = values as ArrayLike<unknown> | null | undefined;
  return [toNumber(array?.[0]), toNumber(array?.[1])];
}

/** Both coordinates the same, NaN included, 0 and −0 apart. */
const samePoint = (a: Point, b: Point): boolean => objectIs(a[0], b[0]) && objectIs(a[1], b[1]);

/** The first `n` entries of whatever the learner's code left in data, as plain numbers. */
function readEntries(values: unknown, n: number): number[] {
  const array = values as ArrayLike<unknown> | null | undefined;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out[i] = toNumber(array?.[i]);
  return out;
}

/** Longer lists than any suite asks for are refused: a parameter here is a handful of numbers. */
const MAX_COORDINATES = 64;

/** Names no plain object answers for itself (JSON.stringify looks for toJSON, await for then). */
const INCIDENTAL_READS = new Set(['toJSON', 'then', 'constructor', '__proto__']);

/**
 * The options the probes give a constructor, watched: every name the learner's code reads that the object does not
 * hold is added to `unknown` (a misspelt or renamed option reads undefined, and the steps it feeds are NaN).
 */
function watchedOptions(options: Record<string, number>, unknown: Set<string>): Record<string, number> {
  return new Proxy(
    { ...options },
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && !(key in target) && !INCIDENTAL_READS.has(key)) unknown.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    },
  );
}

/**
 * The arrays of two numbers an optimizer keeps in its own fields, or one level down (this.state = { a, r }), other
 * than the parameter's data and grad: its running averages, to compare with a fitted rule's. Fields written
 * this.#a are invisible here; a field that throws when read shows nothing.
 */
function keptArrays(optimizer: GradedOptimizer, parameter: GradedParameter): number[][] {
  const out: number[][] = [];
  const visit = (value: unknown, depth: number): void => {
    if (value === parameter.data || value === parameter.grad || value === null || typeof value !== 'object') return;
    const list = value as ArrayLike<unknown>;
    const arrays = Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');
    if (arrays) {
      // this.state = [a, r]: the arrays inside are the averages.
      if (depth === 0) for (const inner of value as unknown[]) visit(inner, 1);
    } else if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
      if (list.length === 2) out.push([toNumber(list[0]), toNumber(list[1])]);
    } else if (depth === 0) for (const inner of Object.values(value)) visit(inner, 1);
  };
  try {
    for (const value of Object.values(optimizer)) visit(value, 0);
    return out;
  } catch {
    return [];
  }
}

/** The instance's own numbers and kept arrays (its averages, a step count), as one comparable string. */
function keptNumbers(optimizer: GradedOptimizer, parameter: GradedParameter): string {
  try {
    const numbers = Object.entries(optimizer).filter(([, v]) => typeof v === 'number');
    const arrays = keptArrays(optimizer, parameter).map((pair) => pair.join(','));
    return `${numbers.map(([k, v]) => `${k}=${String(v)}`).join(',')}|${arrays.join(';')}`;
  } catch {
    return '';
  }
}

/**
 * One probe scenario (see fixtures/generate.py): instances created and stepped with gradients set directly, no loss.
 * The parameters after every step, and whether step() changed the grad array it was given; null when the learner's
 * code threw (its regular tests say what it threw).
 */
function probeOne(Optimizer: OptimizerClass, scenario: ProbeScenario): ProbeResponse | null {
  const parameters: GradedParameter[] = [];
  const optimizers: GradedOptimizer[] = [];
  const response: ProbeResponse = { points: [], gradChanged: false, states: [] };
  const unknown = new Set<string>();
  try {
    for (const action of scenario.actions) {
      if (action.create !== undefined) {
        const parameter: GradedParameter = { data: Float64Array.from(scenario.starts[action.create]!), grad: null };
        if (action.grad) parameter.grad = Float64Array.from(action.grad);
        parameters[action.create] = parameter;
        optimizers[action.create] = new Optimizer(parameter, watchedOptions(scenario.options, unknown));
        continue;
      }
      const i = action.step!;
      const parameter = parameters[i]!;
      if (action.grad) {
        if (action.mode === 'inPlace' && parameter.grad instanceof Float64Array && parameter.grad.length === 2)
          parameter.grad.set(action.grad);
        else parameter.grad = Float64Array.from(action.grad);
      }
      // Written entry by entry: the learner's code may have put an array of another kind in data.
      if (action.data) [parameter.data[0], parameter.data[1]] = action.data;
      const given = parameter.grad;
      const before = readPoint(given);
      optimizers[i]!.step();
      const after = readPoint(given);
      if (given && !samePoint(before, after)) response.gradChanged = true;
      response.points.push(readPoint(parameter.data));
      response.states!.push(keptArrays(optimizers[i]!, parameter));
      if (action.mode === 'new') {
        // What zeroGrad() touches besides grad: θ, or the optimizer's own numbers (its averages, its step count).
        const [dataBefore, stateBefore] = [readPoint(parameter.data), keptNumbers(optimizers[i]!, parameter)];
        optimizers[i]!.zeroGrad();
        if (!samePoint(dataBefore, readPoint(parameter.data)))
          response.zeroGradChanged = { ...response.zeroGradChanged, data: true };
        if (stateBefore !== keptNumbers(optimizers[i]!, parameter))
          response.zeroGradChanged = { ...response.zeroGradChanged, state: true };
      }
    }
    return unknown.size > 0 ? { ...response, unknownOptions: [...unknown] } : response;
  } catch {
    return null;
  }
}

export default defineDrivers({
  /**
   * The learner's optimizer on controlled inputs, without the loss: each scenario sets grad directly and reads data
   * after every step(). Plain numbers only; what they mean is decided outside the sandbox (harness/probe-findings.ts).
   */
  async probe(input: ClassRef & { scenarios: ProbeScenario[] }, context): Promise<Array<ProbeResponse | null>> {
    const Optimizer = (await context.load(input.module, input.exportName)) as OptimizerClass;
    return input.scenarios.map((scenario) => probeOne(Optimizer, scenario));
  },

  /**
   * The learner's optimizer on a parameter of any length, fed the given gradients (no loss): each one added into
   * grad as a backward pass would, then step() and zeroGrad(); θ after every step.
   */
  async fedGradients(
    input: ClassRef & { start: number[]; gradients: number[][]; options: Record<string, number> },
    context,
  ): Promise<number[][]> {
    const n = input.start.length;
    if (n < 1 || n > MAX_COORDINATES || input.gradients.some((g) => g.length !== n))
      throw new Error(`a fed run needs 1 to ${MAX_COORDINATES} coordinates, and gradients as long as the start`);
    checkedSteps(input.gradients.length);
    const Optimizer = (await context.load(input.module, input.exportName)) as OptimizerClass;
    const { parameter, optimizer } = startRun(Optimizer, input.start, input.options);
    const points: number[][] = [];
    input.gradients.forEach((g, k) => {
      const grad = (parameter.grad ??= new Float64Array(n));
      for (let i = 0; i < n; i++) grad[i] += g[i]!;
      stepAndClear(optimizer, k + 1, points);
      points.push(readEntries(parameter.data, n));
    });
    return points;
  },

  /** One optimizer's run; with `ifChosen`, only when the named challenge entry picks that optimizer (else null). */
  async trajectory(
    input: ClassRef & { run: RunSpec; ifChosen?: { entry: string; optimizer: string } },
    context,
  ): Promise<Point[] | null> {
    // Only the chosen optimizer runs: another one's endless loop must not cost the challenge.
    if (input.ifChosen && entryOf(context, input.ifChosen.entry)?.optimizer !== input.ifChosen.optimizer) return null;
    return runOne((await context.load(input.module, input.exportName)) as OptimizerClass, input.run);
  },

  /** Several instances stepping in turn, one step each per round: shared state shows. */
  async interleaved(input: ClassRef & { runs: RunSpec[]; rounds: number }, context): Promise<Point[][]> {
    const Optimizer = (await context.load(input.module, input.exportName)) as OptimizerClass;
    const runs: Run[] = [];
    const trajectories = () => runs.map((r) => r.trajectory);
    try {
      for (const spec of input.runs) runs.push(startRun(Optimizer, spec.start, spec.options));
      const rounds = checkedSteps(input.rounds);
      for (let round = 0; round < rounds; round++)
        runs.forEach((run, i) => advance(run, input.runs[i]!.backwardsPerStep ?? 1));
      return trajectories();
    } catch (error) {
      if (isLearnerThrew(error)) throw new LearnerThrew(error.during, error.cause, trajectories());
      throw new LearnerThrew('the constructor', error, trajectories());
    }
  },

  /** One step, one more backward pass, then zeroGrad(): what is left in grad. */
  async gradAfterZero(input: ClassRef & { run: RunSpec }, context): Promise<number[] | null> {
    const run = startRun(
      (await context.load(input.module, input.exportName)) as OptimizerClass,
      input.run.start,
      input.run.options,
    );
    advance(run, input.run.backwardsPerStep ?? 1);
    backward(run.parameter);
    learnerCall('zeroGrad()', () => run.optimizer.zeroGrad());
    const grad = run.parameter.grad as ArrayLike<unknown> | null;
    return grad === null ? null : arrayFrom(grad, toNumber);
  },

  /** Calls an exported function: its result, as JSON, and how often the functions passed to it were called. */
  async call(input: ClassRef & { args?: Argument[] }, context): Promise<{ value: unknown; calls: number[] }> {
    const exported = (await context.load(input.module, input.exportName)) as (...args: unknown[]) => unknown;
    const calls: number[] = [];
    const args = await Promise.all((input.args ?? []).map((argument) => materialise(context, argument, calls)));
    const value = learnerCall(
      `${input.exportName}()`,
      () => exported(...args),
      () => ({ value: null, calls }),
    );
    // The value leaves as JSON, read here, so that a value JSON cannot carry throws in the learner's name.
    const plain = learnerCall(`${input.exportName}()`, () => plainCopy(value));
    return { value: plain, calls };
  },

  /**
   * Runs the challenge entry an earlier `call` job returned ({ optimizer, options, nSteps }) with the optimizer it
   * names, so that a challenge needs one sandbox run, not two.
   */
  async entryRun(
    input: { entry: string; optimizers: Record<string, ClassRef>; start: Point; maxSteps: number },
    context,
  ): Promise<Point[]> {
    const entry = entryOf(context, input.entry);
    const chosen = typeof entry?.optimizer === 'string' ? input.optimizers[entry.optimizer] : undefined;
    const nSteps = entry?.nSteps;
    const usable =
      chosen &&
      typeof entry?.options === 'object' &&
      entry.options !== null &&
      Number.isInteger(nSteps) &&
      (nSteps as number) >= 1 &&
      (nSteps as number) <= input.maxSteps;
    if (!usable) throw new LearnerThrew('the entry', new Error('the entry cannot be run'), []);
    const Optimizer = (await context.load(chosen.module, chosen.exportName)) as OptimizerClass;
    const options = entry.options as Record<string, number>;
    return runOne(Optimizer, { start: input.start, options, nSteps: nSteps as number, backwardsPerStep: 1 });
  },
});
