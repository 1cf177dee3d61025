// Reads an exercise's reveal probe ([[exercises.reveal]] in info.toml): the sandbox jobs whose results, computed
// by a passing implementation, make the key that unlocks the exercise's official solution.
import type { Argument, Job, RunSpec } from '../sandbox/sandbox-protocol.js';

/** Says what is wrong where (`where` is relative to the probe, e.g. "job 2 run.start"); never returns. */
export type Problem = (where: string, problem: string) => never;

const MAX_STEPS = 10_000;
const MAX_BACKWARDS = 10;
const KINDS = ['trajectory', 'interleaved', 'grad-after-zero', 'call'] as const;
const KEYS: Record<(typeof KINDS)[number], string[]> = {
  trajectory: ['kind', 'module', 'exportName', 'run'],
  interleaved: ['kind', 'module', 'exportName', 'runs', 'rounds'],
  'grad-after-zero': ['kind', 'module', 'exportName', 'run'],
  call: ['kind', 'module', 'exportName', 'args'],
};

// TOML tables may come without a prototype; dates are objects too, and no argument a sandbox can carry.
const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;

function runSpec(raw: unknown, where: string, problem: Problem, defaultSteps?: number): RunSpec {
  if (!isTable(raw)) problem(where, 'expected a table { start, options, nSteps, backwardsPerStep }');
  for (const key of Object.keys(raw)) {
    if (!['start', 'options', 'nSteps', 'backwardsPerStep'].includes(key))
      problem(`${where}.${key}`, 'unknown key (a run has start, options, nSteps and backwardsPerStep)');
  }
  const { start, options, nSteps = defaultSteps, backwardsPerStep = 1 } = raw;
  if (!Array.isArray(start) || start.length !== 2 || !start.every(isFiniteNumber))
    problem(`${where}.start`, `expected a point [x, y], found ${JSON.stringify(start)}`);
  if (!isTable(options) || !Object.values(options).every(isFiniteNumber))
    problem(`${where}.options`, 'expected a table of finite numbers, e.g. { learningRate = 0.001 }');
  if (!isCount(nSteps, MAX_STEPS))
    problem(
      `${where}.nSteps`,
      `expected a whole number of steps from 1 to ${MAX_STEPS}, found ${JSON.stringify(nSteps)}`,
    );
  if (!isCount(backwardsPerStep, MAX_BACKWARDS))
    problem(
      `${where}.backwardsPerStep`,
      `expected a whole number from 1 to ${MAX_BACKWARDS}, found ${JSON.stringify(backwardsPerStep)}`,
    );
  return { start: [start[0], start[1]], options: { ...options } as Record<string, number>, nSteps, backwardsPerStep };
}

/** A call's argument: plain data, or one of the functions the sandbox knows how to build. */
function argument(raw: unknown, where: string, problem: Problem): Argument {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map((a, i) => argument(a, `${where}[${i}]`, problem));
  if (!isTable(raw)) problem(where, `expected plain data (numbers, strings, lists, tables), found ${String(raw)}`);
  if (!('$function' in raw))
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, argument(v, `${where}.${k}`, problem)]));
  const recipe = raw.$function;
  if (recipe === 'random' && Number.isInteger(raw.seed)) return { $function: 'random', seed: raw.seed as number };
  if (recipe === 'bowl' && isFiniteNumber(raw.bestLearningRate) && isFiniteNumber(raw.bestMomentum)) {
    return { $function: 'bowl', bestLearningRate: raw.bestLearningRate, bestMomentum: raw.bestMomentum };
  }
  if (recipe === 'export' && typeof raw.module === 'string' && typeof raw.exportName === 'string')
    return { $function: 'export', module: raw.module, exportName: raw.exportName };
  return problem(
    where,
    'a function argument is { "$function" = "random", seed = N }, { "$function" = "bowl", bestLearningRate = α, bestMomentum = μ } ' +
      'or { "$function" = "export", module = "file.ts", exportName = "name" }',
  );
}

function job(raw: unknown, where: string, files: string[], problem: Problem): Job {
  if (!isTable(raw)) problem(where, 'expected a table describing one sandbox job');
  const kind = raw.kind;
  if (kind === 'entry-run' || 'ifChosen' in raw) {
    problem(
      where,
      'a job that runs what the learner chose gives results that differ between learners; a probe needs results every passing implementation shares',
    );
  }
  if (!KINDS.includes(kind as (typeof KINDS)[number]))
    problem(`${where}.kind`, `expected one of ${KINDS.map((k) => `"${k}"`).join(', ')}, found ${JSON.stringify(kind)}`);
  const known = KEYS[kind as (typeof KINDS)[number]];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      problem(`${where}.${key}`, `unknown key for a "${String(kind)}" job (it takes ${known.join(', ')})`);
  const module = raw.module;
  if (typeof module !== 'string' || !files.includes(module))
    problem(
      `${where}.module`,
      `expected one of the exercise's own files (${files.join(', ')}), found ${JSON.stringify(module)}`,
    );
  const exportName = raw.exportName;
  if (typeof exportName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(exportName))
    problem(`${where}.exportName`, `expected the name of an export, found ${JSON.stringify(exportName)}`);
  if (kind === 'call') {
    const args = raw.args ?? [];
    if (!Array.isArray(args)) problem(`${where}.args`, 'expected a list of arguments');
    return { kind, module, exportName, args: args.map((a, i) => argument(a, `${where}.args[${i}]`, problem)) };
  }
  if (kind === 'interleaved') {
    const rounds = raw.rounds;
    if (!isCount(rounds, MAX_STEPS))
      problem(
        `${where}.rounds`,
        `expected a whole number of rounds from 1 to ${MAX_STEPS}, found ${JSON.stringify(rounds)}`,
      );
    if (!Array.isArray(raw.runs) || raw.runs.length === 0)
      problem(`${where}.runs`, 'expected a non-empty list of runs');
    return {
      kind,
      module,
      exportName,
      rounds,
      runs: raw.runs.map((r, i) => runSpec(r, `${where}.runs[${i}]`, problem, rounds)),
    };
  }
  return {
    kind: kind as 'trajectory' | 'grad-after-zero',
    module,
    exportName,
    run: runSpec(raw.run, `${where}.run`, problem),
  };
}

/**
 * The probe's jobs, in order; none when the exercise has no probe. One `[exercises.reveal]` table is one job;
 * `[[exercises.reveal]]` tables are several. Jobs may only run the exercise's own `files`.
 */
export function parseRevealProbe(raw: unknown, files: string[], problem: Problem): Job[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) problem('', 'expected at least one job; leave the key out when there is no probe');
  return list.map((entry, i) => job(entry, `job ${i + 1}`, files, problem));
}

/** The learner files a probe's jobs load (the modules they run and the exports they pass as arguments). */
export function probeModules(jobs: readonly Job[]): string[] {
  const modules = new Set<string>();
  const visit = (a: Argument): void => {
    if (Array.isArray(a)) a.forEach(visit);
    else if (a !== null && typeof a === 'object') {
      if (!('$function' in a)) Object.values(a).forEach(visit);
      else if (a.$function === 'export') modules.add(String(a.module));
    }
  };
  for (const j of jobs) {
    if ('module' in j) modules.add(j.module);
    if (j.kind === 'call') (j.args ?? []).forEach(visit);
  }
  return [...modules];
}
