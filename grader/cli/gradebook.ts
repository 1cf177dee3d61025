// The class gradebook (gradebook.csv), built from the submissions' JSON reports alone: one row per student, sorted
// by id, so that a class graded in shards and merged (class-shards.ts) gives the very bytes of one run. Pure.
import { describeRefusal, type Refusal } from '../files/refusal.js';
import { csvRow } from './csv-cell.js';
import type { ExerciseReport, GradeReport } from './grade-report.js';

/** One row's JSON report: the grade report, who it is, and what decides whether it is still current. */
export interface StoredReport extends GradeReport {
  student: string;
  /** The student's name, from the roster. */
  name?: string;
  /** Its name in the class folder; null for a rostered student who sent nothing. */
  submission: string | null;
  /** graded; broken: it could not be graded at all (`problem` says why); missing: rostered, nothing sent. */
  status: 'graded' | 'broken' | 'missing';
  /** With a roster: this submission matches no student of it. */
  unrostered?: boolean;
  /** Absent when it could not be graded at all. */
  key?: string;
  problem?: string;
  warnings: string[];
  /** Entries not used (links, special files, files too large), each with its kind and the sentence shown. */
  refused: Array<Refusal & { message: string }>;
}

/** An exercise as the gradebook shows it: enough to write its column without the course's files (for --merge). */
export interface GradebookExercise {
  /** `<course>/<id>`. */
  id: string;
  course: string;
  exercise: string;
  bonus: boolean;
  points: number;
  /** Its learner files (`<file>.ts`, in its course's folder). */
  files: string[];
}

export interface GradebookLayout {
  exercises: GradebookExercise[];
  /** Graded with a roster: the name and submission columns are shown. */
  roster: boolean;
}

const SHOWN_REFUSALS = 5; // the row stays readable; the JSON report lists them all

/** The ids shown: `<id>` alone when one course is graded, `<course>/<id>` when several. */
const namer = (exercises: GradebookExercise[]) =>
  new Set(exercises.map((e) => e.course)).size > 1
    ? (e: { id: string }) => e.id
    : (e: { exercise: string }) => e.exercise;

const KIND_WORDS: Record<string, string> = {
  'not-implemented': 'not implemented',
  threw: 'throws',
  'wrong-result': 'wrong result',
  timeout: 'timed out',
  load: 'does not load',
  'missing-file': 'file missing',
  'missing-export': 'export missing',
  crash: 'crashed',
  grader: 'grader error',
};

/** The learner file a compile error points at (`…/<file>.ts:47:18: Unexpected ";"`), by its name. */
const BROKEN_FILE = /([^\s/\\:]+\.(?:ts|js|json)):\d+:\d+: /;

/** Why each exercise lost its points, in a few words; a file that does not compile is named once, with its importers. */
function exerciseProblems(reports: ExerciseReport[], layout: GradebookLayout): string[] {
  const name = namer(layout.exercises);
  const broken = new Map<string, string[]>();
  const words: string[] = [];
  for (const report of reports.filter((e) => e.status !== 'pass')) {
    const file = report.kind === 'load' ? BROKEN_FILE.exec(report.message)?.[1] : undefined;
    if (file) {
      const own = layout.exercises.find((e) => e.id === report.id)?.files.includes(file) ?? false;
      const importers = broken.get(file) ?? [];
      if (!own) importers.push(name(report));
      broken.set(file, importers);
      continue;
    }
    words.push(`${name(report)}: ${(report.kind && KIND_WORDS[report.kind]) ?? report.status}`);
  }
  const compile = [...broken].map(
    ([file, importers]) =>
      `${file} does not compile${importers.length ? `; ${importers.join(', ')} ${importers.length > 1 ? 'import' : 'imports'} it` : ''}`,
  );
  return [...compile, ...words];
}

function problemsCell(report: StoredReport, fileName: string, layout: GradebookLayout): string {
  const refused = report.refused.map((r) => r.message || describeRefusal(r));
  const shown =
    refused.length > SHOWN_REFUSALS
      ? [
          ...refused.slice(0, SHOWN_REFUSALS),
          `and ${refused.length - SHOWN_REFUSALS} more refused entries (see ${fileName})`,
        ]
      : refused;
  return [
    ...(report.status === 'missing' ? ['no submission'] : []),
    ...(report.unrostered ? ['not on the roster'] : []),
    ...(report.problem ? [report.problem] : []),
    ...shown,
    ...exerciseProblems(report.exercises, layout),
  ].join('; ');
}

const total = (list: GradebookExercise[]) => list.reduce((n, e) => n + e.points, 0);

/** The gradebook's text: a header, then one row per report, sorted by student id (UTF-16 code units). */
export function gradebookCsv(
  layout: GradebookLayout,
  reports: Array<{ report: StoredReport; fileName: string }>,
): string {
  const name = namer(layout.exercises);
  const courses = [...new Set(layout.exercises.map((e) => e.course))];
  const required = layout.exercises.filter((e) => !e.bonus);
  const bonus = layout.exercises.filter((e) => e.bonus);
  // Subtotals per course when several are graded, then the totals: required and bonus apart (bonus only if any).
  const totals: Array<{ header: string; of: GradebookExercise[] }> = [
    ...(courses.length > 1
      ? courses.flatMap((course) => {
          const own = layout.exercises.filter((e) => e.course === course);
          return [
            { header: `${course} required`, of: own.filter((e) => !e.bonus) },
            ...(own.some((e) => e.bonus) ? [{ header: `${course} bonus`, of: own.filter((e) => e.bonus) }] : []),
          ];
        })
      : []),
    { header: 'required', of: required },
    ...(bonus.length ? [{ header: 'bonus', of: bonus }] : []),
  ];
  const header = [
    'student',
    ...(layout.roster ? ['name', 'submission'] : []),
    'status',
    ...layout.exercises.map((e) => `${name(e)}${e.bonus ? ' (bonus)' : ''}`),
    ...totals.map((t) => `${t.header} (of ${total(t.of)})`),
    'problems',
  ];
  const sorted = [...reports].sort((a, b) =>
    a.report.student < b.report.student ? -1 : a.report.student > b.report.student ? 1 : 0,
  );
  const lines = sorted.map(({ report, fileName }) => {
    const scoreOf = (e: GradebookExercise) => report.exercises.find((x) => x.id === e.id)?.score ?? 0;
    return csvRow([
      report.student,
      ...(layout.roster ? [report.name ?? '', report.submission ?? ''] : []),
      report.status,
      ...layout.exercises.map(scoreOf),
      ...totals.map((t) => t.of.reduce((n, e) => n + scoreOf(e), 0)),
      problemsCell(report, fileName, layout),
    ]);
  });
  return `${[csvRow(header), ...lines].join('\n')}\n`;
}
