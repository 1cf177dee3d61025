// The tests the engine exercises share: build every fixture case with the learner's code in the sandbox, run a
// backward pass, and compare every value and gradient with PyTorch's; hidden cases say only that they failed.
import { beforeAll, test } from 'vitest';
import { forEachTarget } from '../harness/grade-targets.js';
import { hiddenTestName } from '../harness/hidden-tests.js';
import {
  describeFailure,
  isNotImplemented,
  expectNoFailure,
  SessionProblem,
  startSession,
} from '../harness/learner-session.js';
import type { Job, JobResult } from '../sandbox/sandbox-protocol.js';
import { fixtures, hidden, jobInput, type ExpressionCase, type ExpressionExercise } from './fixtures.js';
import type { Tolerance } from './tolerance.js';

export const COURSE = 'backprop';

/** One test of a case: the jobs it needs (named by the suite) and how it judges their results. */
export interface CaseCheck {
  /** The test's name for a case. */
  title(c: ExpressionCase): string;
  /** The jobs for a case: [job name suffix, driver]. */
  jobs: Array<{ suffix: string; driver: string }>;
  /** A problem in words, or null; `result(suffix)` gives that job's result. */
  judge(c: ExpressionCase, result: (suffix: string) => JobResult): string | null;
}

export interface ExpressionSuite {
  exercise: ExpressionExercise;
  /** The learner files the jobs load (the exercise's own first). */
  files: string[];
  checks: CaseCheck[];
  tolerance: Tolerance;
  /** What a hidden test does, for its failure message: it never says more. */
  hiddenIs: string;
}

/** Throws the job's failure, if any, in the learner's words. */
export function outputOf<T>(result: JobResult): T {
  expectNoFailure(result);
  return result.output as T;
}

export function defineExpressionSuite(suite: ExpressionSuite): void {
  const cases = fixtures[suite.exercise];
  const hiddenCases = hidden?.[suite.exercise] ?? [];
  const jobName = (kind: string, i: number, suffix: string) => `${kind} ${i} ${suffix}`;
  const jobsFor = (kind: 'case' | 'hidden', list: ExpressionCase[]): Job[] =>
    list.flatMap((c, i) =>
      suite.checks.flatMap((check) =>
        check.jobs.map(({ suffix, driver }) => ({
          name: jobName(kind, i, suffix),
          driver,
          input: jobInput(c),
          ...(kind === 'hidden' ? { hidden: true } : {}),
        })),
      ),
    );
  // Hidden jobs run last, after every visible result has been sent.
  const jobs = [...jobsFor('case', cases), ...jobsFor('hidden', hiddenCases)];

  forEachTarget((target) => {
    const session = startSession(target, COURSE, suite.files, jobs);
    beforeAll(() => session.settled);

    cases.forEach((c, i) => {
      for (const check of suite.checks) {
        test(check.title(c), () => {
          const problem = check.judge(c, (suffix) => session.get().result(jobName('case', i, suffix)));
          if (problem) throw new SessionProblem(problem);
        });
      }
    });

    hiddenCases.forEach((c, i) => {
      test(hiddenTestName(i + 1), () => {
        const result = (suffix: string) => session.get().result(jobName('hidden', i, suffix), 'hidden');
        const first = session.get().result(jobName('case', 0, suite.checks[0]!.jobs[0]!.suffix));
        const own = suite.checks.flatMap((check) => check.jobs.map((j) => result(j.suffix)));
        // Code not written yet says so with the first visible case's words, sent before any hidden case ran.
        if (own.some(isNotImplemented) && isNotImplemented(first))
          throw new SessionProblem(describeFailure(first.failure!));
        let problem: string | null;
        try {
          problem = suite.checks.map((check) => check.judge(c, result)).find((p) => p !== null) ?? null;
        } catch {
          problem = 'failed';
        }
        if (problem) throw new SessionProblem(`this hidden test ${suite.hiddenIs}, and it does not agree with PyTorch`);
      });
    });
  });
}
