// The commands with several courses, as a maintainer who adds one meets them, in a copy of the repository's files:
// `npm run new` creates a made-up course and leaves every other course's files as they were, stubs act only on
// the courses selected, and an id two courses share must be named with its course.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../grader/cli/grade-report.js';
import { DEFAULT_TEXTS, loadCourse, loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { ExerciseNameError, findExercise, shortName } from '../grader/course/find-exercise.js';
import { KIT_ROOT, makeRepoCopy, runKitScript, snapshot } from './kit-sandbox.js';

const NEW = 'made-up';
const courses = loadCourses(KIT_ROOT);
// An id the made-up course will share with an existing course.
const shared = courses[0]!.exercises[0]!;

/** Every file of the existing courses, by path: what adding a course must leave byte for byte as it is. */
function courseFiles(root: string): Record<string, string> {
  return Object.assign(
    {},
    ...courses.flatMap((c) =>
      ['courses', 'solutions', 'exercises', 'grader'].map((dir) => snapshot(join(root, dir, c.id))),
    ),
  );
}

describe('finding an exercise by name (pure)', () => {
  const exercise = (course: string, id: string) => ({ ...shared, course, id });
  const all = [exercise('one', 'fit'), exercise('one', 'plot'), exercise('two', 'fit'), exercise('two', 'score')];

  test('an id unique across courses, or course/id, in any case', () => {
    expect(qualifiedId(findExercise(all, 'PLOT'))).toBe('one/plot');
    expect(qualifiedId(findExercise(all, 'Two/Fit'))).toBe('two/fit');
    expect(all.map((e) => shortName(e, all))).toEqual(['one/fit', 'plot', 'two/fit', 'score']);
  });

  test('an ambiguous id lists the qualified choices; an unknown one what there is', () => {
    expect(() => findExercise(all, 'fit')).toThrow(ExerciseNameError);
    expect(() => findExercise(all, 'fit')).toThrow(/fit is an exercise of 2 courses; say which: one\/fit or two\/fit/);
    expect(() => findExercise(all, 'scor')).toThrow(
      /no exercise named scor \(did you mean score\?\); exercises: one\/fit, plot/,
    );
  });
});

describe("a course's own words and release settings in info.toml", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  /** Loads a course whose info.toml is `toml`, when called (so that `toThrow` can watch it). */
  const load = (toml: string) => {
    const root = mkdtempSync(join(tmpdir(), 'course-texts-'));
    roots.push(root);
    mkdirSync(join(root, 'courses', 'c'), { recursive: true });
    writeFileSync(join(root, 'courses', 'c', 'info.toml'), toml);
    return () => loadCourse(root, 'c');
  };
  const head = 'title = "C"\n';

  test('are optional, with plain defaults; given, they are the course’s', () => {
    expect(load(head)().texts).toEqual(DEFAULT_TEXTS);
    expect(load(head)().release).toEqual({ gradescopeSolutions: false });
    const course = load(`${head}[texts]\nallDone = "Now try it faster."\n[release]\ngradescopeSolutions = true\n`)();
    expect(course.texts?.allDone).toBe('Now try it faster.');
    expect(course.release?.gradescopeSolutions).toBe(true);
  });

  test('a bad value is an error naming the file, the line and the key', () => {
    expect(load(`${head}\n[texts]\nallDone = 42\n`)).toThrow(
      /^courses\/c\/info\.toml:4: texts\.allDone: expected one line of text, found 42/,
    );
    expect(load(`${head}[texts]\ndone = "x"\n`)).toThrow(/^courses\/c\/info\.toml:3: texts\.done: unknown key/);
    expect(load(`${head}[release]\ngradescopeSolutions = "yes"\n`)).toThrow(
      /info\.toml:3: release\.gradescopeSolutions: expected true or false/,
    );
    // The site's data comes from the course's site plug-in, not from a list here.
    expect(load(`${head}[release]\nsiteData = []\n`)).toThrow(/info\.toml:3: release\.siteData: unknown key/);
  });
});

