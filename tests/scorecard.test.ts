// The scorecard's closing lines, as a learner reads them after grading some or all of a course (pure).
import { expect, test } from 'vitest';
import { gradeReport, nextExercise, reportOf, type ExerciseReport } from '../grader/cli/grade-report.js';
import { formatScorecard, styles, type ScorecardContext } from '../grader/cli/scorecard.js';
import type { Exercise } from '../grader/course/course-metadata.js';

const exercise = (id: string, bonus = false): Exercise => ({
  course: 'c',
  id,
  title: `The ${id}`,
  files: [`${id}.ts`],
  points: 1,
  bonus,
  hints: [],
  suite: `grader/c/${id}.test.ts`,
  instructions: `courses/c/${id}.md`,
  revealProbe: [],
  timeLimitSeconds: 10,
});
const passed = (e: Exercise) => reportOf(e, [{ name: 'works', status: 'pass', message: '' }]);
const context = (notGraded: string[] = []): ScorecardContext => ({
  courses: new Map([['c', { title: 'Course C', allDone: 'Try the playground.' }]]),
  target: 'exercises',
  nameOf: (e) => e.exercise,
  fileOf: (e) => `exercises/c/${e.exercise}.ts`,
  hintsOf: () => '',
  notGraded,
});
const card = (exercises: Exercise[], notGraded?: string[]) =>
  formatScorecard(gradeReport(exercises.map(passed)), context(notGraded), styles(false));

test('one exercise passed out of several: not "All done", but what was not graded and how to grade it', () => {
  const text = card([exercise('first')], ['second', 'third']);
  expect(text).not.toContain('All done');
  expect(text).not.toContain('Try the playground');
  expect(text).toContain('Passed. Not graded this time: second, third; `npm run grade` grades everything');
});

test('every exercise of the course passes: All done, with the course’s own words', () => {
  expect(card([exercise('first'), exercise('second')])).toContain('All done. Try the playground.');
});

test('two courses done: each course’s own words on its own line, under its title', () => {
  const two: ScorecardContext = {
    ...context(),
    courses: new Map([
      ['c', { title: 'Course C', allDone: 'Try the playground.' }],
      ['d', { title: 'Course D', allDone: 'Explore the site.' }],
    ]),
  };
  const other = { ...exercise('third'), course: 'd' };
  const text = formatScorecard(gradeReport([exercise('first'), other].map(passed)), two, styles(false));
  expect(text).toContain('All done.\n    Course C: Try the playground.\n    Course D: Explore the site.');
});

test('the score splits required and bonus only when both were graded', () => {
  expect(card([exercise('extra', true)], ['first'])).toMatch(/Score 1\/1 {2}\(bonus\)\n/);
  expect(card([exercise('first'), exercise('extra', true)])).toContain('Score 2/2  (required 1/1, bonus 1/1)');
  expect(card([exercise('first')], ['extra'])).toMatch(/Score 1\/1\n/);
});

test('the next step is to run grade again, or, in watch mode, only to save the file', () => {
  const failing = reportOf(exercise('first'), [
    { name: 'works', status: 'fail', kind: 'not-implemented', message: 'not implemented yet: write first()' },
  ]);
  const next = (watching: boolean) =>
    formatScorecard(gradeReport([failing]), { ...context(), watching }, styles(false))
      .split('\n')
      .find((line) => line.includes('Next'));
  expect(next(false)).toBe('  Next  The first: implement exercises/c/first.ts, then run `npm run grade first`');
  expect(next(true)).toBe(
    '  Next  The first: implement exercises/c/first.ts, then save it: it is graded again at once',
  );
});

test('the next exercise is in a course the learner has begun, before the first of a course not begun', () => {
  const stub = (e: Exercise) =>
    reportOf(e, [{ name: 'works', status: 'fail', kind: 'not-implemented', message: 'not implemented yet' }]);
  const wrong = (e: Exercise) =>
    reportOf(e, [{ name: 'works', status: 'fail', kind: 'wrong-result', message: 'should be 2, got 3' }]);
  const inD = (id: string, bonus = false) => ({ ...exercise(id, bonus), course: 'd' });
  const next = (exercises: ExerciseReport[]) => nextExercise(gradeReport(exercises))?.id;
  // Nothing begun anywhere: the first course's first exercise, as before.
  expect(next([stub(exercise('a')), stub(inD('x')), stub(inD('y'))])).toBe('c/a');
  // Course d begun (one exercise passes, or holds a wrong attempt): its next one, not course c's untouched first.
  expect(next([stub(exercise('a')), passed(inD('x')), stub(inD('y'))])).toBe('d/y');
  expect(next([stub(exercise('a')), stub(inD('x')), wrong(inD('y'))])).toBe('d/x');
  // Within a begun course, required before bonus; a begun course done sends the learner to the others.
  expect(next([stub(exercise('a')), passed(inD('x')), stub(inD('extra', true)), stub(inD('y'))])).toBe('d/y');
  expect(next([stub(exercise('a')), passed(inD('x')), stub(inD('extra', true))])).toBe('d/extra');
  expect(next([stub(exercise('a')), passed(inD('x')), passed(inD('y'))])).toBe('c/a');
  expect(next([passed(exercise('a')), passed(inD('x'))])).toBeUndefined();
});

test('a file missing or not loading says so, without a count of hidden tests that never ran', () => {
  const row = (kind: 'missing-file' | 'load' | 'wrong-result') =>
    formatScorecard(
      gradeReport([
        reportOf(
          exercise('first'),
          [{ name: 'works', status: kind === 'wrong-result' ? 'fail' : 'error', kind, message: 'what went wrong' }],
          { total: 2, passed: 0 },
        ),
      ]),
      context(),
      styles(false),
    )
      .split('\n')
      .find((line) => line.includes('The first'));
  expect(row('missing-file')).not.toContain('hidden tests');
  expect(row('load')).not.toContain('hidden tests');
  // Where they ran, their count stays.
  expect(row('wrong-result')).toContain('(hidden tests: 0 of 2 passed)');
});
