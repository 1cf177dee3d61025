// Watch mode: grade once, then again on every save, only the exercises the saved file belongs to, and show
// the scorecard with a progress line and how long the feedback took after the save.
import { existsSync, watch } from 'node:fs';
import { basename, join } from 'node:path';
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import { shortName } from '../course/find-exercise.js';
import { gradeReport, nextExercise, type ExerciseReport, type GradeReport } from './grade-report.js';

/** How long a saved file that is gone may take to come back before it is graded as missing. */
const MISSING_GRACE_MS = 500;

export interface WatchOptions {
  target: string;
  exercises: Exercise[];
  grade: (exercises: Exercise[]) => Promise<ExerciseReport[]>;
  show: (report: GradeReport) => string;
}

/** "2 of 3 done, bonus 0 of 2, next: <the next exercise's title>" */
export function progressLine(report: GradeReport): string {
  const required = report.exercises.filter((e) => !e.bonus);
  const bonus = report.exercises.filter((e) => e.bonus);
  const done = (list: ExerciseReport[]) => list.filter((e) => e.status === 'pass').length;
  const next = nextExercise(report);
  return (
    `${done(required)} of ${required.length} done` +
    (bonus.length ? `, bonus ${done(bonus)} of ${bonus.length}` : '') +
    (next ? `, next: ${next.title}` : ', all done')
  );
}

/** The exercises a saved file belongs to: its owners, or every exercise of the course for a shared file. */
export function affectedExercises(exercises: Exercise[], course: string, file: string): Exercise[] {
  const inCourse = exercises.filter((e) => e.course === course);
  const owners = inCourse.filter((e) => e.files.includes(file));
  return owners.length > 0 ? owners : inCourse;
}

export async function watchAndGrade(options: WatchOptions): Promise<number> {
  const { target, exercises, grade, show } = options;
  const latest = new Map<string, ExerciseReport>();
  const clear = process.stdout.isTTY ? '\u001b[2J\u001b[H' : '';
  const render = (note: string) => {
    const report = gradeReport(exercises.map((e) => latest.get(qualifiedId(e))!).filter(Boolean));
    console.log(
      `${clear}${show(report)}\n\n  ${progressLine(report)}\n  ${note}\n  watching ${target} (Ctrl-C to stop)`,
    );
  };

  let pending = new Set<Exercise>();
  let savedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  // Every grading waits for the one before: a save during the first full grading is graded right after it.
  let running = (async () => {
    for (const report of await grade(exercises)) latest.set(report.id, report);
    render('graded everything');
  })();
  const regrade = () => {
    const batch = [...pending];
    pending = new Set();
    const since = savedAt;
    running = running.then(async () => {
      for (const report of await grade(batch)) latest.set(report.id, report);
      render(`graded ${batch.map((e) => shortName(e, exercises)).join(', ')} ${Date.now() - since} ms after your save`);
    });
  };
  /** The files saved since the last grading, by path: one gone when its grading is due may be coming back. */
  let saved = new Set<string>();
  const due = (waitedForMissing: boolean) => {
    // Some editors save by deleting the file and writing it anew: graded in between, it would be "missing".
    if (!waitedForMissing && [...saved].some((path) => !existsSync(path))) {
      timer = setTimeout(() => due(true), MISSING_GRACE_MS);
      return;
    }
    saved = new Set();
    regrade();
    savedAt = 0;
  };
  // Watching starts before the first grading, so no save is missed; learner files sit directly in their course
  // folder, so a plain (not recursive) watch is enough, and it is in place as soon as it returns.
  for (const course of new Set(exercises.map((e) => e.course))) {
    watch(join(target, course), (_event, file) => {
      if (!file || !/\.(ts|mts|js)$/.test(file)) return;
      for (const exercise of affectedExercises(exercises, course, basename(file))) pending.add(exercise);
      saved.add(join(target, course, file));
      savedAt ||= Date.now();
      clearTimeout(timer);
      // Editors write a file in several steps; grade once they are done.
      timer = setTimeout(() => due(false), 10);
    });
  }
  return new Promise<number>(() => {}); // until interrupted
}
