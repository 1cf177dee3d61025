// Runs learner code in a child Node.js process that cannot read or write files, start processes, reach the
// network or signal anything outside itself (Node's permission model, plus the operating system's guards that
// isolation.ts finds), under time, CPU and memory limits and with its output capped. The grader gets plain data
// back and judges it outside the learner's reach.
// A process serves one submission only, and one session (one suite's jobs) at a time. It serves that submission's
// next session only when the runner found it as the last one found it: no timer or handle left open, no built-in
// changed (each session loads fresh copies of the learner's modules); otherwise it ends with its session, as every
// process did before, so learner code run for one suite never meets the timers or patched built-ins of another.
// A Node.js start costs about as much CPU as a short session: a grading of one submission starts two processes
// where it started one per suite. The look is a second guard for hidden inputs: a process that ran a hidden test's
// job never runs a visible test's again (bundle-and-run.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join, type PlatformPath } from 'node:path';
import { compiledScript } from './compiled-script.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import {
  canUseOwnUid,
  ownGroupOptions,
  probeCapabilities,
  sandboxCommand,
  type Guard,
  type ResourceLimits,
} from './isolation.js';
import { cpuWaits, deadlineMs, waitedSince } from './cpu-wait.js';
import { ResultChannel } from './result-channel.js';
import { encodeNumbers, type JobResult, type SandboxRequest } from './sandbox-protocol.js';
import { makeTemporaryFolderAsync, removeFolderAsync } from '../files/temporary-folders.js';

export const OUTPUT_LIMIT = 64 * 1024;

export const LIMITS: ResourceLimits = {
  /** Above the wall-clock limit a run is given (TIME_LIMIT_SECONDS), well below forever. */
  cpuSeconds: TIME_LIMIT_SECONDS + 5,
  // Node.js itself takes about 1 GB of address space; this leaves room for the 512 MB heap and some off-heap data.
  addressSpaceBytes: 3 * 1024 ** 3,
  processes: 64,
  openFiles: 64,
};

/** How long a sandbox may take to boot before the grader gives up on it (its own failure, not the learner's). */
const BOOT_LIMIT_MS = 15_000;

export interface SandboxOutcome {
  /** By job name; missing where the process ended before reaching the job. */
  results: Map<string, JobResult>;
  timedOut: boolean;
  /** The session's time as counted against its limit: wall-clock time less its wait for a CPU (cpu-wait.ts). */
  countedMs: number;
  /** Why the process ended early: a signal, process.exit(), running out of memory, … */
  ended?: string;
  /** What the learner's code printed, cut at OUTPUT_LIMIT. */
  output: string;
  outputTruncated: boolean;
  /** The guards this sandbox ran under. */
  guards: Guard[];
}

/** The sandbox could not start: the grader's failure (a Node.js version or system it cannot use), never the learner's. */
export class SandboxStartError extends Error {
  override name = 'SandboxStartError';
}

/**
 * The child may read only its own folder (the runner and the bundled learner modules), so that stack traces can
 * name the learner's lines through the bundles' source maps; it may write nothing, start nothing, and evaluate no
 * string as code (no eval, no new Function: the bundle is all the code it runs).
 */
export const nodeFlags = (permissionFlag: string, dir: string, paths: PlatformPath = path): string[] => [
  '--no-warnings',
  permissionFlag,
  `--allow-fs-read=${paths.join(dir, '*')}`,
  '--disallow-code-generation-from-strings',
  '--enable-source-maps',
  '--max-old-space-size=512',
  paths.join(dir, 'runner.mjs'),
];

/** The guards a sandbox started now would run under, for reports and for grading that must have them all. */
export async function sandboxGuards(): Promise<Guard[]> {
  const caps = await probeCapabilities();
  const uid = canUseOwnUid(caps, tmpdir()) ? nextUid() : undefined;
  return sandboxCommand(caps, LIMITS, process.execPath, [], uid).guards;
}

// Each sandbox started as root gets a uid of its own, from a range no account uses, so it owns no file and can
// signal no other process.
const UID_BASE = 2_000_000_000;
let uidCounter = 0;
const nextUid = (): number => UID_BASE + ((process.pid * 1_000 + uidCounter++) % 100_000_000);

const live = new Set<ChildProcess>();

