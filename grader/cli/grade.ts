// `npm run grade`: grades the learner's files against each exercise's suite and prints a scorecard, a JSON
// report, Gradescope's results.json or JUnit XML; --watch grades again on save; --submissions grades a class.
// Exit code 0 when everything selected passes, 1 when something does not, 2 on usage errors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  DEFAULT_TEXTS,
  loadCourses,
  MetadataError,
  qualifiedId,
  type Course,
  type Exercise,
} from '../course/course-metadata.js';
import { ExerciseNameError, shortName } from '../course/find-exercise.js';
import { readHintState } from '../hints/hint-state.js';
import { sealedSolutionPath } from '../reveal/sealed-solution.js';
import { ClassArchiveError, unpackClassArchive } from './class-archive.js';
import { ClassOutputError, mergeClassOutputs } from './class-shards.js';
import { gradeClass } from './grade-class.js';
import { readRoster, RosterError } from './roster.js';
import { gradeUpload } from './grade-upload.js';
import { openGrader } from './grade-folder.js';
import { gradeReport, type ExerciseReport, type GradeReport } from './grade-report.js';
import { parseGradeArgs, USAGE } from './parse-args.js';
import { UsageError } from './read-options.js';
import { formatPhases, markPhase, phaseMarks } from './phase-timings.js';
import { GRADING_THREADS, ONE_SUBMISSION_THREADS } from './run-suites.js';
import { earlyThreadCounts, startThreadsEarly } from './vitest-thread.js';
import { toGradescope, toJson, toJunit } from './report-formats.js';
import { SandboxStartError, sandboxGuards } from '../sandbox/run-sandboxed.js';
import { guardsLine, requireOfficialGuards, WeakSandboxError } from './official-grading.js';
import { formatScorecard, styles } from './scorecard.js';
import { learnerFilePaths } from './stage-submission.js';
import { isZipName } from './submission-ids.js';
import { findLearnerRoot } from './submissions.js';
import { watchAndGrade } from './watch.js';
import { writeAtomically } from '../files/write-atomically.js';
import { saveState } from '../files/save-state.js';
import { keepRecords, type BestNews } from './exercise-records.js';
import { exitOnSignals } from './exit-on-signal.js';
import { TemporaryFolderError } from '../files/temporary-folders.js';
import { OutputPathError, outputFile, outputFolder } from '../files/output-path.js';
import { gradebookFolder, reportFile } from './protected-outputs.js';
import { terminalSafe } from './terminal-text.js';

const root = resolve(import.meta.dirname, '..', '..');

/** `given`, resolved, where it is a folder; a usage error naming `option` where it is not. */
function existingFolder(option: string, given: string): string {
  const folder = resolve(given);
  if (!existsSync(folder)) throw new UsageError(`${option} ${given}: no such folder`);
  if (!statSync(folder).isDirectory())
    throw new UsageError(
      `${option} ${given}: it is a file, not a folder${isZipName(given) ? ` (unpack it, e.g. unzip ${given} -d ${given.slice(0, -4)}, and name that folder)` : ''}`,
    );
  return folder;
}

/** The class's own .zip that --submissions names (as a platform exports a class), resolved; undefined for a folder. */
function classArchive(given: string): string | undefined {
  const path = resolve(given);
  return isZipName(given) && statSync(path, { throwIfNoEntry: false })?.isFile() ? path : undefined;
}

/** The class's archive unpacked into a folder of the grader's own (class-archive.ts), or a usage error saying why not. */
function unpackClass(archive: string, given: string, exercises: Exercise[]): { folder: string; notes: string[] } {
  try {
    return unpackClassArchive(archive, given, learnerFilePaths(root, exercises));
  } catch (error) {
    if (error instanceof ClassArchiveError) throw new UsageError(`--submissions ${given}: ${error.message}`);
    throw error;
  }
}

/** The folder --target names (or exercises/), resolved; a usage error where there is none. */
function targetFolder(given: string | undefined): string {
  if (given !== undefined) return existingFolder('--target', given);
  const own = resolve(root, 'exercises');
  if (!isFolder(own))
    throw new MissingFolderError(
      `${join(here(own), '/')} is ${existsSync(own) ? 'not a folder' : 'not there'}: it holds your exercises; bring it back from the kit (in a git clone: git checkout -- ${here(own)})`,
    );
  return own;
}

