// Turns the grade report into the text a student reads: one row per exercise, grouped by course when there are
// several, then the score and what to do next. Learner text in it goes through terminalSafe.
import type { ExerciseReport, GradeReport } from './grade-report.js';
import { nextExercise } from './grade-report.js';
import { figuresLine, type BestNews } from './exercise-records.js';
import type { ProblemKind } from '../harness/problem-kind.js';
import { terminalSafe } from './terminal-text.js';

// Older importers of the report's types find them here too.
export type { ExerciseReport, GradeReport } from './grade-report.js';

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

/** Lines of a test's prints the scorecard shows; `--format json` keeps them all. */
const PRINTED_LINES = 8;

/** What the learner's code printed during the failing test, as a few dim lines under its message. */
function printedLines(printed: string, under: string, s: Style): string[] {
  const lines = printed.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, PRINTED_LINES).map((line) => {
    const clean = terminalSafe(line);
    return `${under}${s.dim(`│ ${clean.length > 100 ? `${clean.slice(0, 99)}…` : clean}`)}`;
  });
  const more = lines.length - shown.length;
  return [
    `${under}${s.dim('your code printed, during this test:')}`,
    ...shown,
    ...(more > 0
      ? [`${under}${s.dim(`… and ${more} more line${more === 1 ? '' : 's'} (--format json shows them all)`)}`]
      : []),
  ];
}

export interface ScorecardContext {
  /** Each graded course's title and the words it says once everything passes ([texts] allDone), by course id. */
  courses: ReadonlyMap<string, { title: string; allDone: string }>;
  target: string;
  /** The name a student types for an exercise: its id, or `<course>/<id>` where another course shares the id. */
  nameOf: (exercise: ExerciseReport) => string;
  fileOf: (exercise: ExerciseReport) => string;
  /** A pointer to the exercise's hints, or "" when it has none left. */
  hintsOf: (exercise: ExerciseReport) => string;
  /** For a passing exercise: how to see its official solution, or "" where the kit cannot reveal it. */
  revealOf?: (exercise: ExerciseReport) => string;
  /** The names of the graded courses' exercises that this run did not grade (the learner named others). */
  notGraded?: string[];
  /** For a passing exercise with figures: its best so far (absent where no records are kept, e.g. --target). */
  bestOf?: (exercise: ExerciseReport) => BestNews | undefined;
  /** Watch mode grades again on every save: the next step is to save the file, not to run a command. */
  watching?: boolean;
}

/** Problems that stop an exercise before any of its tests runs: "0 of 2 hidden tests passed" would say they ran. */
const NOTHING_RAN: ReadonlySet<ProblemKind> = new Set(['missing-file', 'load', 'missing-export']);

function rows(exercises: ExerciseReport[], context: ScorecardContext, s: Style, indent: string): string[] {
  const names = new Map(exercises.map((e) => [e, context.nameOf(e)]));
  const idWidth = Math.max(...[...names.values()].map((n) => n.length));
  const titleWidth = Math.max(...exercises.map((e) => e.title.length + (e.bonus ? 8 : 0)));
  const under = `${indent}${' '.repeat(idWidth)}  `;
  const out: string[] = [];
  for (const e of exercises) {
    const title = e.bonus ? `${e.title} ${s.dim('(bonus)')}` : e.title;
    const pad = ' '.repeat(titleWidth - e.title.length - (e.bonus ? 8 : 0));
    const hidden =
      e.hidden.total > 0 && !e.notImplemented && !(e.kind && NOTHING_RAN.has(e.kind))
        ? s.dim(`  (hidden tests: ${e.hidden.passed} of ${e.hidden.total} passed)`)
        : '';
    out.push(
      `${indent}${names.get(e)!.padEnd(idWidth)}  ${title}${pad}  ${`${e.score}/${e.maxScore}`.padStart(5)}  ${statusLabel(e, s)}${hidden}`,
    );
    if (e.status === 'pass' && e.figures)
      out.push(`${under}${s.bold(`${names.get(e)!}:`)} ${figuresLine(e.figures, context.bestOf?.(e))}`);
    const reveal = e.status === 'pass' ? context.revealOf?.(e) : '';
    if (reveal) out.push(`${under}${s.dim(reveal)}`);
    if (e.status !== 'pass' && !e.notImplemented) {
      out.push(s.dim(wrap(terminalSafe(e.message), 100, under)));
      const printed = e.tests.find((t) => t.status !== 'pass')?.printed;
      if (printed) out.push(...printedLines(printed, under, s));
      const hints = context.hintsOf(e);
      if (hints) out.push(`${under}${s.yellow(hints)}`);
    }
  }
  return out;
}

export function formatScorecard(report: GradeReport, context: ScorecardContext, s: Style): string {
  const courses = [...new Set(report.exercises.map((e) => e.course))];
  const titleOf = (course: string) => context.courses.get(course)?.title ?? course;
  const target = s.dim(`  (grading ${context.target})`);
  const out: string[] = [];
  if (courses.length <= 1)
    out.push(s.bold(titleOf(courses[0] ?? '')) + target, '', ...rows(report.exercises, context, s, '  '));
  else {
    out.push(s.bold(`${courses.length} courses`) + target);
    for (const course of courses) {
      out.push('', `  ${s.bold(titleOf(course))} ${s.dim(`(${course})`)}`);
      out.push(
        ...rows(
          report.exercises.filter((e) => e.course === course),
          context,
          s,
          '    ',
        ),
      );
    }
  }
  const required = report.exercises.filter((e) => !e.bonus);
  const bonus = report.exercises.filter((e) => e.bonus);
  const sum = (list: ExerciseReport[], key: 'score' | 'maxScore') => list.reduce((t, e) => t + e[key], 0);
  out.push('');
  // The split only where there is something to split: a run of bonus exercises alone is simply all bonus.
  const split =
    bonus.length === 0
      ? ''
      : required.length === 0
        ? '  (bonus)'
        : `  (required ${sum(required, 'score')}/${sum(required, 'maxScore')}, bonus ${sum(bonus, 'score')}/${sum(bonus, 'maxScore')})`;
  out.push(`  ${s.bold('Score')} ${report.score}/${report.maxScore}${s.dim(split)}`);
  const next = nextExercise(report);
  if (next) {
    const why = next.notImplemented ? 'implement' : 'fix';
    out.push(
      `  ${s.bold('Next')}  ${next.title}${next.bonus ? ' (bonus)' : ''}: ${why} ${context.fileOf(next)}, then ${context.watching ? 'save it: it is graded again at once' : `run \`npm run grade ${context.nameOf(next)}\``}`,
    );
    if (next.notImplemented) out.push(s.dim(wrap(terminalSafe(next.message), 88, '        ')));
  } else if (context.notGraded?.length) {
    // Everything graded passes, but the learner graded only some exercises: the course is not done yet.
    const rest = context.notGraded;
    out.push(
      `  ${s.green(report.exercises.length === 1 ? 'Passed.' : 'All of these pass.')} Not graded this time: ${rest.join(', ')}; \`npm run grade\` grades everything`,
    );
  } else {
    const said = courses.flatMap((c) => {
      const course = context.courses.get(c);
      return course?.allDone ? [{ title: course.title, words: course.allDone }] : [];
    });
    // Two courses' words run together read as one garbled sentence: each course then gets its own line.
    if (new Set(said.map((c) => c.words)).size <= 1)
      out.push(`  ${s.green('All done.')}${said[0] ? ` ${said[0].words}` : ''}`);
    else out.push(`  ${s.green('All done.')}`, ...said.map((c) => `    ${c.title}: ${c.words}`));
  }
  return out.join('\n');
}
