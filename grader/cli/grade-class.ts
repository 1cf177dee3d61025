// `npm run grade -- --submissions DIR`: grades a whole class in one vitest run, every submission in its own
// sandboxes, and writes a gradebook (CSV, one row per student) and one JSON report per submission, whatever any
// one submission holds or does. A submission already graded and unchanged (same learner files, same grader,
// same refusals) is not graded again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { filesBelow } from '../files/files-below.js';
import { readFileBelow } from '../files/read-folder.js';
import { describeRefusal, RefusedSubmission, type Refusal } from '../files/refusal.js';
import { writeAtomically } from '../files/write-atomically.js';
import { manifestText, MANIFEST, shardOf, sortIds, type Shard } from './class-shards.js';
import { gradeInBatches, type GradeBatch } from './grade-in-batches.js';
import { gradeReport, type GradeReport } from './grade-report.js';
import { gradebookCsv, type GradebookLayout, type StoredReport } from './gradebook.js';
import { rosterKey, type RosterEntry } from './roster.js';
import {
  gatherSubmission,
  learnerFilePaths,
  refusedLearnerFiles,
  stageFiles,
  type SubmissionFiles,
} from './stage-submission.js';
import { reportFileNames } from './submission-ids.js';
import { describeProblem, listSubmissions, openSubmission, type ClassMember } from './submissions.js';
import { makeTemporaryFolder, removeFolder } from '../files/temporary-folders.js';

/** Submissions graded together (see gradeInBatches' caller below). */
const CLASS_BATCH = 8;

export type { BatchVerdicts, GradeBatch } from './grade-in-batches.js';
export type GradeTargets = GradeBatch;

interface Row {
  /** The gradebook's id: the roster's identifier, or the submission's id (see submission-ids.ts). */
  id: string;
  /** Absent for a rostered student who sent nothing. */
  member?: ClassMember;
  roster?: RosterEntry;
  report?: GradeReport;
  /** Why it could not be graded at all. */
  problem?: string;
  refusals: Refusal[];
  /** Set once graded: what decides whether its report is still current. */
  key?: string;
  warnings: string[];
  /** Its stored report was current and was used as it is. */
  reused: boolean;
}

/** A course's site and benchmarks never decide a verdict: editing them keeps a class's reports current. */
const NOT_GRADING = /^courses\/[^/]+\/(site|bench)\//;

/** A digest of everything that decides a verdict on the grader's side: suites, harness, fixtures, metadata. */
function graderFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['grader', 'courses']) {
    const files = filesBelow(join(root, dir))
      .filter((file) => /\.(ts|json|toml)$/.test(file))
      .filter((file) => !NOT_GRADING.test(relative(root, file).split(sep).join('/')))
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
  /** Rostered students who sent nothing (in this shard). */
  missing: number;
  /** This run's rows, and the class's. */
  rows: number;
  classRows: number;
  outDir: string;
  /**
   * The courses graded of which no submission of this run holds a single learner file, where some other course's
   * are there: every row scores 0 there (a class of one course, graded in a kit of several).
   */
  coursesNoOneSent: string[];
}

export interface ClassOptions {
  /** The roster's students: rows are named by their identifiers, and those who sent nothing are marked missing. */
  roster?: RosterEntry[];
  /** Grade only this share of the class (class-shards.ts says which). */
  shard?: Shard;
}

