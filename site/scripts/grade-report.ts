// Reads the learner's last grade run (.grade/last-report.json, written by `npm run grade`) for the course index:
// one status per exercise and the exercise to do next. A missing or unreadable report means "not graded yet".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GRADE_REPORT_PATH = join('.grade', 'last-report.json');

export type GradeStatus = 'pass' | 'fail' | 'error' | 'timeout';

export interface GradedExercise {
  /** `<course>/<id>`, or the id alone in a report from before courses were named. */
  id: string;
  status: GradeStatus;
  score: number;
  maxScore: number;
  /**
   * Tests that did not pass, with the grader's message and its problem kind (`not-implemented`, `wrong-result`, …;
   * '' in a report that names none).
   */
  failing: { name: string; status: string; kind: string; message: string }[];
}

export interface GradeReport {
  score: number;
  maxScore: number;
  exercises: Map<string, GradedExercise>;
}

const STATUSES = new Set<string>(['pass', 'fail', 'error', 'timeout']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** Parses the grader's `--format json` shape; anything that does not fit is dropped rather than trusted. */
export function parseGradeReport(json: string): GradeReport | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(data) || !Array.isArray(data.exercises)) return null;
  const exercises = new Map<string, GradedExercise>();
  for (const entry of data.exercises) {
    if (
      !isRecord(entry) ||
      typeof entry.id !== 'string' ||
      typeof entry.status !== 'string' ||
      !STATUSES.has(entry.status)
    )
      continue;
    const tests = Array.isArray(entry.tests) ? entry.tests.filter(isRecord) : [];
    // Reports name an exercise `<course>/<id>` (with course and exercise beside); older ones, by its id alone.
    const id =
      typeof entry.course === 'string' && typeof entry.exercise === 'string'
        ? `${entry.course}/${entry.exercise}`
        : entry.id;
    exercises.set(id, {
      id,
      status: entry.status as GradeStatus,
      score: numberOr(entry.score, 0),
      maxScore: numberOr(entry.maxScore, 0),
      failing: tests
        .filter((test) => test.status !== 'pass')
        .map((test) => ({
          name: String(test.name ?? ''),
          status: String(test.status ?? ''),
          kind: typeof test.kind === 'string' ? test.kind : '',
          message: String(test.message ?? ''),
        })),
    });
  }
  return { score: numberOr(data.score, 0), maxScore: numberOr(data.maxScore, 0), exercises };
}

/** The report under `root`, or null when the learner has not graded yet (or the file is half-written). */
export function readGradeReport(root: string): GradeReport | null {
  const path = join(root, GRADE_REPORT_PATH);
  if (!existsSync(path)) return null;
  try {
    return parseGradeReport(readFileSync(path, 'utf8'));
  } catch {
    return null; // a folder in its place, or a file that cannot be read: the site shows no grades (grade says why)
  }
}
