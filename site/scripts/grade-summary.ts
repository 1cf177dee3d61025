// Turns the learner's last grade report into what a course's index shows: a badge per exercise, the course's points
// and the exercise to do next, in info.toml order.
import type { GradedExercise, GradeReport, GradeStatus } from './grade-report.js';

export interface ExerciseBadge {
  tone: 'ok' | 'warn' | 'error' | 'todo';
  label: string;
  /** The first failing test's message, as a tooltip: enough to know where to look. */
  detail: string;
}

export interface GradeSummary {
  graded: boolean;
  score: number;
  maxScore: number;
  next: { id: string; title: string; href: string; reason: string } | null;
  badges: Map<string, ExerciseBadge>;
}

const LABELS: Record<GradeStatus, ExerciseBadge['tone']> = {
  pass: 'ok',
  fail: 'warn',
  error: 'error',
  timeout: 'error',
};
const WORDS: Record<GradeStatus, string> = { pass: 'passed', fail: 'failing', error: 'error', timeout: 'timed out' };

interface ExerciseRef {
  /** The exercise's course: reports name exercises `<course>/<id>`. */
  course?: string;
  id: string;
  title: string;
  href: string;
  bonus: boolean;
}

/** A result's tone and word: "to do" while its first failure is the stub's own, else its status. */
function statusBadge(result: GradedExercise): Pick<ExerciseBadge, 'tone' | 'label'> {
  // The stub's own "not implemented yet", as the grader classed it: a learner's message saying so is no stub.
  if (result.failing[0]?.kind === 'not-implemented') return { tone: 'todo', label: 'to do' };
  return { tone: LABELS[result.status], label: WORDS[result.status] };
}

export function summarizeGrades(report: GradeReport | null, exercises: readonly ExerciseRef[]): GradeSummary {
  const badges = new Map<string, ExerciseBadge>();
  if (!report) return { graded: false, score: 0, maxScore: 0, next: null, badges };
  const resultOf = (exercise: ExerciseRef) =>
    (exercise.course ? report.exercises.get(`${exercise.course}/${exercise.id}`) : undefined) ??
    report.exercises.get(exercise.id);
  for (const exercise of exercises) {
    const result = resultOf(exercise);
    if (!result) {
      badges.set(exercise.id, { tone: 'todo', label: 'not graded', detail: `run npm run grade ${exercise.id}` });
      continue;
    }
    const failing = result.failing[0];
    badges.set(exercise.id, {
      ...statusBadge(result),
      detail: failing ? `${failing.name}: ${failing.message}` : `${result.score} / ${result.maxScore}`,
    });
  }
  // Next: the first core exercise not passed; bonus exercises only once the core track passes.
  const unpassed = (bonus: boolean) =>
    exercises.find((exercise) => exercise.bonus === bonus && resultOf(exercise)?.status !== 'pass');
  const nextExercise = unpassed(false) ?? unpassed(true);
  const next = nextExercise
    ? {
        id: nextExercise.id,
        title: nextExercise.title,
        href: nextExercise.href,
        reason: badges.get(nextExercise.id)?.detail ?? '',
      }
    : null;
  // This course's own points: the report may hold other courses' exercises too.
  const results = exercises.flatMap((exercise) => resultOf(exercise) ?? []);
  const score = results.reduce((sum, result) => sum + result.score, 0);
  const maxScore = results.reduce((sum, result) => sum + result.maxScore, 0);
  return { graded: true, score, maxScore, next, badges };
}

/** What an exercise page shows of the last grade run: the grader's own words about the learner's code. */
export interface ExerciseFinding {
  tone: ExerciseBadge['tone'];
  label: string;
  /** The first failing test and the grader's message for it (its diagnosis included); empty once it passes. */
  test: string;
  message: string;
  /** The report predates the learner's last edit of the exercise's files: it may describe older code. */
  stale: boolean;
}

/**
 * The grader's finding for one exercise, or null when the report does not cover it. `stale` is for the caller to
 * work out (the report's time against the files'): a finding about code since changed must say so.
 */
export function exerciseFinding(
  report: GradeReport | null,
  exercise: Pick<ExerciseRef, 'course' | 'id'>,
  stale: boolean,
): ExerciseFinding | null {
  if (!report) return null;
  const result =
    (exercise.course ? report.exercises.get(`${exercise.course}/${exercise.id}`) : undefined) ??
    report.exercises.get(exercise.id);
  if (!result) return null;
  const failing = result.failing[0];
  return {
    ...statusBadge(result),
    test: failing?.name ?? '',
    message: failing ? onThePage(failing.message) : `${result.score} / ${result.maxScore} points`,
    stale,
  };
}

/** The message as the page shows it: a line sending the learner to the site is moot on the site itself. */
function onThePage(message: string): string {
  return message
    .split('\n')
    .filter((line) => !line.includes('npm run site'))
    .join('\n');
}
