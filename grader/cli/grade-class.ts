// `npm run grade -- --submissions DIR`: grades a whole class in one vitest run, every submission in its own
// sandboxes, and writes a gradebook (CSV, one row per student) and one JSON report per submission, whatever any
// one submission holds or does. A submission already graded and unchanged (same learner files, same grader,
// same refusals) is not graded again.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { readFileBelow } from '../files/read-folder.js';
import { describeRefusal, RefusedSubmission, type Refusal } from '../files/refusal.js';
import { writeAtomically } from '../files/write-atomically.js';
import { csvRow } from './csv-cell.js';
import { gradeInBatches, type GradeBatch } from './grade-in-batches.js';
import { gradeReport, type GradeReport } from './grade-report.js';
import { gatherSubmission, learnerFilePaths, stageFiles, type SubmissionFiles } from './stage-submission.js';
import { reportFileNames } from './submission-ids.js';
import { describeProblem, listSubmissions, openSubmission, type ClassMember } from './submissions.js';

export type { BatchVerdicts, GradeBatch } from './grade-in-batches.js';
export type GradeTargets = GradeBatch;

/** One submission's JSON report: the grade report, who it is, and what decides whether it is still current. */
interface StoredReport extends GradeReport {
  student: string;
  /** Its name in the class folder. */
  submission: string;
  /** Absent when it could not be graded at all (`problem` says why). */
  key?: string;
  problem?: string;
  warnings: string[];
  /** Entries not used (links, special files, files too large), each with its kind and the sentence shown. */
  refused: Array<Refusal & { message: string }>;
}

