// Turns suite outcomes into the grade report (pure), and the report into the text a student reads.
import type { Exercise } from '../course/course-metadata.js';
import { HIDDEN_TEST_PREFIX } from '../harness/fixtures.js';
import { TIMEOUT_PREFIX } from '../harness/limits.js';
import type { ModuleOutcome } from './result-collector.js';

export type Status = 'pass' | 'fail' | 'error' | 'timeout';

export interface TestReport {
  name: string;
  status: Status;
  message: string;
}

export interface ExerciseReport {
  id: string;
  title: string;
  bonus: boolean;
  status: Status;
  score: number;
  maxScore: number;
  /** The first failure in plain words ("" when the exercise passes). */
  message: string;
  notImplemented: boolean;
  /** How many hidden tests there were and how many passed (what they check is not said). */
  hidden: { total: number; passed: number };
  tests: TestReport[];
}

export interface GradeReport {
  score: number;
  maxScore: number;
  exercises: ExerciseReport[];
}

const LOAD_PROBLEM =
  /could not be loaded|must export|is missing: restore it|^your code (ended|was killed|ran out|stopped|wrote)/;
const NOT_IMPLEMENTED = /^not implemented yet/i;

/** The part of a suite's outcome that belongs to one submission (its describe block in a batch). */
export function outcomeFor(outcome: ModuleOutcome | undefined, group: string): ModuleOutcome | undefined {
  return outcome && { ...outcome, tests: outcome.tests.filter((t) => t.group === group) };
}

export function exerciseReport(
  exercise: Exercise,
  outcome: ModuleOutcome | undefined,
  timeLimitSeconds: number,
  timedOut: boolean,
): ExerciseReport {
  const hiddenTests = (outcome?.tests ?? []).filter((t) => t.name.startsWith(HIDDEN_TEST_PREFIX));
  const hidden = { total: hiddenTests.length, passed: hiddenTests.filter((t) => t.state === 'passed').length };
  const base = {
    id: exercise.id,
    title: exercise.title,
    bonus: exercise.bonus,
    maxScore: exercise.points,
    score: 0,
    notImplemented: false,
    hidden,
  };
  if (timedOut) {
    const message = `did not finish within ${timeLimitSeconds} s: look for a loop that never ends (or a step count far too large)`;
    return { ...base, status: 'timeout', message, tests: [{ name: 'finishes in time', status: 'timeout', message }] };
  }
  if (!outcome) {
    const message = 'the tests of this exercise did not run';
    return { ...base, status: 'error', message, tests: [] };
  }
  if (outcome.loadError) {
    return {
      ...base,
      status: 'error',
      message: outcome.loadError,
      tests: [{ name: 'loads', status: 'error', message: outcome.loadError }],
    };
  }
  const tests: TestReport[] = outcome.tests.map((t) => ({
    name: t.name,
    status:
      t.state === 'passed'
        ? 'pass'
        : t.message.startsWith(TIMEOUT_PREFIX)
          ? 'timeout'
          : LOAD_PROBLEM.test(t.message)
            ? 'error'
            : 'fail',
    message: t.message,
  }));
  const failures = tests.filter((t) => t.status !== 'pass');
  if (tests.length > 0 && failures.length === 0)
    return { ...base, status: 'pass', score: exercise.points, message: '', tests };
  const first = failures[0] ?? { status: 'error' as const, message: 'no test ran' };
  return {
    ...base,
    status: failures.some((t) => t.status === 'timeout')
      ? 'timeout'
      : failures.some((t) => t.status === 'error')
        ? 'error'
        : 'fail',
    message: first.message,
    notImplemented: failures.every((t) => NOT_IMPLEMENTED.test(t.message)),
    tests,
  };
}

