// `npm run reset` as a learner meets it, in a copy of the kit: it restores the starting file and keeps theirs.
// (`npm run new`, the maintainer's scaffold, is tested with every course in course-plugins.test.ts.)
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { resetCommand } from '../grader/course/reset-command.js';
import { KIT_ROOT, makeRepoCopy, runKitScript, snapshot } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);
let sandbox: ReturnType<typeof makeRepoCopy>;
beforeAll(() => {
  sandbox = makeRepoCopy();
});
afterAll(() => sandbox.dispose());

const run = (script: string, args: string[]) => runKitScript(sandbox.root, script, args, 120_000);

test('npm run reset <id> restores the starting file and keeps the learner’s version as a backup', () => {
  const exercise = courses[0]!.exercises[0]!;
  const file = join(sandbox.root, 'exercises', exercise.course, exercise.files[0]!);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n// my work in progress\n`);
  const reset = run('scripts/reset.ts', [exercise.id.toUpperCase()]); // ids match in any case
  expect(reset.status, reset.stderr).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(original);
  const backups = readdirSync(join(sandbox.root, '.grade', 'backups'));
  expect(backups).toHaveLength(1);
  // The backup keeps the file's ending, and the learner is told how to go back to it.
  expect(backups[0]!.endsWith(`.${exercise.files[0]!.split('.').pop()}`)).toBe(true);
  expect(reset.stdout).toContain(`.grade/backups/${backups[0]}; to go back to it, copy it over exercises/`);
  expect(readFileSync(join(sandbox.root, '.grade', 'backups', backups[0]!), 'utf8')).toContain('my work in progress');
});

test('a .grade that links elsewhere is refused before anything is changed, and nothing is written through it', () => {
  const exercise = courses[0]!.exercises[0]!;
  const file = join(sandbox.root, 'exercises', exercise.course, exercise.files[0]!);
  const outside = mkdtempSync(join(tmpdir(), 'reset-outside-'));
  const original = readFileSync(file, 'utf8');
  const grade = join(sandbox.root, '.grade');
  const moved = `${grade}.aside`;
  try {
    if (existsSync(grade)) renameSync(grade, moved);
    symlinkSync(outside, grade);
    const mine = `${original}\n// my work in progress\n`;
    writeFileSync(file, mine);
    const reset = run('scripts/reset.ts', [exercise.id]);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toMatch(
      /^error: \.grade is a symbolic link: npm run reset keeps your version in \.grade\/backups\//,
    );
    expect(readFileSync(file, 'utf8')).toBe(mine);
    expect(readdirSync(outside)).toEqual([]);
  } finally {
    writeFileSync(file, original);
    rmSync(grade, { force: true });
    if (existsSync(moved)) renameSync(moved, grade);
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a missing file’s message names the reset command for its own exercise, as the learner types it', () => {
  const { course, id, files } = courses[0]!.exercises[0]!;
  expect(resetCommand(course, files[0]!)).toBe(`\`npm run reset ${id}\``);
  // A file no exercise owns cannot be reset by name: the general form, never a wrong exercise.
  expect(resetCommand(course, 'no-exercise-owns-this.ts')).toBe('`npm run reset <exercise>`');
});

test('npm run reset takes several exercises, each checked before any is touched; an unknown option is named', () => {
  const [first, second] = courses[0]!.exercises;
  const fileOf = (e: typeof first) => join(sandbox.root, 'exercises', e!.course, e!.files[0]!);
  const originals = [first, second].map((e) => readFileSync(fileOf(e), 'utf8'));
  for (const e of [first, second]) writeFileSync(fileOf(e), `${readFileSync(fileOf(e), 'utf8')}\n// mine\n`);
  // A typo in the second name: the first is not reset either.
  const typo = run('scripts/reset.ts', [first!.id, 'no-such-exercise']);
  expect(typo.status).toBe(2);
  expect(typo.stderr).toContain('no exercise named no-such-exercise');
  expect(readFileSync(fileOf(first), 'utf8')).toContain('// mine');
  const both = run('scripts/reset.ts', [first!.id, second!.id]);
  expect(both.status, both.stderr).toBe(0);
  expect([first, second].map((e) => readFileSync(fileOf(e), 'utf8'))).toEqual(originals);
  const option = run('scripts/reset.ts', ['--force', first!.id]);
  expect(option.status).toBe(2);
  expect(option.stderr.split('\n')[0]).toBe('unknown option --force');
});

test('hint and reveal take one exercise: a second, or an unknown option, is named with exit 2, not ignored', () => {
  const [first, second] = courses[0]!.exercises.map((e) => e.id);
  for (const [script, args, says] of [
    [
      'grader/hints/hint.ts',
      [first!, second!],
      `npm run hint takes one exercise at a time (given: ${first}, ${second})`,
    ],
    ['grader/hints/hint.ts', ['--rest', first!], 'unknown option --rest (did you mean --reset?)'],
    [
      'grader/reveal/reveal.ts',
      [first!, second!],
      `npm run reveal takes one exercise at a time (given: ${first}, ${second})`,
    ],
    ['grader/reveal/reveal.ts', ['-v', first!], 'unknown option -v'],
  ] as const) {
    const result = run(script, [...args]);
    expect(result.status, `${script} ${args.join(' ')}`).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(says);
  }
});

test('--help (or -h) of reset, hint and reveal shows the usage and the exercises, exit 0, and acts on nothing', () => {
  const exercise = courses[0]!.exercises[0]!;
  const file = join(sandbox.root, 'exercises', exercise.course, exercise.files[0]!);
  const learnerWork = `${readFileSync(file, 'utf8')}\n// my work, not to be reset\n`;
  writeFileSync(file, learnerWork);
  const before = snapshot(sandbox.root);
  for (const [script, args] of [
    ['scripts/reset.ts', [exercise.id, '--help']],
    ['grader/hints/hint.ts', [exercise.id, '-h']],
    ['grader/reveal/reveal.ts', ['--help']],
  ] as const) {
    const shown = run(script, [...args]);
    expect(shown.status, `${script}: ${shown.stderr}`).toBe(0);
    expect(shown.stdout).toMatch(/^usage: npm run (reset|hint|reveal) /);
    expect(shown.stdout).toContain(`exercises: `);
    expect(shown.stdout).toContain(exercise.id);
  }
  // No file reset, no hint revealed or counted, nothing written.
  expect(snapshot(sandbox.root)).toEqual(before);
  expect(readFileSync(file, 'utf8')).toBe(learnerWork);
});
