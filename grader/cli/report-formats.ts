// The grade report in the formats other systems read: our JSON (the report as it is), Gradescope's results.json,
// JUnit XML. Exercises are named `<course>/<id>` in all of them, so that no two courses' rows can be confused.
import { HIDDEN_TEST_PREFIX } from '../harness/hidden-tests.js';
import type { ExerciseReport, GradeReport } from './grade-report.js';

export function toJson(report: GradeReport, extra: Record<string, unknown> = {}): string {
  const { exercises, score, maxScore } = report;
  return JSON.stringify({ score, maxScore, ...extra, exercises }, null, 2);
}

/** An exercise's title, led by its `<course>/<id>` when the report spans several courses (titles may repeat). */
const titleIn = (report: GradeReport) => {
  const several = new Set(report.exercises.map((e) => e.course)).size > 1;
  return (e: ExerciseReport) => `${several ? `${e.id}: ` : ''}${e.title}`;
};

/**
 * Gradescope's results.json (its autograder specification): one scored entry per exercise, then each test for
 * detail (hidden ones after publishing). A bonus exercise is extra credit: its entry's max_score is 0 and its
 * score what it earned (Gradescope allows a score above max_score), so that bonus never counts toward the
 * required total; the assignment's total is Gradescope's own setting. The top-level score is the sum of the entries.
 */
export function toGradescope(report: GradeReport, notes: string[] = []): string {
  const title = titleIn(report);
  const tests = report.exercises.flatMap((e) => [
    {
      name: `${title(e)}${e.bonus ? ' (bonus)' : ''}`,
      score: e.score,
      max_score: e.bonus ? 0 : e.maxScore,
      status: e.status === 'pass' ? 'passed' : 'failed',
      output: e.status === 'pass' ? 'All tests passed.' : e.message,
      visibility: 'visible',
    },
    ...e.tests.map((t) => ({
      name: `${e.id}: ${t.name}`,
      score: 0,
      max_score: 0,
      status: t.status === 'pass' ? 'passed' : 'failed',
      // A hidden test's report holds no prints: only visible tests carry any.
      output: t.printed ? `${t.message}${t.message ? '\n\n' : ''}Your code printed:\n${t.printed}` : t.message,
      visibility: t.name.startsWith(HIDDEN_TEST_PREFIX) ? 'after_published' : 'visible',
    })),
  ]);
  const sum = (list: ExerciseReport[], of: (e: ExerciseReport) => number) => list.reduce((n, e) => n + of(e), 0);
  const required = report.exercises.filter((e) => !e.bonus);
  const bonus = report.exercises.filter((e) => e.bonus);
  const summary =
    `Required: ${sum(required, (e) => e.score)}/${sum(required, (e) => e.maxScore)}` +
    (bonus.length > 0 ? `; bonus (extra credit): ${sum(bonus, (e) => e.score)}/${sum(bonus, (e) => e.maxScore)}` : '');
  return JSON.stringify(
    {
      score: report.score,
      output: [summary, ...notes].join('\n'),
      visibility: 'visible',
      stdout_visibility: 'hidden',
      tests,
    },
    null,
    2,
  );
}

const xml = (text: string): string =>
  text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 has no way to write these control characters, nor U+FFFE and U+FFFF, at all: they are dropped (a
    // learner's code may print anything, and a message quotes what it printed).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** JUnit XML: one testsuite per exercise, for CI systems. */
export function toJunit(report: GradeReport): string {
  const title = titleIn(report);
  const suites = report.exercises.map((e) => {
    const failures = e.tests.filter((t) => t.status === 'fail').length;
    const errors = e.tests.filter((t) => t.status === 'error' || t.status === 'timeout').length;
    const cases = e.tests.map((t) => {
      const verdict =
        t.status === 'pass'
          ? ''
          : `<${t.status === 'fail' ? 'failure' : 'error'} message="${xml(t.message.split('\n')[0] ?? '')}">${xml(t.message)}</${t.status === 'fail' ? 'failure' : 'error'}>`;
      // JUnit's place for what a test printed, which CI systems show beside it.
      const body = t.printed ? `${verdict}<system-out>${xml(t.printed)}</system-out>` : verdict;
      return `    <testcase classname="${xml(e.id)}" name="${xml(t.name)}">${body}</testcase>`;
    });
    return `  <testsuite name="${xml(title(e))}" tests="${e.tests.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="grade" tests="${report.exercises.reduce((n, e) => n + e.tests.length, 0)}">\n${suites.join('\n')}\n</testsuites>`;
}