const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/** Every learner file's place, in `target` and in the kit's own exercises/ and solutions/: no report goes there. */
const learnerFiles = (courses: Course[], target: string): string[] =>
  courses.flatMap((course) =>
    course.exercises.flatMap((exercise) =>
      exercise.files.flatMap((file) =>
        [target, join(root, 'exercises'), join(root, 'solutions')].map((folder) => join(folder, course.id, file)),
      ),
    ),
  );

/** `path` as the learner would type it, from where they stand. */
const here = (path: string) => relative(process.cwd(), path) || '.';

/** The folder laid out like exercises/ at or below `target` (a submission may nest it, e.g. in exercises/). */
function locateTarget(target: string, exercises: Exercise[], given: boolean): string {
  const courses = [...new Set(exercises.map((e) => e.course))];
  if (courses.every((course) => isFolder(join(target, course)))) return target;
  const found = findLearnerRoot(target, exercises);
  if (found) return found;
  const missing = courses.map((c) => `${c}/`).join(' or ');
  if (given)
    throw new UsageError(
      `${target} has no ${missing} folder: --target takes a folder laid out like exercises/ (e.g. --target solutions)`,
    );
  throw new MissingFolderError(
    `${join(here(target), '/')} has no ${missing} folder: bring it back from the kit (in a git clone: git checkout -- ${courses.map((c) => here(join(target, c))).join(' ')})`,
  );
}

/** The learner's own exercises/ lacks what they asked to grade: no usage error, since the command was right. */
class MissingFolderError extends Error {
  override name = 'MissingFolderError';
}

/**
 * `exercises` less those of a course whose folder is not in `source` (the learner removed it, or grades a folder
 * with some courses only), and a note that says so: grading them would only find every one of their files missing.
 */
function presentCourses(source: string, exercises: Exercise[]): { exercises: Exercise[]; notes: string[] } {
  const absent = [...new Set(exercises.map((e) => e.course))].filter((c) => !isFolder(join(source, c)));
  return {
    exercises: exercises.filter((e) => !absent.includes(e.course)),
    notes: absent.map(
      (c) =>
        `${here(join(source, c))}/ is ${existsSync(join(source, c)) ? 'not a folder' : 'not there'}, so its exercises were not graded; to grade them, bring it back from the kit (in a git clone: git checkout -- ${here(join(source, c))})`,
    ),
  };
}

/** The scorecard, with pointers (files, hints, commands) relative to where the learner stands. */
function scorecardText(
  report: GradeReport,
  courses: Course[],
  target: string,
  notes: string[],
  news: ReadonlyMap<string, BestNews> = new Map(),
  how: {
    /** Written to a file (--out): never coloured, whatever the terminal. */
    toFile?: boolean;
    /** Shown by watch mode, which grades again on every save. */
    watching?: boolean;
  } = {},
): string {
  const all = courses.flatMap((c) => c.exercises);
  const exercise = (e: ExerciseReport) => all.find((x) => qualifiedId(x) === e.id)!;
  const nameOf = (e: ExerciseReport) => shortName(exercise(e), all);
  const seen = readHintState(root);
  const hintsOf = (e: ExerciseReport) => {
    const { hints } = exercise(e);
    const count = seen[e.id] ?? 0;
    return count < hints.length ? `Stuck? \`npm run hint ${nameOf(e)}\` (${count} of ${hints.length} hints seen)` : '';
  };
  // A kit carries sealed solutions only for what the instructor reveals (revealSolutions in info.toml).
  const revealOf = (e: ExerciseReport) =>
    existsSync(join(root, sealedSolutionPath(e.course, e.exercise)))
      ? `compare with the official solution: npm run reveal ${nameOf(e)}`
      : '';
  const color = !how.toFile && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const card = formatScorecard(
    report,
    {
      courses: new Map(courses.map((c) => [c.id, { title: c.title, allDone: (c.texts ?? DEFAULT_TEXTS).allDone }])),
      // From inside the folder graded, '.' would say little.
      target: here(target) === '.' ? 'the folder you are in' : here(target),
      nameOf,
      fileOf: (e) => join(here(target), e.course, exercise(e).files[0]!),
      hintsOf,
      revealOf,
      notGraded: all
        .filter((x) => report.exercises.some((e) => e.course === x.course))
        .filter((x) => !report.exercises.some((e) => e.id === qualifiedId(x)))
        .map((x) => shortName(x, all)),
      bestOf: (e) => news.get(e.id),
      watching: how.watching,
    },
    styles(color),
  );
  // Notes name files of the folder graded, which a submission names as it likes: no control character reaches the terminal.
  return notes.length > 0 ? `${card}\n\n${notes.map((n) => `  note: ${terminalSafe(n)}`).join('\n')}` : card;
}

