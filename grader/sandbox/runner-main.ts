// Runs inside the sandboxed child process: loads the course's drivers and the learner's bundled modules, runs
// each job's driver and writes plain results to fd 3, one line per job, as soon as each exists. Nothing here
// decides a verdict. Sessions arrive one JSON line at a time on stdin; after each, the runner says whether the
// session left the process as it found it (no timer or handle open, no built-in changed), and only then may the
// grader send the same submission's next session here.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinDrivers } from './builtin-drivers.js';
import { isLearnerThrew, LearnerThrew, type DriverContext, type Drivers } from './driver.js';
import { learnerPrints, realmFingerprint, sameFingerprint, withdrawGlobals } from './runner-guards.js';
import { plainCopy, plainJson } from './plain-json.js';
import {
  decodeNumbers,
  type Job,
  type JobResult,
  type LearnerFailure,
  type SandboxRequest,
} from './sandbox-protocol.js';

const RESULTS_FD = 3;
// Taken before learner code can replace anything; plainJson takes its own.
const write = writeSync.bind(null, RESULTS_FD);
const parse = JSON.parse;
const { hasOwn } = Object;
const send = (line: object): void => void write(`${plainJson(line)}\n`);
// Also taken before learner code runs: `process` is withdrawn from it (runner-guards.ts).
const stdin = process.stdin;
// Opened now, not at a learner's first print or Node.js's first warning: a pipe opened during a session would keep
// its process from being reused (the runner would find a handle that was not there before).
const prints = learnerPrints(process.stdout, import.meta.dirname);
void process.stderr;
const activeResources = process.getActiveResourcesInfo.bind(process);
// The global may be replaced by learner code; this one is the realm's own.
const RealmPromise = Promise;

function learnerFrame(error: unknown): string | undefined {
  const stack = error instanceof Error ? String(error.stack ?? '') : '';
  const frame = stack.split('\n').find((line) => /\.ts:\d+:\d+\)?\s*$/.test(line) && !line.includes('/grader/'));
  const match = frame && /([^\s(/]+\.ts):(\d+):\d+\)?\s*$/.exec(frame);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** The learner's module loaded, but has no export of the name the grader imports (a renamed class, say). */
class MissingExport extends Error {
  constructor(
    readonly file: string,
    readonly exportName: string,
    readonly exported: string[],
  ) {
    super(`${file} has no export named ${exportName}`);
  }
}

function failure(error: unknown): LearnerFailure {
  if (error instanceof MissingExport)
    return {
      during: `loading ${error.file}`,
      message: error.message,
      missingExport: { file: error.file, name: error.exportName, exported: error.exported },
    };
  const threw = isLearnerThrew(error);
  const cause = threw ? error.cause : error;
  const message =
    cause instanceof Error ? `${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}` : String(cause);
  const during = threw ? String(error.during) : 'the grader’s driver';
  const where = learnerFrame(cause);
  return where ? { during, message, where } : { during, message };
}

/** A learner's thrown value may have throwing getters: describing it must not end the run. */
function safely<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

function context(request: SandboxRequest, outputs: Record<string, unknown>): DriverContext {
  return {
    async load(name, exportName) {
      const file = request.modules[name];
      let module: Record<string, unknown>;
      try {
        if (file === undefined) throw new Error('it is not available');
        module = (await import(pathToFileURL(join(request.folder ?? '.', file)).href)) as Record<string, unknown>;
      } catch (error) {
        throw new LearnerThrew(`loading ${name}`, error);
      }
      if (!Object.hasOwn(module, exportName)) throw new MissingExport(name, exportName, Object.keys(module));
      return module[exportName];
    },
    earlier: (name) => (hasOwn(outputs, name) ? outputs[name] : undefined),
  };
}

/** Each drivers file once: a course's drivers are the same for every session of a process. */
const loadedDrivers = new Map<string, Drivers>();

async function driversOf(request: SandboxRequest): Promise<Drivers> {
  let drivers = loadedDrivers.get(request.drivers);
  if (!drivers) {
    const course = (
      (await import(pathToFileURL(join(request.folder ?? '.', request.drivers)).href)) as { default: Drivers }
    ).default;
    // A course's own driver of the same name wins.
    drivers = { ...builtinDrivers, ...course };
    loadedDrivers.set(request.drivers, drivers);
  }
  return drivers;
}

/** The result with what the job's code printed, if it printed anything and the job is not a hidden test's. */
function withPrints(job: Job, result: JobResult): JobResult {
  const printed = prints.take();
  return printed === '' || job.hidden === true ? result : { ...result, printed };
}

async function runSession(request: SandboxRequest, drivers: Drivers): Promise<void> {
  // With no prototype: a later job's driver reads what an earlier one measured, whatever Map's methods are by then.
  const outputs: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const ctx = context(request, outputs);
  prints.take(); // anything printed between sessions belongs to none of this one's jobs
  for (const job of request.jobs) {
    let result: JobResult;
    try {
      const driver = drivers[job.driver];
      if (typeof driver !== 'function') throw new Error(`the course has no sandbox driver "${job.driver}"`);
      const output = plainCopy(await driver(job.input, ctx));
      outputs[job.name] = output;
      result = withPrints(job, { output });
    } catch (error) {
      const problem = safely(() => failure(error), { during: 'the grader’s driver', message: 'unreadable error' });
      const partial = safely(() => (isLearnerThrew(error) ? plainCopy(error.partial) : undefined), undefined);
      // Built whole: an assignment would call a setter the learner's code put on Object.prototype.
      result = withPrints(job, partial === undefined ? { failure: problem } : { failure: problem, output: partial });
    }
    // Each result goes out as soon as it exists: a later job that hangs must not cost the earlier ones.
    send({ kind: 'result', name: job.name, result });
  }
}

/** The sessions, one JSON line each, as they arrive; ends when the grader closes stdin. */
async function* requests(): AsyncGenerator<SandboxRequest> {
  let pending = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    pending += chunk as string;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      yield parse(pending.slice(0, newline), decodeNumbers) as SandboxRequest;
      pending = pending.slice(newline + 1);
    }
  }
}

/** What keeps the event loop busy, by kind; a close under way is none of the learner's doing. */
const busyWith = (): Map<string, number> => {
  const kinds = new Map<string, number>();
  for (const kind of activeResources()) if (kind !== 'CloseReq') kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  return kinds;
};
/** Nothing is open now that was not open when the runner sat waiting for its first session. */
const noMoreThan = (idle: Map<string, number>, now: Map<string, number>): boolean =>
  [...now].every(([kind, count]) => count <= (idle.get(kind) ?? 0));

// Booted: the grader now knows that this Node.js version and system can run a sandbox at all.
send({ kind: 'ready' });
let before: ReturnType<typeof realmFingerprint> | undefined;
let idle: Map<string, number> | undefined;
for await (const request of requests()) {
  const drivers = await driversOf(request);
  // Taken once the first drivers are loaded and the globals withdrawn, before any learner code has run.
  if (!before) {
    withdrawGlobals(prints);
    before = realmFingerprint();
    idle = busyWith();
  }
  await runSession(request, drivers);
  // Timers the session's code set for now run first, and a promise it left rejected ends the process here.
  await new RealmPromise((resolve) => setImmediate(resolve));
  const reusable = noMoreThan(idle!, busyWith()) && sameFingerprint(before, realmFingerprint());
  send({ kind: 'done', reusable });
  if (!reusable) break;
}
