// The grade report: one type for every reader (the scorecard, JSON, Gradescope, JUnit, the class gradebook, the
// site's .grade/last-report.json, `npm run check`, `npm run reveal`), built from suite outcomes. Pure.
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import type { Figure } from '../harness/exercise-figures.js';
import { HIDDEN_TEST_PREFIX } from '../harness/hidden-tests.js';
import type { ProblemKind } from '../harness/problem-kind.js';
import type { ModuleOutcome } from './result-collector.js';

export type Status = 'pass' | 'fail' | 'error' | 'timeout';

export interface TestReport {
  name: string;
  status: Status;
  /** Why it did not pass; absent when it passed. */
  kind?: ProblemKind;
  message: string;
  /** What the learner's code printed while the test's jobs ran; absent when nothing, and for every hidden test. */
  printed?: string;
}

export interface ExerciseReport {
  /** `<course>/<id>`: unique across the kit's courses. */
  id: string;
  course: string;
  /** The exercise's id within its course. */
  exercise: string;
  title: string;
  bonus: boolean;
  status: Status;
  score: number;
  maxScore: number;
  /** The first failure in plain words ("" when the exercise passes). */
  message: string;
  /** The first failure's kind; absent when the exercise passes. */
  kind?: ProblemKind;
  /** Every failure is the stub's own "not implemented yet": nothing has been written. */
  notImplemented: boolean;
  /** How many hidden tests there were and how many passed (what they check is not said). */
  hidden: { total: number; passed: number };
  tests: TestReport[];
  /**
   * What the suite measured on a pass (e.g. steps taken), from its first passing visible test that reported
   * figures; absent otherwise. Never from a hidden test.
   */
  figures?: Figure[];
}

/** What `--format json` prints and .grade/last-report.json holds. */
export interface GradeReport {
  score: number;
  maxScore: number;
  exercises: ExerciseReport[];
}

/** The status a problem of each kind gives its test: the learner's mistakes fail, what stops grading is an error. */
const STATUS_OF: Record<ProblemKind, Status> = {
  'not-implemented': 'fail',
  threw: 'fail',
  'wrong-result': 'fail',
  timeout: 'timeout',
  load: 'error',
  'missing-file': 'error',
  'missing-export': 'error',
  crash: 'error',
  grader: 'error',
};

/** A failing test as the report shows it. */
export const failedTest = (name: string, kind: ProblemKind, message: string): TestReport => ({
  name,
  status: STATUS_OF[kind],
  kind,
  message,
});

/** The part of a suite's outcome that belongs to one submission (its describe block in a batch). */
export function outcomeFor(outcome: ModuleOutcome | undefined, group: string): ModuleOutcome | undefined {
  return outcome && { ...outcome, tests: outcome.tests.filter((t) => t.group === group) };
}

/** An exercise's report from its failing (or passing) tests. */
export function reportOf(exercise: Exercise, tests: TestReport[], hidden = { total: 0, passed: 0 }): ExerciseReport {
  const failures = tests.filter((t) => t.status !== 'pass');
  const base = {
    id: qualifiedId(exercise),
    course: exercise.course,
    exercise: exercise.id,
    title: exercise.title,
    bonus: exercise.bonus,
    maxScore: exercise.points,
    hidden,
    tests,
  };
  if (tests.length > 0 && failures.length === 0)
    return { ...base, status: 'pass', score: exercise.points, message: '', notImplemented: false };
  const problems = failures.length > 0 ? failures : [failedTest('runs', 'grader', 'no test ran')];
  const first = problems[0]!;
  return {
    ...base,
    status: (['timeout', 'error'] as const).find((s) => problems.some((t) => t.status === s)) ?? 'fail',
    score: 0,
    message: first.message,
    kind: first.kind,
    notImplemented: problems.every((t) => t.kind === 'not-implemented'),
  };
}

export function exerciseReport(
  exercise: Exercise,
  outcome: ModuleOutcome | undefined,
  timeLimitSeconds: number,
  timedOut: boolean,
): ExerciseReport {
  if (timedOut) {
    const message = `did not finish within ${timeLimitSeconds} s: look for a loop that never ends (or a step count far too large)`;
    return reportOf(exercise, [failedTest('finishes in time', 'timeout', message)]);
  }
  if (!outcome) return { ...reportOf(exercise, []), message: 'the tests of this exercise did not run', tests: [] };
  if (outcome.loadError) return reportOf(exercise, [failedTest('loads', 'grader', outcome.loadError)]);
  const hiddenTests = outcome.tests.filter((t) => t.name.startsWith(HIDDEN_TEST_PREFIX));
  const hidden = { total: hiddenTests.length, passed: hiddenTests.filter((t) => t.state === 'passed').length };
  const tests = outcome.tests.map((t): TestReport => {
    const test: TestReport =
      t.state === 'passed'
        ? { name: t.name, status: 'pass', message: t.message }
        : failedTest(t.name, t.kind ?? 'wrong-result', t.message);
    return t.printed !== undefined && !t.name.startsWith(HIDDEN_TEST_PREFIX) ? { ...test, printed: t.printed } : test;
  });
  const report = reportOf(exercise, tests, hidden);
  const figures = figuresOf(outcome.tests);
  return report.status === 'pass' && figures ? { ...report, figures } : report;
}

/** The figures of the first passing visible test that has any: a hidden test's are never taken. */
export function figuresOf(tests: ModuleOutcome['tests']): Figure[] | undefined {
  return tests.find((t) => t.state === 'passed' && !t.name.startsWith(HIDDEN_TEST_PREFIX) && t.figures)?.figures;
}

export function gradeReport(exercises: ExerciseReport[]): GradeReport {
  return {
    score: exercises.reduce((sum, e) => sum + e.score, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
    exercises,
  };
}

/**
 * The exercise to work on next: the first unfinished required one, then the first unfinished bonus, first in the
 * courses the learner has begun (an exercise passes or holds code of theirs), then in the others. A learner who has
 * just finished one course's first exercise goes on to its second, not to another course's first.
 */
export function nextExercise(report: GradeReport): ExerciseReport | undefined {
  const begun = new Set(report.exercises.filter((e) => e.status === 'pass' || !e.notImplemented).map((e) => e.course));
  const open = report.exercises.filter((e) => e.status !== 'pass');
  const firstOf = (list: ExerciseReport[]) => list.find((e) => !e.bonus) ?? list[0];
  return firstOf(open.filter((e) => begun.has(e.course))) ?? firstOf(open);
}