/**
 * The learner's latest grade for every exercise, for the site's course index (.grade/last-report.json, in the
 * JSON format): grading a few exercises updates theirs and keeps the others'.
 */
function rememberReport(report: GradeReport, courses: Course[]): string | undefined {
  const file = join('.grade', 'last-report.json');
  const order = courses.flatMap((c) => c.exercises.map(qualifiedId));
  let previous: unknown;
  try {
    previous = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { exercises?: unknown }).exercises;
  } catch {
    // none yet, or damaged: start afresh
  }
  // Entries of exercises that no longer exist (or of an older kit's naming), and whatever is not an entry, are dropped.
  const kept = (Array.isArray(previous) ? (previous as unknown[]) : []).filter(
    (p): p is ExerciseReport =>
      typeof p === 'object' &&
      p !== null &&
      order.includes((p as ExerciseReport).id) &&
      !report.exercises.some((e) => e.id === (p as ExerciseReport).id),
  );
  const merged = [...kept, ...report.exercises].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return saveState(root, file, `${toJson(gradeReport(merged))}\n`);
}

/** Keeps the learner's progress (their last report, their records) and says what changed, and what was not kept. */
function keepProgress(report: GradeReport, courses: Course[]): { news: Map<string, BestNews>; unsaved: string[] } {
  const remembered = rememberReport(report, courses);
  const { news, unsaved } = keepRecords(root, report);
  return { news, unsaved: [remembered, unsaved].filter((note): note is string => note !== undefined) };
}

