// Runs inside the sandboxed child process: imports the learner's bundled modules and executes the grader's jobs
// with the grader's own training loop, then writes plain results to fd 3. Nothing here decides a verdict.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  advance,
  backward,
  startRun,
  LearnerThrew,
  type GradedOptimizer,
  type OptimizerClass,
  type Run,
} from '../harness/run-optimizer.js';
import { bowlSteps, seededRandom } from '../harness/seeded-random.js';
import { withdrawGlobals } from './runner-guards.js';
import {
  decodeNumbers,
  encodeNumbers,
  type Argument,
  type Job,
  type JobResult,
  type LearnerFailure,
  type SandboxRequest,
} from './sandbox-protocol.js';

const RESULTS_FD = 3;
// Taken before learner code can replace anything.
const write = writeSync.bind(null, RESULTS_FD);
const stringify = JSON.stringify;
const send = (line: object): void => void write(`${stringify(line, encodeNumbers)}\n`);

function learnerFrame(error: unknown): string | undefined {
  const stack = error instanceof Error ? String(error.stack ?? '') : '';
  const frame = stack.split('\n').find((line) => /\.ts:\d+:\d+\)?\s*$/.test(line) && !line.includes('/grader/'));
  const match = frame && /([^\s(/]+\.ts):(\d+):\d+\)?\s*$/.exec(frame);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

function failure(during: string, error: unknown): LearnerFailure {
  const cause = error instanceof LearnerThrew ? error.cause : error;
  const message =
    cause instanceof Error ? `${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}` : String(cause);
  return { during: error instanceof LearnerThrew ? error.during : during, message, where: learnerFrame(cause) };
}

async function load(request: SandboxRequest, name: string, exportName: string): Promise<unknown> {
  const file = request.modules[name];
  if (file === undefined) throw new Error(`it is not available`);
  const module = (await import(pathToFileURL(join(request.folder ?? '.', file)).href)) as Record<string, unknown>;
  return module[exportName];
}

/** The optimizer an earlier `call` job's entry names, if any. */
function chosenOptimizer(results: JobResult[], entryJob: number): unknown {
  const called = results[entryJob];
  return called?.kind === 'value' ? (called.value as { optimizer?: unknown } | null)?.optimizer : undefined;
}

/** The job an `entry-run` stands for, built from the entry an earlier job returned; null when the entry is unusable. */
function entryJob(job: Extract<Job, { kind: 'entry-run' }>, results: JobResult[]): Job | null {
  const called = results[job.entryJob];
  const entry = (called?.kind === 'value' ? called.value : undefined) as
    { optimizer?: unknown; options?: unknown; nSteps?: unknown } | undefined;
  const chosen = typeof entry?.optimizer === 'string' ? job.optimizers[entry.optimizer] : undefined;
  const nSteps = entry?.nSteps;
  if (
    !chosen ||
    typeof entry?.options !== 'object' ||
    entry.options === null ||
    typeof nSteps !== 'number' ||
    !Number.isInteger(nSteps) ||
    nSteps < 1 ||
    nSteps > job.maxSteps
  )
    return null;
  return {
    kind: 'trajectory',
    ...chosen,
    run: { start: job.start, options: entry.options as Record<string, number>, nSteps, backwardsPerStep: 1 },
  };
}