/** The gradebook's rows: one per submission, named by the roster where it knows the student, plus the missing. */
export function planRows(members: ClassMember[], roster: RosterEntry[] | undefined): Row[] {
  const blank = { refusals: [], warnings: [], reused: false };
  if (!roster) return members.map((member) => ({ ...blank, id: member.id, member }));
  // An identifier wins over a GitHub username; a submission named exactly as the roster names the student takes
  // their name before one that matches only in case (another student's `Alice` must not take alice's row), then the
  // first by id.
  const byIdentifier = new Map(roster.map((entry) => [rosterKey(entry.identifier), entry]));
  const byAlias = new Map(roster.flatMap((entry) => entry.aliases.map((alias) => [rosterKey(alias), entry] as const)));
  const entryOf = (member: ClassMember) => byIdentifier.get(rosterKey(member.id)) ?? byAlias.get(rosterKey(member.id));
  const exact = (member: ClassMember) => {
    const entry = entryOf(member);
    return entry !== undefined && (entry.identifier === member.id || entry.aliases.includes(member.id));
  };
  const byId = (a: ClassMember, b: ClassMember) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ordered = [...members.filter(exact).sort(byId), ...members.filter((m) => !exact(m)).sort(byId)];
  const claimed = new Set<RosterEntry>();
  const rows: Row[] = [];
  const used = new Set(roster.map((entry) => rosterKey(entry.identifier)));
  for (const member of ordered) {
    const entry = entryOf(member);
    if (entry && !claimed.has(entry)) {
      claimed.add(entry);
      rows.push({ ...blank, id: entry.identifier, member, roster: entry });
      continue;
    }
    // Not on the roster, or a second submission of a student: its own id, kept apart from every identifier.
    let id = member.id;
    while (used.has(rosterKey(id))) id = `${id} (${member.name})`;
    used.add(rosterKey(id));
    rows.push({
      ...blank,
      id,
      member,
      ...(entry ? { roster: entry, problem: `a second submission of ${entry.identifier}, graded apart` } : {}),
    });
  }
  for (const entry of roster.filter((e) => !claimed.has(e)))
    rows.push({ ...blank, id: entry.identifier, roster: entry });
  return rows;
}

function storedOf(row: Row, rostered: boolean): StoredReport {
  const status = !row.member ? 'missing' : row.problem && !row.report ? 'broken' : 'graded';
  return {
    student: row.id,
    ...(rostered ? { name: row.roster?.name ?? '' } : {}),
    submission: row.member?.name ?? null,
    status,
    ...(rostered && row.member && !row.roster ? { unrostered: true } : {}),
    ...(row.key ? { key: row.key } : {}),
    ...(row.problem ? { problem: row.problem } : {}),
    warnings: row.warnings,
    refused: row.refusals.map((r) => ({ ...r, message: describeRefusal(r) })),
    ...(row.report ?? gradeReport([])),
  };
}

/** The gradebook's columns for `exercises`, in their order. */
export function layoutOf(exercises: Exercise[], roster: boolean): GradebookLayout {
  return {
    exercises: exercises.map((e) => ({
      id: qualifiedId(e),
      course: e.course,
      exercise: e.id,
      bonus: e.bonus,
      points: e.points,
      files: e.files,
    })),
    roster,
  };
}