export function gradeReport(exercises: ExerciseReport[]): GradeReport {
  return {
    score: exercises.reduce((sum, e) => sum + e.score, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
    exercises,
  };
}

/** The exercise to work on next: the first unfinished required one, then the first unfinished bonus. */
export function nextExercise(report: GradeReport): ExerciseReport | undefined {
  const open = report.exercises.filter((e) => e.status !== 'pass');
  return open.find((e) => !e.bonus) ?? open[0];
}

interface Style {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const paint = (code: number, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
export const styles = (on: boolean): Style => ({
  green: paint(32, on),
  red: paint(31, on),
  yellow: paint(33, on),
  dim: paint(2, on),
  bold: paint(1, on),
});

function statusLabel(e: ExerciseReport, s: Style): string {
  if (e.status === 'pass') return s.green('✓ passed');
  if (e.status === 'timeout') return s.red('⧗ timed out');
  if (e.status === 'error') return s.red('✗ error');
  return e.notImplemented ? s.yellow('· not implemented yet') : s.red('✗ failed');
}

/** Wraps each line of `text` at `width` (a message's own line breaks are kept). */
function wrap(text: string, width: number, indent: string): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, indent))
    .join('\n');
}

function wrapLine(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export interface ScorecardContext {
  course: string;
  target: string;
  /** The command a student types to grade one exercise. */
  gradeCommand: (id: string) => string;
  fileOf: (id: string) => string;
  /** A pointer to the exercise's hints, or "" when it has none left. */
  hintsOf: (id: string) => string;
  /** For a passing exercise: how to see its official solution, or "" where the kit cannot reveal it. */
  revealOf?: (id: string) => string;
}

export function formatScorecard(report: GradeReport, context: ScorecardContext, s: Style): string {
  const idWidth = Math.max(...report.exercises.map((e) => e.id.length));
  const titleWidth = Math.max(...report.exercises.map((e) => e.title.length + (e.bonus ? 8 : 0)));
  const out: string[] = [s.bold(`${context.course}`) + s.dim(`  (grading ${context.target})`), ''];
  for (const e of report.exercises) {
    const title = e.bonus ? `${e.title} ${s.dim('(bonus)')}` : e.title;
    const pad = ' '.repeat(titleWidth - e.title.length - (e.bonus ? 8 : 0));
    const hidden =
      e.hidden.total > 0 && !e.notImplemented
        ? s.dim(`  (hidden tests: ${e.hidden.passed} of ${e.hidden.total} passed)`)
        : '';
    out.push(
      `  ${e.id.padEnd(idWidth)}  ${title}${pad}  ${`${e.score}/${e.maxScore}`.padStart(5)}  ${statusLabel(e, s)}${hidden}`,
    );
    const reveal = e.status === 'pass' ? context.revealOf?.(e.id) : '';
    if (reveal) out.push(`  ${' '.repeat(idWidth)}  ${s.dim(reveal)}`);
    if (e.status !== 'pass' && !e.notImplemented) {
      out.push(s.dim(wrap(e.message, 100, `  ${' '.repeat(idWidth)}  `)));
      const hints = context.hintsOf(e.id);
      if (hints) out.push(`  ${' '.repeat(idWidth)}  ${s.yellow(hints)}`);
    }
  }
  const required = report.exercises.filter((e) => !e.bonus);
  const bonus = report.exercises.filter((e) => e.bonus);
  const sum = (list: ExerciseReport[], key: 'score' | 'maxScore') => list.reduce((t, e) => t + e[key], 0);
  out.push('');
  out.push(
    `  ${s.bold('Score')} ${report.score}/${report.maxScore}` +
      (bonus.length > 0
        ? s.dim(
            `  (required ${sum(required, 'score')}/${sum(required, 'maxScore')}, bonus ${sum(bonus, 'score')}/${sum(bonus, 'maxScore')})`,
          )
        : ''),
  );
  const next = nextExercise(report);
  if (next) {
    const why = next.notImplemented ? 'implement' : 'fix';
    out.push(
      `  ${s.bold('Next')}  ${next.title}${next.bonus ? ' (bonus)' : ''}: ${why} ${context.fileOf(next.id)}, then run \`${context.gradeCommand(next.id)}\``,
    );
    if (next.notImplemented) out.push(s.dim(wrap(next.message, 88, '        ')));
  } else {
    out.push(`  ${s.green('All done.')} Try the challenge with other optimizers, or explore the site: npm run site`);
  }
  return out.join('\n');
}