/** Kills the sandbox's whole process group: the wrappers, the Node.js process and anything it started. */
function killGroup(child: ChildProcess): void {
  if (!live.has(child)) return; // gone already: its group id may belong to someone else by now
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

// Where no parent-death signal is available, a grader that exits normally still takes its sandboxes with it.
process.on('exit', () => live.forEach(killGroup));

/** A sandboxed process, started ahead of time so that Node.js boots while the learner's files are bundled. */
export interface Sandbox {
  run(request: SandboxRequest, timeLimitMs: number): Promise<SandboxOutcome>;
  /** After a run: the process is still there, and the runner found it as the session found it. */
  readonly reusable: boolean;
  /** Ends the process and removes its folder, for when there turns out to be nothing to run. */
  dispose(): Promise<void>;
  /** Settles once the runner said it is ready; rejects with a SandboxStartError if it could not start. */
  booted: Promise<void>;
}

const removals = new Set<Promise<void>>();

/** Settles once every finished sandbox's folder is gone. */
export async function sandboxFoldersRemoved(): Promise<void> {
  await Promise.all(removals);
}

export async function openSandbox(): Promise<Sandbox> {
  const caps = await probeCapabilities();
  const dir = await makeTemporaryFolderAsync('grade-sandbox-');
  await chmod(dir, 0o711);
  await writeFile(join(dir, 'runner.mjs'), await compiledScript('runner-main.ts'), { mode: 0o644 });
  const uid = canUseOwnUid(caps, dir) ? nextUid() : undefined;
  const { command, args, guards } = sandboxCommand(
    caps,
    LIMITS,
    process.execPath,
    nodeFlags(caps.permissionFlag, dir),
    uid,
  );
  // An empty environment (no secrets, no paths), the sandbox's own folder as working directory, and a process
  // group of its own, so that the grader can end everything it started at once.
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    env: {},
    ...ownGroupOptions(),
  });
  live.add(child);
  child.stdin!.on('error', () => {}); // the child may end before reading everything
  child.on('error', () => {}); // a failed spawn also closes: reported through `booted`
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  void closed.then(() => live.delete(child));
  const output = { text: '', truncated: false };
  const keepOutput = (chunk: Buffer) => {
    if (output.text.length >= OUTPUT_LIMIT) {
      output.truncated = true;
      return;
    }
    output.text += chunk.toString('utf8').slice(0, OUTPUT_LIMIT - output.text.length);
  };
  child.stdout!.on('data', keepOutput);
  child.stderr!.on('data', keepOutput);
  const channel = new ResultChannel();
  const results = child.stdio[3] as NodeJS.ReadableStream;
  results.setEncoding('utf8');
  results.on('data', (chunk: string) => {
    channel.push(chunk);
    if (channel.tampered) killGroup(child);
  });

  const booted = new Promise<void>((resolveBoot, rejectBoot) => {
    const failed = (why: string) =>
      rejectBoot(new SandboxStartError(`the grader could not start its sandbox on Node.js ${process.version}: ${why}`));
    const timer = setTimeout(() => {
      killGroup(child);
      failed(`it did not start within ${BOOT_LIMIT_MS / 1000} s`);
    }, BOOT_LIMIT_MS);
    channel.onReady = () => {
      clearTimeout(timer);
      resolveBoot();
    };
    void closed.then(([code, signal]) => {
      clearTimeout(timer);
      if (channel.ready) return resolveBoot();
      const said = output.text.trim().split('\n').slice(0, 3).join(' | ');
      failed(
        `the sandboxed process ended with ${signal ?? `exit code ${code}`} before it was ready${said ? ` (${said})` : ''}`,
      );
    });
  });
  booted.catch(() => {});
  const cleanUp = () => removeFolderAsync(dir);

  let sessions = 0;
  let reusable = false;
  /** The drivers file written for this process, by its source (the same for every session of a submission). */
  const driverFiles = new Map<string, string>();
  return {
    booted,
    get reusable() {
      return reusable;
    },
    async run(request, timeLimitMs) {
      if (sessions > 0 && !reusable) throw new Error('a sandbox serves no session once its runner has ended');
      reusable = false;
      try {
        await booted;
        // Fresh module files for every session: a module's state never carries from one session to the next.
        const session = ++sessions;
        const modules: Record<string, string> = {};
        for (const [name, source] of Object.entries(request.modules)) {
          modules[name] = `${session}.${name.replace(/[^\w.-]/g, '_')}.mjs`;
          await writeFile(join(dir, modules[name]), source, { mode: 0o644 });
        }
        let drivers = driverFiles.get(request.drivers);
        if (!drivers) {
          drivers = `.drivers-${session}.mjs`;
          await writeFile(join(dir, drivers), request.drivers, { mode: 0o644 });
          driverFiles.set(request.drivers, drivers);
        }
        channel.expect(request.jobs.map((job) => job.name));
        output.text = '';
        output.truncated = false;
        const program = JSON.stringify({ ...request, modules, drivers, folder: dir }, encodeNumbers);
        const collected = await collect(child, closed, program, channel, timeLimitMs, output, guards);
        reusable = collected.reusable;
        return collected.outcome;
      } finally {
        if (!reusable) {
          killGroup(child);
          // The results need not wait for the folder to go; the grader waits for every folder before it exits.
          const removed = cleanUp().finally(() => removals.delete(removed));
          removals.add(removed);
        }
      }
    },
    async dispose() {
      reusable = false;
      killGroup(child);
      // Counted with the finished sandboxes' folders: the grader waits for it before it exits.
      const removed = closed.then(cleanUp).finally(() => removals.delete(removed));
      removals.add(removed);
      await removed;
    },
  };
}