/** Builds a call's argument; each function built counts its calls in its own slot of `calls`. */
async function materialise(request: SandboxRequest, argument: Argument, calls: number[]): Promise<unknown> {
  if (Array.isArray(argument)) return Promise.all(argument.map((a) => materialise(request, a, calls)));
  if (argument === null || typeof argument !== 'object') return argument;
  if (!('$function' in argument)) {
    const entries = await Promise.all(
      Object.entries(argument).map(async ([k, v]) => [k, await materialise(request, v, calls)] as const),
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
  return counted((await load(request, recipe.module, recipe.exportName)) as (...args: unknown[]) => unknown);
}

async function runJob(request: SandboxRequest, job: Job, results: JobResult[]): Promise<JobResult> {
  // Only the chosen optimizer runs: another one's endless loop must not cost the challenge.
  if (
    job.kind === 'trajectory' &&
    job.ifChosen &&
    chosenOptimizer(results, job.ifChosen.entryJob) !== job.ifChosen.optimizer
  )
    return { kind: 'skipped' };
  if (job.kind === 'entry-run') {
    const concrete = entryJob(job, results);
    return concrete
      ? runJob(request, concrete, results)
      : { kind: 'trajectory', trajectory: [], failure: { during: 'the entry', message: 'the entry cannot be run' } };
  }
  let exported: unknown;
  try {
    exported = await load(request, job.module, job.exportName);
  } catch (error) {
    const result = failure(`loading ${job.module}`, error);
    return job.kind === 'trajectory'
      ? { kind: 'trajectory', trajectory: [], failure: result }
      : job.kind === 'interleaved'
        ? { kind: 'trajectories', trajectories: [], failure: result }
        : job.kind === 'grad-after-zero'
          ? { kind: 'grad', grad: null, failure: result }
          : { kind: 'value', value: undefined, failure: result };
  }
  if (job.kind === 'call') {
    const calls: number[] = [];
    try {
      const args = await Promise.all((job.args ?? []).map((argument) => materialise(request, argument, calls)));
      const value = (exported as (...args: unknown[]) => unknown)(...args);
      return { kind: 'value', value: JSON.parse(JSON.stringify(value, encodeNumbers) ?? 'null'), calls };
    } catch (error) {
      return { kind: 'value', value: undefined, calls, failure: failure(`${job.exportName}()`, error) };
    }
  }
  const Optimizer = exported as OptimizerClass;
  if (job.kind === 'trajectory') {
    let run: Run | undefined;
    try {
      run = startRun(Optimizer, job.run.start, job.run.options);
      for (let i = 0; i < job.run.nSteps; i++) advance(run, job.run.backwardsPerStep);
      return { kind: 'trajectory', trajectory: run.trajectory };
    } catch (error) {
      return { kind: 'trajectory', trajectory: run?.trajectory ?? [], failure: failure('the constructor', error) };
    }
  }
  if (job.kind === 'interleaved') {
    const runs: Run[] = [];
    try {
      for (const spec of job.runs) runs.push(startRun(Optimizer, spec.start, spec.options));
      for (let round = 0; round < job.rounds; round++)
        runs.forEach((run, i) => advance(run, job.runs[i]!.backwardsPerStep));
      return { kind: 'trajectories', trajectories: runs.map((r) => r.trajectory) };
    } catch (error) {
      return {
        kind: 'trajectories',
        trajectories: runs.map((r) => r.trajectory),
        failure: failure('the constructor', error),
      };
    }
  }
  try {
    const run = startRun(Optimizer, job.run.start, job.run.options);
    advance(run, job.run.backwardsPerStep);
    backward(run.parameter);
    const optimizer: GradedOptimizer = run.optimizer;
    try {
      optimizer.zeroGrad();
    } catch (error) {
      throw new LearnerThrew('zeroGrad()', error);
    }
    return { kind: 'grad', grad: run.parameter.grad === null ? null : Array.from(run.parameter.grad) };
  } catch (error) {
    return { kind: 'grad', grad: null, failure: failure('the constructor', error) };
  }
}

async function readRequest(): Promise<SandboxRequest> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  return JSON.parse(input, decodeNumbers) as SandboxRequest;
}

async function main(request: SandboxRequest): Promise<void> {
  const results: JobResult[] = [];
  for (const job of request.jobs) {
    results.push(await runJob(request, job, results));
    // Each result goes out as soon as it exists: a later job that hangs must not cost the earlier ones.
    send({ kind: 'result', index: results.length - 1, result: results[results.length - 1] });
  }
}

// Booted: the grader now knows that this Node.js version and system can run a sandbox at all.
send({ kind: 'ready' });
const request = await readRequest();
withdrawGlobals();
await main(request);