export async function gradeClass(
  root: string,
  submissionsDir: string,
  outDir: string,
  exercises: Exercise[],
  grade: GradeBatch,
  options: ClassOptions = {},
): Promise<ClassSummary> {
  const work = makeTemporaryFolder('grade-class-');
  try {
    mkdirSync(outDir, { recursive: true });
    const fingerprint = graderFingerprint(root);
    const paths = learnerFilePaths(root, exercises);
    const members = listSubmissions(submissionsDir, outDir);
    const planned = planRows(members, options.roster);
    // Every shard plans the whole class, so that all agree on ids, report names and who is missing.
    const ids = sortIds(planned.map((r) => r.id));
    const reportNames = reportFileNames(ids);
    const mine = new Set(shardOf(ids, options.shard));
    const rows = planned.filter((r) => mine.has(r.id));
    const fresh: Array<{ row: Row; target: GradeTarget }> = [];
    const coursesSent = new Set<string>();
    for (const [index, row] of rows.entries()) {
      const member = row.member;
      if (!member) continue; // rostered, nothing sent
      try {
        const opened = openSubmission(member, paths);
        row.refusals = opened.refusals;
        if (opened.problem) {
          row.problem = describeProblem(opened.problem);
          continue;
        }
        const files = gatherSubmission(root, opened.learner!, opened.learner!.kitSide, paths);
        for (const path of files.learnerFiles.keys()) coursesSent.add(path.slice(0, path.indexOf('/')));
        // A refused learner file is in the tree's refusals already: each is reported once.
        const seen = new Set(row.refusals.map((r) => JSON.stringify(r)));
        row.refusals = [...row.refusals, ...files.refusals.filter((r) => !seen.has(JSON.stringify(r)))];
        row.key = submissionKey(fingerprint, files, paths, row.refusals);
        const stored = storedReport(outDir, reportNames.get(row.id)!);
        if (stored?.key === row.key && Array.isArray(stored.exercises)) {
          row.report = { score: stored.score ?? 0, maxScore: stored.maxScore ?? 0, exercises: stored.exercises };
          row.warnings = Array.isArray(stored.warnings) ? stored.warnings : [];
          row.reused = true;
          continue;
        }
        // Each submission is staged in a folder of its own, named by its place in the class, never by its name.
        const dir = stageFiles(root, files, paths, join(work, `submission-${index}`));
        row.warnings = [
          ...opened.notes,
          ...files.changedKitFiles.map((f) => `the submission's ${f} differs from the original; the original was used`),
        ];
        // A refused learner file is said in its exercise's verdict too, rather than called missing there.
        const refused = refusedLearnerFiles(
          row.refusals,
          paths,
          (r) => describeRefusal(r),
          opened.learner!.learnerPathOf,
        );
        fresh.push({
          row,
          // Uploaded, as Gradescope's are: a missing file is said to be missing from the submission, never with
          // the advice of a student's own kit (npm run reset), nor under a path the upload may not have.
          target: { id: `submission-${index}`, dir, shownAs: member.id, upload: true, ...(refused ? { refused } : {}) },
        });
      } catch (error) {
        // A zip found forged only when an entry is read, or a folder that cannot be read: this submission's problem.
        row.problem =
          error instanceof RefusedSubmission
            ? describeRefusal(error.refusal)
            : `${member.name} could not be read: ${errorText(error)}`;
      }
    }
    // A few submissions at a time, every suite over them: a submission's next session then comes while a process
    // its last one left is still kept for it (sandbox-broker.ts). A class of 100 took 26-27 s in batches of 8, 28 s
    // of 4, 29 s of 16, and 38 s in one batch, where a suite went through the whole class before the next began.
    const verdicts = await gradeInBatches(
      grade,
      exercises,
      fresh.map((f) => f.target),
      CLASS_BATCH,
    );
    for (const { row, target } of fresh) row.report = gradeReport(verdicts.get(target.id)!);

    // Every row gets a report: those that could not be graded too (with the problem, and a score of 0), and, with a
    // roster, the students who sent nothing. A report already current (and named the same) is left as it is.
    const rostered = options.roster !== undefined;
    const reports = rows.map((row) => {
      const report = storedOf(row, rostered);
      const fileName = reportNames.get(row.id)!;
      const text = `${JSON.stringify(report, null, 2)}\n`;
      try {
        const before = readFileBelow(outDir, fileName, fileName, 64 * 1024 * 1024)?.bytes;
        if (!before || Buffer.from(before).toString('utf8') !== text) writeAtomically(join(outDir, fileName), text);
      } catch (error) {
        report.problem = [report.problem, `its report could not be written: ${errorText(error)}`]
          .filter(Boolean)
          .join('; ');
      }
      return { report, fileName };
    });
    const layout = layoutOf(exercises, rostered);
    writeAtomically(join(outDir, 'gradebook.csv'), gradebookCsv(layout, reports));
    writeAtomically(
      join(outDir, MANIFEST),
      manifestText({
        format: 1,
        layout,
        rows: ids.map((id) => ({ id, file: reportNames.get(id)! })),
        shard: options.shard ?? null,
        graded: ids.filter((id) => mine.has(id)),
      }),
    );
    return {
      graded: fresh.length,
      reused: rows.filter((r) => r.reused).length,
      broken: rows.filter((r) => r.member && r.problem && !r.report).length,
      missing: rows.filter((r) => !r.member).length,
      rows: rows.length,
      classRows: ids.length,
      outDir,
      coursesNoOneSent:
        coursesSent.size === 0 ? [] : [...new Set(exercises.map((e) => e.course))].filter((c) => !coursesSent.has(c)),
    };
  } finally {
    removeFolder(work);
  }
}