export async function runSandboxed(request: SandboxRequest, timeLimitMs: number): Promise<SandboxOutcome> {
  return (await openSandbox()).run(request, timeLimitMs);
}

/**
 * Sends one session and waits for its end: the runner's `done` (the process then stays, if the runner found it as the
 * session found it, for the submission's next session) or the process's exit.
 */
async function collect(
  child: ChildProcess,
  closed: Promise<[number | null, NodeJS.Signals | null]>,
  program: string,
  channel: ResultChannel,
  timeLimitMs: number,
  output: { text: string; truncated: boolean },
  guards: Guard[],
): Promise<{ outcome: SandboxOutcome; reusable: boolean }> {
  let timedOut = false;
  const done = new Promise<boolean>((resolve) => (channel.onDone = resolve));
  const waitsBefore = cpuWaits(child.pid);
  const started = performance.now();
  child.stdin!.write(`${program}\n`);
  let settled = false;
  const waited = async () => waitedSince(await waitsBefore, await cpuWaits(child.pid));
  // At the limit, the time the process spent waiting for a CPU is given back (up to the limit again) before it ends.
  const expire = async () => {
    const due = started + deadlineMs(timeLimitMs, await waited());
    if (settled) return;
    const rest = due - performance.now();
    if (rest > 20) {
      timer = setTimeout(() => void expire(), rest);
      return;
    }
    timedOut = true;
    killGroup(child);
  };
  let timer = setTimeout(() => void expire(), timeLimitMs);
  const ended = await Promise.race([closed, done]);
  // The wait is read again only where it may matter: a session that used under half its limit by the clock leaves
  // its hidden jobs more than half of it anyway, and a read costs about as much as a short job.
  const wallMs = performance.now() - started;
  const countedMs = wallMs - (timedOut || wallMs < timeLimitMs / 2 ? 0 : await waited());
  let exit: [number | null, NodeJS.Signals | null] = [0, null];
  let reusable = false;
  if (typeof ended === 'boolean' && ended && !channel.tampered) {
    // What the session printed just before its last result may still be in the pipes: read it first.
    await new Promise((resolve) => setImmediate(resolve));
    reusable = !timedOut && !channel.tampered;
  }
  if (!reusable) {
    // As a process that serves one session: it ends once its timers have run, and how it ends counts.
    child.stdin!.end();
    exit = await closed;
  }
  settled = true;
  clearTimeout(timer);
  const outcome: SandboxOutcome = {
    results: channel.results,
    timedOut,
    countedMs,
    output: output.text,
    outputTruncated: output.truncated,
    guards,
  };
  const [code, signal] = exit;
  if (channel.tampered) {
    outcome.timedOut = false;
    outcome.ended = `wrote to the grader's result channel (${channel.tampered}), so none of its results count`;
  } else if (!timedOut && (code !== 0 || signal || !channel.complete)) {
    const oom = /heap out of memory|Array buffer allocation failed/i.test(output.text);
    outcome.ended = oom
      ? 'ran out of memory'
      : signal
        ? `was killed (${signal})`
        : `ended the process with exit code ${code} (process.exit?)`;
  }
  return { outcome, reusable };
}
