// The learner's records (pure parts): which figures a report takes, how the best is kept, how the line reads.
import { expect, test } from 'vitest';
import type { Figure } from '../grader/harness/exercise-figures.js';
import { parseFigures } from '../grader/harness/exercise-figures.js';
import { figuresOf, gradeReport, type ExerciseReport } from '../grader/cli/grade-report.js';
import { ATTEMPTS_KEPT, figuresLine, parseRecords, updateRecords } from '../grader/cli/exercise-records.js';
import { hiddenTestName } from '../grader/harness/hidden-tests.js';

const figures = (steps: number, distance = 0.0081): Figure[] => [
  { name: 'steps', value: steps, text: `${steps} steps`, better: 'lower' },
  { name: 'distance', value: distance, text: `${distance} from (1, 1)` },
];

const passed = (f: Figure[] | undefined, status: ExerciseReport['status'] = 'pass'): ExerciseReport => ({
  id: 'c/x',
  course: 'c',
  exercise: 'x',
  title: 'X',
  bonus: true,
  status,
  score: 1,
  maxScore: 1,
  message: '',
  notImplemented: false,
  hidden: { total: 0, passed: 0 },
  tests: [],
  ...(f ? { figures: f } : {}),
});

const at = (i: number) => new Date(Date.UTC(2030, 0, 1, 0, i));

test('the first pass is the first record; a worse one keeps the best; a better one replaces it', () => {
  let { records, news } = updateRecords({}, gradeReport([passed(figures(412))]), at(0));
  expect(news.get('c/x')).toMatchObject({ isNew: true });
  expect(figuresLine(figures(412), news.get('c/x'))).toBe('412 steps, 0.0081 from (1, 1) — your first record');
  ({ records, news } = updateRecords(records, gradeReport([passed(figures(500))]), at(1)));
  expect(figuresLine(figures(500), news.get('c/x'))).toBe('500 steps, 0.0081 from (1, 1) — your best: 412 steps');
  ({ records, news } = updateRecords(records, gradeReport([passed(figures(412))]), at(2)));
  expect(news.get('c/x')?.isNew).toBe(false); // a tie keeps the older best
  expect(records['c/x']?.best?.at).toBe(at(0).toISOString());
  ({ records, news } = updateRecords(records, gradeReport([passed(figures(398))]), at(3)));
  expect(figuresLine(figures(398), news.get('c/x'))).toBe('398 steps, 0.0081 from (1, 1) — a new best (was 412 steps)');
  expect(records['c/x']?.attempts.map((a) => a.figures[0]!.value)).toEqual([412, 500, 412, 398]);
});

test('higher is better where the suite says so', () => {
  const score = (v: number): Figure[] => [{ name: 'accuracy', value: v, text: `${v}%`, better: 'higher' }];
  const first = updateRecords({}, gradeReport([passed(score(90))]), at(0)).records;
  const { news } = updateRecords(first, gradeReport([passed(score(95))]), at(1));
  expect(news.get('c/x')).toMatchObject({ isNew: true, previous: { figures: score(90) } });
});

test('failures and exercises without figures leave the records alone; attempts are capped', () => {
  const { records, news } = updateRecords({}, gradeReport([passed(undefined), passed(figures(1), 'fail')]), at(0));
  expect(records).toEqual({});
  expect(news.size).toBe(0);
  let many = {};
  for (let i = 0; i < ATTEMPTS_KEPT + 5; i++)
    many = updateRecords(many, gradeReport([passed(figures(100 - i))]), at(i)).records;
  expect(parseRecords(JSON.stringify(many))['c/x']?.attempts).toHaveLength(ATTEMPTS_KEPT);
});

test('without records (a --target run) the line is the figures alone', () => {
  expect(figuresLine(figures(142, 0.0093))).toBe('142 steps, 0.0093 from (1, 1)');
});

test('a damaged records file starts afresh; entries that do not fit are dropped', () => {
  expect(parseRecords('{not json')).toEqual({});
  expect(parseRecords('[]')).toEqual({});
  const kept = parseRecords(
    JSON.stringify({
      'c/x': {
        attempts: [
          { at: 'then', figures: figures(3) },
          { at: 'then', figures: [{ name: 1 }] },
        ],
      },
      'c/y': 'nonsense',
    }),
  );
  expect(kept).toEqual({ 'c/x': { attempts: [{ at: 'then', figures: figures(3) }] } });
  expect(parseFigures([{ name: 'n', value: Infinity, text: 't' }])).toBeUndefined();
});

test("a report takes figures from a passing visible test only, never from a hidden test's", () => {
  const test = (name: string, state: 'passed' | 'failed', f: Figure[]) => ({
    group: '',
    name,
    state,
    message: '',
    figures: f,
  });
  expect(figuresOf([test(hiddenTestName(1), 'passed', figures(1))])).toBeUndefined();
  expect(figuresOf([test('visible', 'failed', figures(2))])).toBeUndefined();
  expect(figuresOf([test(hiddenTestName(1), 'passed', figures(1)), test('visible', 'passed', figures(3))])).toEqual(
    figures(3),
  );
});
