// Runs exercise suites through vitest's Node API, with a watchdog: a suite that has not finished within the
// time limit is reported as timed out. One runner serves many runs (watch mode keeps it open).
import { Writable } from 'node:stream';
import type { Vitest } from 'vitest/node';
import type { GradeTarget } from '../harness/grade-targets.js';
import { startBroker, type Broker } from '../sandbox/sandbox-broker.js';
import gradingConfig from '../vitest.config.js';
import { markPhase } from './phase-timings.js';
import { ResultCollector, type ModuleOutcome } from './result-collector.js';
import { transformCacheFolder } from './transform-cache.js';
import { closeWarmThreads, warmThreads } from './warm-threads-pool.js';

/**
 * Learner code runs in sandboxed children: for a class, two workers keep both cores busy without oversubscribing
 * them. One submission's sessions share two sandboxes (see run-sandboxed.ts), which keep the other core busy: a
 * second worker would only load vitest's runtime again (grading one submission took 0.75 s with one, 0.84 s with two).
 */
export const GRADING_THREADS = 2;
export const ONE_SUBMISSION_THREADS = 1;

export interface SuiteRun {
  outcomes: Map<string, ModuleOutcome>;
  timedOut: Set<string>;
}

const quiet = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

export class SuiteRunner {
  private constructor(
    private readonly vitest: Vitest,
    private readonly collector: ResultCollector,
    private readonly broker: Broker,
    private readonly timeLimitMs: number,
  ) {}

  /** `spares`: sandboxes to keep booted ahead of time during a run; `idleSpares`: between runs (watch mode's). */
  static async open(
    root: string,
    timeLimitMs: number,
    spares: number,
    idleSpares = 0,
    threads = GRADING_THREADS,
  ): Promise<SuiteRunner> {
    const collector = new ResultCollector();
    const broker = startBroker(spares, idleSpares);
    const cache = transformCacheFolder(root);
    broker.booted.then(
      () => markPhase('sandbox booted'),
      () => {},
    );
    // Loaded only now: the threads started early (vitest-thread.ts) load vitest's runtime meanwhile.
    const { createVitest } = await import('vitest/node');
    const vitest = await createVitest(
      'test',
      {
        // The settings come compiled with this module: Vite need not bundle the config file on every run.
        config: false,
        ...gradingConfig.test,
        // The suites and their harness compile once, not on every run (keyed by each file's content).
        ...(cache ? { experimental: { fsModuleCache: true, fsModuleCachePath: cache } } : {}),
        // Threads kept from one run to the next: watch mode and a class's regrading need not start them again.
        pool: warmThreads(),
        root,
        watch: false,
        reporters: [collector],
        provide: { gradeTargets: [], sandboxBroker: broker.channelName },
        maxWorkers: threads,
      },
      {},
      { stdout: quiet(), stderr: quiet() },
    );
    try {
      // A sandbox that cannot start on this Node.js or system fails the grader, before any learner is blamed.
      await Promise.all([vitest.init().then(() => markPhase('vitest ready')), broker.booted]);
    } catch (error) {
      await Promise.race([vitest.close(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await broker.close();
      throw error;
    }
    return new SuiteRunner(vitest, collector, broker, timeLimitMs);
  }

  /**
   * Runs `suites` for every target: one for a learner, one per submission for a class. `files`: the learner
   * files the suites load, by course, bundled for a single target while vitest's workers start.
   */
  async run(
    suites: string[],
    targets: GradeTarget[],
    files: Array<[course: string, files: string[]]> = [],
  ): Promise<SuiteRun> {
    // One sandbox session per suite and target; one submission's sessions share two processes (run-sandboxed.ts),
    // and one that ran a hidden test's job runs only hidden tests' jobs from then on (bundle-and-run.ts).
    this.broker.beginRun(targets.length === 1 ? Math.min(suites.length, 2) : suites.length * targets.length);
    if (targets.length === 1) for (const [course, names] of files) this.broker.prepare(targets[0]!, course, names);
    try {
      return await this.runNow(suites, targets);
    } finally {
      this.broker.endRun();
    }
  }

  private async runNow(suites: string[], targets: GradeTarget[]): Promise<SuiteRun> {
    this.vitest.provide('gradeTargets', targets);
    for (const suite of suites) this.collector.modules.delete(suite);
    const { collector } = this;
    // A suite grades every target in turn: in a batch its time limit grows with the class.
    const timeLimitMs = this.timeLimitMs * Math.max(1, targets.length);
    const timedOut = new Set<string>();
    const finished = (): boolean =>
      suites.every((suite) => timedOut.has(suite) || collector.modules.get(suite)?.endedAt !== undefined);
    const startedAt = Date.now();
    const run = this.vitest.runTestFiles(suites).then(() => 'done' as const);
    const watchdog = new Promise<'stuck'>((resolve) => {
      const timer = setInterval(() => {
        const now = Date.now();
        for (const suite of suites) {
          const outcome = collector.modules.get(suite);
          const since = outcome?.startedAt ?? startedAt;
          // A suite that never even started counts as stuck at twice the limit.
          if (outcome?.endedAt === undefined && now - since > (outcome ? 1 : 2) * timeLimitMs) timedOut.add(suite);
        }
        if (timedOut.size > 0 && finished()) {
          clearInterval(timer);
          resolve('stuck');
        }
      }, 50);
      void run.finally(() => clearInterval(timer));
    });
    if ((await Promise.race([run, watchdog])) === 'stuck') await this.vitest.cancelCurrentRun('test-failure');
    const startFailure = this.broker.startFailure();
    if (startFailure) throw startFailure;
    return {
      outcomes: new Map(suites.flatMap((s) => (collector.modules.has(s) ? [[s, collector.modules.get(s)!]] : []))),
      timedOut,
    };
  }

  async close(): Promise<void> {
    // A worker stuck in a synchronous loop may never let close() finish: wait for it only briefly.
    await Promise.race([this.vitest.close(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    await this.broker.close();
    await closeWarmThreads();
  }
}
