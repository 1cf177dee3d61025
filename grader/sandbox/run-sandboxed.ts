// Runs learner code in a child Node.js process that cannot read or write files, start processes or reach the
// network (Node's permission model, plus an empty network namespace where Linux allows one), under a time
// limit and with its output capped. The grader gets plain data back and judges it outside the learner's reach.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { decodeNumbers, encodeNumbers, type JobResult, type SandboxRequest } from './sandbox-protocol.js';

export const OUTPUT_LIMIT = 64 * 1024;
/** Above the wall-clock limit a run is given (TIME_LIMIT_SECONDS), well below forever. */
const CPU_SECONDS_LIMIT = TIME_LIMIT_SECONDS + 5;

export interface SandboxOutcome {
  /** One entry per job, in order; missing where the process ended before reaching it. */
  results: Array<JobResult | undefined>;
  timedOut: boolean;
  /** Why the process ended early: a signal, process.exit(), running out of memory, … */
  ended?: string;
  /** What the learner's code printed, cut at OUTPUT_LIMIT. */
  output: string;
  outputTruncated: boolean;
}

let runnerFile: Promise<string> | undefined;

/**
 * The child's side, bundled from the grader's own TypeScript and cached on disk under a hash of its sources,
 * so that each grading process does not bundle it again.
 */
function runner(): Promise<string> {
  runnerFile ??= (async () => {
    const sources = ['runner-main.ts', 'sandbox-protocol.ts', '../harness/run-optimizer.ts', '../harness/seeded-random.ts'].map((file) => join(import.meta.dirname, file));
    const hash = createHash('sha256');
    for (const source of sources) hash.update(await readFile(source));
    const cached = join(tmpdir(), `optimizers-grader-runner-${hash.digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(cached)) {
      const result = await build({ entryPoints: [sources[0]!], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent' });
      const staged = `${cached}.${process.pid}.tmp`;
      await writeFile(staged, result.outputFiles[0]!.text);
      await rename(staged, cached);
    }
    return cached;
  })();
  return runnerFile;
}

let isolation: string[] | undefined;

/** `unshare -rn` gives the child a network namespace with no interface up; used only where it works here. */
function networkIsolation(): string[] {
  isolation ??= spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }).status === 0 ? ['unshare', '-rn'] : [];
  return isolation;
}

/**
 * The child may read only its own folder (the runner and the bundled learner modules), so that stack traces can
 * name the learner's lines through the bundles' source maps; it may write nothing and start nothing.
 */
const nodeFlags = (runnerPath: string, dir: string): string[] => [
  '--no-warnings',
  '--experimental-permission',
  `--allow-fs-read=${runnerPath}`,
  `--allow-fs-read=${dir}/*`,
  '--enable-source-maps',
  '--max-old-space-size=512',
  runnerPath,
];

/** A sandboxed process, started ahead of time so that Node.js boots while the learner's files are bundled. */
export interface Sandbox {
  run(request: SandboxRequest, timeLimitMs: number): Promise<SandboxOutcome>;
  /** Ends the process and removes its folder, for when there turns out to be nothing to run. */
  dispose(): Promise<void>;
}

export async function openSandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'grade-sandbox-'));
  // A CPU-time limit the kernel enforces: should the grader die while learner code spins (Ctrl-C in watch
  // mode), nothing else would ever stop it.
  const limited = ['sh', '-c', `ulimit -t ${CPU_SECONDS_LIMIT} && exec "$@"`, 'sandbox'];
  const [command, ...prefix] = [...limited, ...networkIsolation(), process.execPath];
  const child = spawn(command!, [...prefix, ...nodeFlags(await runner(), dir)], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: {} });
  child.stdin!.on('error', () => {}); // the child may end before reading everything
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  return {
    async run(request, timeLimitMs) {
      try {
        const modules: Record<string, string> = {};
        for (const [name, source] of Object.entries(request.modules)) {
          modules[name] = `${name.replace(/[^\w.-]/g, '_')}.mjs`;
          await writeFile(join(dir, modules[name]), source);
        }
        return await collect(child, closed, JSON.stringify({ ...request, modules, folder: dir }, encodeNumbers), request.jobs.length, timeLimitMs);
      } finally {
        await cleanUp();
      }
    },
    async dispose() {
      child.kill('SIGKILL');
      await closed;
      await cleanUp();
    },
  };
}

export async function runSandboxed(request: SandboxRequest, timeLimitMs: number): Promise<SandboxOutcome> {
  return (await openSandbox()).run(request, timeLimitMs);
}

async function collect(
  child: ChildProcess,
  closed: Promise<[number | null, NodeJS.Signals | null]>,
  program: string,
  jobCount: number,
  timeLimitMs: number,
): Promise<SandboxOutcome> {
  const outcome: SandboxOutcome = { results: Array.from({ length: jobCount }, () => undefined), timedOut: false, output: '', outputTruncated: false };

  const keepOutput = (chunk: Buffer) => {
    if (outcome.output.length >= OUTPUT_LIMIT) {
      outcome.outputTruncated = true;
      return;
    }
    outcome.output += chunk.toString('utf8').slice(0, OUTPUT_LIMIT - outcome.output.length);
  };
  child.stdout!.on('data', keepOutput);
  child.stderr!.on('data', keepOutput);
  let pending = '';
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      try {
        const { index, result } = JSON.parse(line, decodeNumbers) as { index: number; result: JobResult };
        if (Number.isInteger(index) && index >= 0 && index < outcome.results.length) outcome.results[index] = result;
      } catch {
        // not ours: learner code writing to fd 3 cannot forge a verdict, only lose its own results
      }
    }
  });
  child.stdin!.end(program);

  const timer = setTimeout(() => {
    outcome.timedOut = true;
    child.kill('SIGKILL');
  }, timeLimitMs);
  const [code, signal] = await closed;
  clearTimeout(timer);
  if (!outcome.timedOut && (code !== 0 || signal || outcome.results.includes(undefined))) {
    const oom = /heap out of memory/i.test(outcome.output);
    outcome.ended = oom ? 'ran out of memory' : signal ? `was killed (${signal})` : `ended the process with exit code ${code} (process.exit?)`;
  }
  return outcome;
}
