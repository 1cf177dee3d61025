// Grades a folder of submissions with one `npm run grade -- --submissions` subprocess and reads back what it wrote:
// for tests that judge many learner folders, one grader boot instead of one per folder.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseReport } from '../grader/cli/grade-report.js';
import { LAUNCH } from './kit-sandbox.js';

/** One submission's JSON report, as the class run writes it beside the gradebook. */
export interface SubmissionReport {
  student: string;
  submission: string;
  /** Why the submission could not be graded at all. */
  problem?: string;
  warnings: string[];
  refused: Array<{ kind: string; path?: string; message: string }>;
  score: number;
  maxScore: number;
  exercises: ExerciseReport[];
}

export interface ClassRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  gradebook: string;
  /** By student id: the report file's `student` field. */
  reports: Map<string, SubmissionReport>;
  /** Each report's file as written, by student id: for what must never appear in one (secrets, paths). */
  reportTexts: Map<string, string>;
}

export interface ClassRunOptions {
  /** The kit whose grader runs (its root is the working directory). */
  kit: string;
  submissions: string;
  out: string;
  /** Exercise ids to grade; every exercise when empty. */
  exercises?: string[];
  /** More options for grade.ts (--roster FILE, --shard i/n). */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** The grader is killed (its whole process group) after this long: the test then fails on the missing reports. */
  killAfterMs?: number;
}

/**
 * Runs the class in a process group of its own, so that a learner's signal to the grader's group cannot reach the
 * test runner, and without blocking the runner: several runs may be under way at once.
 */
export function gradeClassRun(options: ClassRunOptions): Promise<ClassRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const args = [
      'grader/cli/grade.ts',
      '--submissions',
      options.submissions,
      '--out',
      options.out,
      ...(options.args ?? []),
    ];
    const child = spawn(process.execPath, [LAUNCH, ...args, ...(options.exercises ?? [])], {
      cwd: options.kit,
      detached: true,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.killAfterMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(limit);
      const seconds = (Date.now() - started) / 1000;
      resolve({ exitCode, signal, stdout, stderr, seconds, ...readClassOutput(options.out) });
    });
  });
}

/** The gradebook and every report a class run left in `out` (none when it wrote nothing). */
export function readClassOutput(out: string): Pick<ClassRun, 'gradebook' | 'reports' | 'reportTexts'> {
  const reports = new Map<string, SubmissionReport>();
  const reportTexts = new Map<string, string>();
  if (!existsSync(out)) return { gradebook: '', reports, reportTexts };
  // .class.json is the run's own manifest (class-shards.ts), not a report.
  for (const file of readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.'))) {
    const text = readFileSync(join(out, file), 'utf8');
    const report = JSON.parse(text) as SubmissionReport;
    reports.set(report.student, report);
    reportTexts.set(report.student, text);
  }
  const gradebook = join(out, 'gradebook.csv');
  return { gradebook: existsSync(gradebook) ? readFileSync(gradebook, 'utf8') : '', reports, reportTexts };
}

/** The report of `exercise` (its id within its course) in a submission's report, or a thrown error naming both. */
export function exerciseOf(report: SubmissionReport | undefined, exercise: string): ExerciseReport {
  const found = report?.exercises.find((e) => e.exercise === exercise);
  if (!found) throw new Error(`no report for ${exercise} in ${report ? report.student : 'a missing submission'}`);
  return found;
}