describe('a third course, made up, in a copy of the repository', () => {
  let copy: ReturnType<typeof makeRepoCopy>;
  let before: Record<string, string>;
  const run = (script: string, args: string[]) => runKitScript(copy.root, script, args, 120_000);
  const path = (relative: string) => join(copy.root, relative);
  beforeAll(() => {
    copy = makeRepoCopy();
    before = courseFiles(copy.root);
  });
  afterAll(() => copy.dispose());

  test('npm run new -- <new course>/<id> creates the course and touches no other course’s file', () => {
    const created = run('scripts/new-exercise.ts', [`${NEW}/first-step`]);
    expect(created.status, created.stdout + created.stderr).toBe(0);
    const info = readFileSync(path(`courses/${NEW}/info.toml`), 'utf8');
    expect(info).toMatch(/^title = "Made up"$/m);
    expect(info).toMatch(/^summary = "One sentence/m);
    for (const file of [
      `courses/${NEW}/concepts.md`,
      `courses/${NEW}/first-step.md`,
      `solutions/${NEW}/first-step.ts`,
      `grader/${NEW}/first-step.test.ts`,
    ])
      expect(readFileSync(path(file), 'utf8').length, file).toBeGreaterThan(0);
    expect(readFileSync(path(`exercises/${NEW}/first-step.ts`), 'utf8')).toContain('not implemented yet');
    expect(courseFiles(copy.root)).toEqual(before);

    // A second exercise, whose id another course has too.
    expect(run('scripts/new-exercise.ts', [`${NEW}/${shared.id}`]).status).toBe(0);
    expect(courseFiles(copy.root)).toEqual(before);
  });

  test('the new course grades at once, and reports name its exercises <course>/<id>', () => {
    const solved = run('grader/cli/grade.ts', [`${NEW}/first-step`, '--target', 'solutions', '--format', 'json']);
    expect(solved.status, solved.stderr).toBe(0);
    const report = JSON.parse(solved.stdout) as GradeReport;
    expect(report.exercises.map((e) => e.id)).toEqual([`${NEW}/first-step`]);
    const card = run('grader/cli/grade.ts', ['FIRST-STEP', qualifiedId(shared)]);
    expect(card.status).toBe(1);
    // One group per course, under its title; the shared id is shown as what to type.
    expect(card.stdout).toContain(`Made up (${NEW})`);
    expect(card.stdout).toContain(`${courses[0]!.title} (${shared.course})`);
    expect(card.stdout).toMatch(new RegExp(`^\\s+${qualifiedId(shared)}\\s`, 'm'));
  });

  test('an id two courses share must be qualified, in every command; any case finds it', () => {
    for (const script of [
      'grader/cli/grade.ts',
      'grader/hints/hint.ts',
      'scripts/reset.ts',
      'grader/reveal/reveal.ts',
    ]) {
      const result = run(script, [shared.id]);
      expect(result.status, script).toBe(2);
      expect(result.stderr, script).toContain(`say which: ${qualifiedId(shared)} or ${NEW}/${shared.id}`);
    }
    const hint = run('grader/hints/hint.ts', [`${NEW.toUpperCase()}/${shared.id.toUpperCase()}`]);
    expect(hint.status, hint.stderr).toBe(0);
    expect(hint.stdout).toMatch(/^Hints for .* \(1 of 1\):/m);
    expect(hint.stdout).toContain(`A first hint, revealed by npm run hint <course>/${shared.id}.`);
  });

  test('stubs --course acts on that course only: never checks, writes or removes another course’s file', () => {
    const other = courses[0]!;
    const solution = path(`solutions/${other.id}/${other.exercises[0]!.files[0]}`);
    writeFileSync(solution, `${readFileSync(solution, 'utf8')}\n// changed, so its stub is stale\n`);
    expect(run('scripts/stubs.ts', ['--course', NEW, '--check']).status).toBe(0);
    const all = run('scripts/stubs.ts', ['--check']);
    expect(all.status).toBe(1);
    expect(all.stderr).toContain(`exercises/${other.id}/${other.exercises[0]!.files[0]}`);

    // The new course's solution goes: its stub is an orphan of that course, removed with it, and only then.
    rmSync(path(`solutions/${NEW}/first-step.ts`));
    const elsewhere = run('scripts/stubs.ts', ['--course', other.id, '--force']);
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(readFileSync(path(`exercises/${NEW}/first-step.ts`), 'utf8')).toContain('not implemented yet');
    const own = run('scripts/stubs.ts', ['--course', NEW]);
    expect(own.status, own.stderr).toBe(0);
    expect(own.stdout).toContain(`1 removed (exercises/${NEW}/first-step.ts)`);
  });
});
