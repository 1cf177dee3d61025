// `npm run grade -- --submissions DIR`: grades a whole class in one vitest run, every submission in its own
// sandboxes, and writes a gradebook (CSV, one row per student) and one JSON report per submission.
// A submission already graded and unchanged (same learner files, same grader) is not graded again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Exercise } from '../course/course-metadata.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { gradeReport, type ExerciseReport, type GradeReport } from './scorecard.js';
import { stageSubmission } from './stage-submission.js';
import { collectSubmissions, type Submission } from './submissions.js';
import { writeAtomically } from '../files/write-atomically.js';

export type GradeTargets = (exercises: Exercise[], targets: GradeTarget[]) => Promise<Map<string, ExerciseReport[]>>;

/** One submission's JSON report: the grade report, who it is, and what decides whether it is still current. */
interface StoredReport extends GradeReport {
  student: string;
  key: string;
  warnings: string[];
}

/** A digest of everything that decides a verdict on the grader's side: suites, harness, fixtures, metadata. */
function graderFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['grader', 'courses']) {
    const files = readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|json|toml)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function submissionKey(fingerprint: string, submission: Submission, exercises: Exercise[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const e of exercises) {
    for (const file of e.files) {
      const path = join(submission.dir!, e.course, file);
      hash.update(`${e.course}/${file}\0`).update(existsSync(path) ? readFileSync(path) : 'missing');
    }
  }
  return hash.digest('hex');
}

const csvCell = (value: string | number): string => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

function gradebook(exercises: Exercise[], rows: Array<{ id: string; report?: GradeReport; problem?: string }>): string {
  const header = ['student', ...exercises.map((e) => `${e.id}${e.bonus ? ' (bonus)' : ''}`), 'score', 'max score', 'problems'];
  const lines = rows.map(({ id, report, problem }) => {
    const cells = exercises.map((e) => report?.exercises.find((x) => x.id === e.id)?.score ?? 0);
    const problems = problem ?? (report?.exercises.filter((e) => e.status === 'error' || e.status === 'timeout').map((e) => `${e.id}: ${e.status}`).join('; ') || '');
    const max = exercises.reduce((n, e) => n + e.points, 0);
    return [id, ...cells, report?.score ?? 0, max, problems].map(csvCell).join(',');
  });
  return `${[header.map(csvCell).join(','), ...lines].join('\n')}\n`;
}

export interface ClassSummary {
  graded: number;
  reused: number;
  broken: number;
  outDir: string;
}

export async function gradeClass(root: string, submissionsDir: string, outDir: string, exercises: Exercise[], grade: GradeTargets): Promise<ClassSummary> {
  const work = mkdtempSync(join(tmpdir(), 'grade-class-'));
  try {
    mkdirSync(outDir, { recursive: true });
    const fingerprint = graderFingerprint(root);
    const submissions = collectSubmissions(submissionsDir, exercises, join(work, 'unpacked'));
    const rows: Array<{ id: string; report?: GradeReport; problem?: string }> = [];
    const fresh: Array<{ submission: Submission; key: string; target: GradeTarget; warnings: string[] }> = [];
    let reused = 0;
    for (const submission of submissions) {
      if (!submission.dir) {
        rows.push({ id: submission.id, problem: submission.problem });
        continue;
      }
      const key = submissionKey(fingerprint, submission, exercises);
      const storedPath = join(outDir, `${submission.id}.json`);
      const stored = existsSync(storedPath) ? (JSON.parse(readFileSync(storedPath, 'utf8')) as Partial<StoredReport>) : undefined;
      if (stored?.key === key && stored.exercises) {
        rows.push({ id: submission.id, report: { score: stored.score ?? 0, maxScore: stored.maxScore ?? 0, exercises: stored.exercises } });
        reused++;
        continue;
      }
      const staged = stageSubmission(root, submission.dir, exercises, join(work, 'staged', submission.id));
      const warnings = staged.changedKitFiles.map((f) => `the submission's ${f} differs from the original; the original was used`);
      fresh.push({ submission, key, warnings, target: { id: submission.id, dir: staged.dir, shownAs: submission.id } });
      rows.push({ id: submission.id });
    }
    const reports = fresh.length > 0 ? await grade(exercises, fresh.map((f) => f.target)) : new Map<string, ExerciseReport[]>();
    for (const { submission, key, warnings } of fresh) {
      const report = gradeReport(reports.get(submission.id) ?? []);
      rows.find((r) => r.id === submission.id)!.report = report;
      const stored: StoredReport = { student: submission.id, key, warnings, ...report };
      writeAtomically(join(outDir, `${submission.id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
    }
    writeAtomically(join(outDir, 'gradebook.csv'), gradebook(exercises, rows));
    return { graded: fresh.length, reused, broken: rows.filter((r) => r.problem).length, outDir };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