async function main(argv: string[]): Promise<number> {
  markPhase('modules loaded');
  const courses = loadCourses(root);
  const args = parseGradeArgs(argv, courses);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.merge) {
    const out = gradebookFolder(outputFolder(resolve(args.out ?? 'gradebook'), args.out), args.out ?? 'gradebook');
    // Merged into one of its shards, the class would lose that shard's own output, and a second merge would count it twice.
    if (args.merge.some((shard) => resolve(shard) === out))
      throw new OutputPathError(
        `--out ${args.out ?? 'gradebook'}: it is one of the outputs being merged, which the merge would replace. Name a new folder.`,
      );
    const merged = mergeClassOutputs(args.merge, out);
    console.log(
      `merged ${args.merge.length} output(s), ${merged.rows} row(s): ${join(here(merged.outDir), 'gradebook.csv')}`,
    );
    return 0;
  }
  // Checked before any grading, and before a class's archive is unpacked: a --submissions or --out that cannot be
  // used must not cost a class's run.
  const archive = args.submissions === undefined ? undefined : classArchive(args.submissions);
  const classDir =
    args.submissions === undefined || archive ? undefined : existingFolder('--submissions', args.submissions);
  const target = targetFolder(args.target);
  const out =
    args.submissions !== undefined
      ? gradebookFolder(
          outputFolder(resolve(args.out ?? 'gradebook'), args.out),
          args.out ?? 'gradebook',
          classDir ? { folder: classDir, shownAs: args.submissions } : undefined,
        )
      : args.out
        ? reportFile(outputFile(resolve(args.out), args.out), args.out, learnerFiles(courses, target), args.format)
        : undefined;
  const unpacked = archive ? unpackClass(archive, args.submissions!, args.exercises) : undefined;
  // A note may name an entry of the class's archive: a name its sender chose.
  for (const note of unpacked?.notes ?? []) console.error(`note: ${terminalSafe(note)}`);
  const submissions = unpacked?.folder ?? classDir;
  // Every other command grades: vitest's threads start loading its runtime now, on the other core.
  const threads = submissions ? GRADING_THREADS : ONE_SUBMISSION_THREADS;
  startThreadsEarly(Math.min(threads, args.exercises.length));
  const roster = args.roster === undefined ? undefined : readRoster(args.roster);
  // Probed once (the sandbox reuses the answer). Grading for the record stops here, before anything starts;
  // other grading goes on loading vitest while the tools are tried (a failed probe fails the sandbox's start).
  const probed = sandboxGuards();
  probed.catch(() => {});
  if (args.official) requireOfficialGuards(await probed, args.allowWeakSandbox);
  if (args.verbose) console.error(guardsLine(await probed));
  /** Prints the report (to --out FILE for a machine format), the timings if asked, and the exit code. */
  const finish = (report: GradeReport, text: string): number => {
    // A file of its own, whole or not at all: `npm run grade -- --format json > f` would get npm's banner too.
    if (out && !submissions) writeAtomically(out, `${text}\n`);
    else console.log(text);
    markPhase('report printed');
    if (args.timings) {
      const threads = earlyThreadCounts();
      console.error(formatPhases(phaseMarks()));
      console.error(`  threads started before vitest loaded: ${threads.started}, used by vitest: ${threads.taken}`);
    }
    return report.exercises.every((e) => e.status === 'pass') ? 0 : 1;
  };
  // One sandbox boots while vitest starts, and one stays ready for the next suite (more would compete for the cores);
  // watch mode keeps one ready for the next save too.
  const grader = await openGrader(root, 1, args.watch ? 1 : 0, threads);
  try {
    if (submissions && out) {
      const summary = await gradeClass(root, submissions, out, args.exercises, grader.gradeTargets, {
        roster,
        shard: args.shard,
      });
      console.log(
        `graded ${summary.graded} submission(s), ${summary.reused} unchanged since the last run, ${summary.broken} could not be graded` +
          `${roster ? `, ${summary.missing} missing` : ''}` +
          `${args.shard ? ` (shard ${args.shard.index}/${args.shard.count}: ${summary.rows} of the class's ${summary.classRows} rows)` : ''}\n` +
          `gradebook: ${join(here(out), 'gradebook.csv')}, one JSON report per submission beside it`,
      );
      const unsent = summary.coursesNoOneSent;
      if (unsent.length > 0) {
        const sent = [...new Set(args.exercises.map((e) => e.course))].filter((c) => !unsent.includes(c));
        console.log(
          `note: no submission${args.shard ? ' of this shard' : ''} holds a file of ${unsent.join(' or ')}, so everyone scores 0 there. ` +
            `If the assignment is ${sent.join(' and ')} alone, name it: npm run grade -- --submissions ${args.submissions}${args.out ? ` --out ${args.out}` : ''} ${sent.join(' ')}`,
        );
      }
      return 0;
    }

    if (args.format === 'gradescope') {
      // An upload, laid out however the student dragged it in: messages speak to them, never of the command line.
      const { reports, notes } = await gradeUpload(grader, root, target, args.exercises, courses);
      markPhase('suites run');
      const report = gradeReport(reports);
      return finish(report, toGradescope(report, notes));
    }
    const source = locateTarget(target, args.exercises, args.target !== undefined);
    const present = presentCourses(source, args.exercises);
    const shownAs = here(source);
    if (args.watch) {
      return await watchAndGrade({
        target: source,
        exercises: present.exercises,
        grade: async (exercises) => (await grader.gradeFolder(exercises, source, shownAs)).reports,
        show: (report) => {
          const { news, unsaved } = args.target ? { news: new Map(), unsaved: [] } : keepProgress(report, courses);
          return scorecardText(report, courses, source, unsaved, news, { watching: true });
        },
      });
    }
    const { reports, notes } = await grader.gradeFolder(present.exercises, source, shownAs);
    notes.unshift(...present.notes);
    markPhase('suites run');
    const report = gradeReport(reports);
    // The learner's own progress (.grade/): only for their exercises/, never for another folder.
    const progress = args.target ? { news: new Map<string, BestNews>(), unsaved: [] } : keepProgress(report, courses);
    const { news } = progress;
    notes.push(...progress.unsaved);
    const sandbox = { platform: process.platform, guards: await probed };
    if (args.format === 'text')
      return finish(report, scorecardText(report, courses, source, notes, news, { toFile: out !== undefined }));
    return finish(
      report,
      args.format === 'json'
        ? toJson(report, { sandbox, ...(notes.length ? { warnings: notes } : {}) })
        : toJunit(report),
    );
  } finally {
    await grader.close();
  }
}

exitOnSignals();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof MetadataError ||
      error instanceof ExerciseNameError ||
      error instanceof WeakSandboxError ||
      error instanceof RosterError ||
      error instanceof ClassOutputError ||
      error instanceof TemporaryFolderError ||
      error instanceof OutputPathError ||
      error instanceof MissingFolderError
    ) {
      console.error(`error: ${error.message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    } else if (error instanceof SandboxStartError) {
      console.error(`error: ${error.message}`);
      console.error(
        "This is not your code's fault. Use a supported Node.js LTS (20, 22 or 24: `node --version`), or tell your instructor.",
      );
    } else {
      console.error("error: the grader itself failed; this is not your code's fault. Details:");
      console.error(error);
    }
    process.exit(2);
  },
);