interface Row {
  member: ClassMember;
  report?: GradeReport;
  /** Why it could not be graded at all. */
  problem?: string;
  refusals: Refusal[];
  /** Set once graded: what decides whether its report is still current. */
  key?: string;
  warnings: string[];
  /** Its stored report was current and was used as it is. */
  reused: boolean;
  /** Problems found after grading (a report that could not be written). */
  notes: string[];
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

function submissionKey(fingerprint: string, files: SubmissionFiles, paths: string[], refusals: Refusal[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const path of paths)
    hash
      .update(`${path}\0`)
      .update(files.learnerFiles.get(path) ?? 'missing')
      .update('\0');
  for (const refusal of refusals) hash.update(`${JSON.stringify(refusal)}\0`);
  return hash.digest('hex');
}

const SHOWN_REFUSALS = 5; // the row stays readable; the JSON report lists them all

function problemsCell(row: Row, reportName: string): string {
  const refused = row.refusals.map((r) => describeRefusal(r));
  const shown =
    refused.length > SHOWN_REFUSALS
      ? [
          ...refused.slice(0, SHOWN_REFUSALS),
          `and ${refused.length - SHOWN_REFUSALS} more refused entries (see ${reportName})`,
        ]
      : refused;
  const failed = (row.report?.exercises ?? [])
    .filter((e) => e.status === 'error' || e.status === 'timeout')
    .map((e) => `${e.id}: ${e.status}`);
  return [...(row.problem ? [row.problem] : []), ...shown, ...failed, ...row.notes].join('; ');
}

function gradebook(exercises: Exercise[], rows: Row[], reportNames: Map<string, string>): string {
  const header = [
    'student',
    ...exercises.map((e) => `${qualifiedId(e)}${e.bonus ? ' (bonus)' : ''}`),
    'score',
    'max score',
    'problems',
  ];
  const max = exercises.reduce((n, e) => n + e.points, 0);
  const lines = rows.map((row) => {
    const cells = exercises.map((e) => row.report?.exercises.find((x) => x.id === qualifiedId(e))?.score ?? 0);
    return csvRow([
      row.member.id,
      ...cells,
      row.report?.score ?? 0,
      max,
      problemsCell(row, reportNames.get(row.member.id)!),
    ]);
  });
  return `${[csvRow(header), ...lines].join('\n')}\n`;
}

/** The stored report at `name` in `outDir`, when there is a readable one. */
function storedReport(outDir: string, name: string): Partial<StoredReport> | undefined {
  const found = readFileBelow(outDir, name, name, 64 * 1024 * 1024);
  if (!found?.bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(found.bytes).toString('utf8')) as Partial<StoredReport>;
  } catch {
    return undefined; // damaged: grade again
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface ClassSummary {
  graded: number;
  reused: number;
  broken: number;
  outDir: string;
}

export async function gradeClass(
  root: string,
  submissionsDir: string,
  outDir: string,
  exercises: Exercise[],
  grade: GradeBatch,
): Promise<ClassSummary> {
  const work = mkdtempSync(join(tmpdir(), 'grade-class-'));
  try {
    mkdirSync(outDir, { recursive: true });
    const fingerprint = graderFingerprint(root);
    const paths = learnerFilePaths(root, exercises);
    const members = listSubmissions(submissionsDir, outDir);
    const reportNames = reportFileNames(members.map((m) => m.id));
    const rows: Row[] = [];
    const fresh: Array<{ row: Row; target: GradeTarget }> = [];
    for (const [index, member] of members.entries()) {
      const row: Row = { member, refusals: [], warnings: [], reused: false, notes: [] };
      rows.push(row);
      try {
        const opened = openSubmission(member, paths);
        row.refusals = opened.refusals;
        if (opened.problem) {
          row.problem = describeProblem(opened.problem);
          continue;
        }
        const files = gatherSubmission(root, opened.learner!, opened.kitSide, paths);
        // A refused learner file is in the tree's refusals already: each is reported once.
        const seen = new Set(row.refusals.map((r) => JSON.stringify(r)));
        row.refusals = [...row.refusals, ...files.refusals.filter((r) => !seen.has(JSON.stringify(r)))];
        row.key = submissionKey(fingerprint, files, paths, row.refusals);
        const stored = storedReport(outDir, reportNames.get(member.id)!);
        if (stored?.key === row.key && Array.isArray(stored.exercises)) {
          row.report = { score: stored.score ?? 0, maxScore: stored.maxScore ?? 0, exercises: stored.exercises };
          row.reused = true;
          continue;
        }
        // Each submission is staged in a folder of its own, named by its place in the class, never by its name.
        const dir = stageFiles(root, files, paths, join(work, `submission-${index}`));
        row.warnings = files.changedKitFiles.map(
          (f) => `the submission's ${f} differs from the original; the original was used`,
        );
        fresh.push({ row, target: { id: `submission-${index}`, dir, shownAs: member.id } });
      } catch (error) {
        // A zip found forged only when an entry is read, or a folder that cannot be read: this submission's problem.
        row.problem =
          error instanceof RefusedSubmission
            ? describeRefusal(error.refusal)
            : `${member.name} could not be read: ${errorText(error)}`;
      }
    }
    const verdicts = await gradeInBatches(
      grade,
      exercises,
      fresh.map((f) => f.target),
    );
    for (const { row, target } of fresh) row.report = gradeReport(verdicts.get(target.id)!);

    // Every student gets a report, those that could not be graded too (with the problem, and a score of 0).
    for (const row of rows.filter((r) => !r.reused)) {
      const stored: StoredReport = {
        student: row.member.id,
        submission: row.member.name,
        ...(row.key ? { key: row.key } : {}),
        ...(row.problem ? { problem: row.problem } : {}),
        warnings: row.warnings,
        refused: row.refusals.map((r) => ({ ...r, message: describeRefusal(r) })),
        ...(row.report ?? gradeReport([])),
      };
      try {
        writeAtomically(join(outDir, reportNames.get(row.member.id)!), `${JSON.stringify(stored, null, 2)}\n`);
      } catch (error) {
        row.notes.push(`its report could not be written: ${errorText(error)}`);
      }
    }
    writeAtomically(join(outDir, 'gradebook.csv'), gradebook(exercises, rows, reportNames));
    return {
      graded: fresh.length,
      reused: rows.filter((r) => r.reused).length,
      broken: rows.filter((r) => r.problem).length,
      outDir,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
