// Runs the selected exercise suites through vitest's Node API, with a watchdog: a suite that has not
// finished within the time limit (a learner's endless loop) is reported as timed out; the CLI's exit ends its thread.
import { Writable } from 'node:stream';
import { createVitest } from 'vitest/node';
import { ResultCollector, type ModuleOutcome } from './result-collector.js';

export interface SuiteRun {
  outcomes: Map<string, ModuleOutcome>;
  timedOut: Set<string>;
}

const quiet = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

export async function runSuites(root: string, suites: string[], target: string, timeLimitMs: number): Promise<SuiteRun> {
  const collector = new ResultCollector();
  const vitest = await createVitest(
    'test',
    {
      config: `${root}/grader/vitest.config.ts`,
      root,
      watch: false,
      reporters: [collector],
      provide: { gradeTarget: target },
      // Learner code runs in sandboxed children: two workers keep both cores busy without oversubscribing them.
      maxWorkers: 2,
    },
    {},
    { stdout: quiet(), stderr: quiet() },
  );
  const timedOut = new Set<string>();
  const finished = (): boolean => suites.every((suite) => timedOut.has(suite) || collector.modules.get(suite)?.endedAt !== undefined);

  const startedAt = Date.now();
  const run = vitest.start(suites).then(() => 'done' as const);
  const watchdog = new Promise<'stuck'>((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      for (const outcome of collector.modules.values()) {
        if (outcome.endedAt === undefined && now - outcome.startedAt > timeLimitMs) timedOut.add(outcome.moduleId);
      }
      // Past twice the limit, a suite that never even started counts as stuck too.
      if (now - startedAt > 2 * timeLimitMs) for (const suite of suites) if (!collector.modules.get(suite)?.endedAt) timedOut.add(suite);
      if (timedOut.size > 0 && finished()) {
        clearInterval(timer);
        resolve('stuck');
      }
    }, 50);
    void run.finally(() => clearInterval(timer));
  });

  const how = await Promise.race([run, watchdog]);
  // A worker stuck in a synchronous loop may never let close() finish: wait for it only briefly.
  await (how === 'stuck' ? Promise.race([vitest.close(), new Promise((resolve) => setTimeout(resolve, 2_000))]) : vitest.close());
  return { outcomes: collector.modules, timedOut };
}
