// `npm run grade` as a student and an instructor meet it: run as a subprocess, read its scorecard, JSON and exit code.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCourse, loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import type { GradeReport } from '../grader/cli/grade-report.js';
import { MANIFEST } from '../grader/cli/class-shards.js';
import { makeTemporaryFolder, TemporaryFolderError } from '../grader/files/temporary-folders.js';
import { KIT_ROOT, makeSandbox, runKitScript, LAUNCH } from './kit-sandbox.js';

const grade = (args: string[]) => runKitScript(KIT_ROOT, 'grader/cli/grade.ts', args, 90_000);
const json = (stdout: string) => JSON.parse(stdout) as GradeReport;
const courses = loadCourses(KIT_ROOT);
const exerciseIds = courses.flatMap((c) => c.exercises.map(qualifiedId));
// The broken files and the watched save below are this course's.
const optimizers = loadCourse(KIT_ROOT, 'optimizers');
const first = courses[0]!.exercises.find((e) => !e.bonus)!;

describe('on the untouched stubs', () => {
  test('`npm run grade -- --format json --out FILE` exits 1 with score 0 and every exercise "not implemented yet"', () => {
    // Without npm's --silent, as a student types it: npm's banner goes to stdout, the report to its own file.
    const out = join(mkdtempSync(join(tmpdir(), 'grade-json-')), 'report.json');
    const result = spawnSync('npm', ['run', 'grade', '--', '--format', 'json', '--out', out], {
      cwd: KIT_ROOT,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('"exercises"');
    const report = json(readFileSync(out, 'utf8'));
    rmSync(dirname(out), { recursive: true, force: true });
    expect(report.score).toBe(0);
    expect(report.maxScore).toBeGreaterThan(0);
    expect(report.exercises.map((e) => e.id)).toEqual(exerciseIds);
    for (const exercise of report.exercises) {
      expect(exercise.status).toBe('fail');
      expect(exercise.notImplemented).toBe(true);
      expect(exercise.tests.length).toBeGreaterThan(0);
      for (const t of exercise.tests) {
        expect(t.kind).toBe('not-implemented');
        expect(t.message).toMatch(/^not implemented yet: write /);
      }
    }
  });

  test('the scorecard says what to do next, without a stack trace', () => {
    const result = grade([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/sgd\s+Stochastic gradient descent\s+0\/1\s+· not implemented yet/);
    expect(result.stdout).toMatch(/rmsprop\s+RMSprop \(bonus\)/);
    expect(result.stdout).toContain(
      `Next  ${first.title}: implement exercises/${first.course}/${first.files[0]}, then run \`npm run grade ${first.id}\``,
    );
    // Several courses: one group each, under its title.
    if (courses.length > 1) for (const c of courses) expect(result.stdout).toContain(`${c.title} (${c.id})`);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
  });
});

test('`--target solutions` exits 0 with full marks; --timings shows the phases, and vitest ran on the threads started early', () => {
  const result = grade(['--target', 'solutions', '--format', 'json', '--timings']);
  expect(result.status).toBe(0);
  const report = json(result.stdout);
  expect(report.score).toBe(report.maxScore);
  for (const exercise of report.exercises) expect(exercise.status).toBe('pass');
  for (const phase of ['modules loaded', 'vitest ready', 'sandbox booted', 'suites run', 'report printed'])
    expect(result.stderr).toMatch(new RegExp(`${phase} +at +\\d+ ms`));
  // Started before vitest loaded, with the settings vitest's own pool uses: a vitest that starts its threads
  // differently would silently lose the head start, so a mismatch fails here. One submission needs one thread
  // (its sandboxes keep the other core busy).
  expect(result.stderr).toContain('threads started before vitest loaded: 1, used by vitest: 1');
});

test('exercise ids select a subset, qualified or not, in any case; reports name them <course>/<id>', () => {
  const result = grade(['SGD', 'optimizers/Momentum', '--target', 'solutions', '--format', 'json']);
  expect(result.status).toBe(0);
  const report = json(result.stdout);
  expect(report.exercises.map((e) => e.id)).toEqual(['optimizers/sgd', 'optimizers/momentum']);
  expect(report.exercises.map((e) => [e.course, e.exercise])).toEqual([
    ['optimizers', 'sgd'],
    ['optimizers', 'momentum'],
  ]);
});

test("a course's id selects all of its exercises, once each, beside the exercises named with it", () => {
  const [first, second] = courses;
  const result = grade([
    first!.id.toUpperCase(),
    `${second!.id}/`,
    first!.exercises[0]!.id,
    '--target',
    'solutions',
    '--format',
    'json',
  ]);
  expect(result.status).toBe(0);
  expect(json(result.stdout).exercises.map((e) => e.id)).toEqual(
    [...first!.exercises, ...second!.exercises].map(qualifiedId),
  );
});

describe('usage errors exit 2 with a message', () => {
  // A class's archive that is no zip at all.
  const archive = join(mkdtempSync(join(tmpdir(), 'grade-usage-')), 'class.zip');
  beforeAll(() => writeFileSync(archive, 'a page of notes, saved as .zip'));
  afterAll(() => rmSync(dirname(archive), { recursive: true, force: true }));
  test.each([
    [['sgdd'], /no exercise named sgdd \(did you mean sgd\?\).*; or a course: /],
    [['--target', '/nonexistent/folder'], /no such folder/],
    [['--target', 'package.json'], /--target package\.json: it is a file, not a folder/],
    [['--submissions', '/nonexistent/class'], /--submissions \/nonexistent\/class: no such folder/],
    [
      ['--submissions', archive],
      `--submissions ${archive}: it could not be unpacked: it is not a zip archive (or it is damaged); a class may be given as its folder instead`,
    ],
    // The --out is checked before the archive is unpacked, which for a large class takes a while.
    [['--submissions', archive, '--out', 'package.json'], '--out package.json: it is a file.'],
    [['--target', 'scripts'], new RegExp(`has no ${courses[0]!.id}/`)],
    [['--format', 'xml'], /--format must be text, json, gradescope or junit/],
    [['--nope'], /unknown option --nope\n/],
    [['--taget', 'solutions'], /unknown option --taget \(did you mean --target\?\)/],
    [['sdg'], /no exercise named sdg \(did you mean sgd\?\)/],
    // A course's id with a letter missing.
    [
      [courses[0]!.id.slice(0, -1)],
      `no exercise or course named ${courses[0]!.id.slice(0, -1)} (did you mean ${courses[0]!.id}?)`,
    ],
    // A class's output is its gradebook and JSON reports: a format asked for would otherwise be ignored.
    [['--submissions', 'exercises', '--format', 'junit'], /--format junit is for one learner's folder; a class/],
    [['--merge', 'a', 'b', '--format=gradescope'], /--format gradescope is for one learner's folder; a class/],
    [['--watch', '--out', 'scorecard.txt'], /--watch shows the scorecard on screen; it does not combine with --out/],
  ])('%j', (args, message) => {
    const result = grade(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('a learner file that hangs, crashes or does not parse costs only its own exercise', () => {
  let target: string;
  beforeAll(() => {
    target = mkdtempSync(join(tmpdir(), 'grade-broken-'));
    cpSync(join(KIT_ROOT, 'solutions'), target, { recursive: true });
    const edit = (file: string, change: (text: string) => string) => {
      const path = join(target, 'optimizers', file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    };
    edit('sgd.ts', (t) =>
      t.replace('theta[i] -= this.learningRate * g[i];', 'while (theta.length > 0) theta[i] += 0;'),
    );
    edit('momentum.ts', (t) => t.replace('const mu = this.momentum;', 'const mu = this.momentum +;'));
    edit('rmsprop.ts', (t) => `throw new Error('broken at load');\n${t}`);
  });
  afterAll(() => rmSync(target, { recursive: true, force: true }));

  test('timeout, error, error, and the rest graded as usual', () => {
    const started = Date.now();
    const result = grade(['--target', target, '--format', 'json', ...optimizers.exercises.map(qualifiedId)]);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(result.status).toBe(1);
    const byId = Object.fromEntries(json(result.stdout).exercises.map((e) => [e.exercise, e]));
    expect(byId.sgd?.status).toBe('timeout');
    expect(byId.sgd?.kind).toBe('timeout');
    // Stopped at the limit its course sets in info.toml, which the message names.
    const limit = optimizers.exercises.find((e) => e.id === 'sgd')!.timeLimitSeconds;
    expect(byId.sgd?.tests[0]?.message).toContain(`did not finish within ${limit} s`);
    expect(byId.momentum?.status).toBe('error');
    expect(byId.momentum?.kind).toBe('load');
    expect(byId.momentum?.tests[0]?.message).toMatch(/momentum\.ts could not be loaded/);
    expect(byId.rmsprop?.status).toBe('error');
    expect(byId.rmsprop?.kind).toBe('load');
    expect(byId.rmsprop?.tests[0]?.message).toMatch(/broken at load/);
    expect(byId.adam?.status).toBe('pass');
    expect(byId.challenge?.status).toBe('pass');
  });
});

/** Runs `use` on a temporary copy of the kit's `from` folder, removed afterwards whatever happens. */
function withCopyOf<T>(from: 'solutions' | 'exercises', prefix: string, use: (target: string) => T): T {
  const target = mkdtempSync(join(tmpdir(), prefix));
  try {
    cpSync(join(KIT_ROOT, from), target, { recursive: true });
    return use(target);
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}

test('a renamed export is named as such, with what the file exports instead', () => {
  withCopyOf('solutions', 'grade-renamed-', (target) => {
    const file = join(target, 'optimizers', 'adam.ts');
    const renamed = readFileSync(file, 'utf8').replace('export class Adam ', 'export class AdamOptimizer ');
    expect(renamed).toContain('AdamOptimizer'); // the edit applies to the committed solution
    writeFileSync(file, renamed);
    const result = grade(['optimizers/adam', '--target', target, '--format', 'json']);
    expect(result.status).toBe(1);
    const adam = json(result.stdout).exercises[0]!;
    expect(adam.kind).toBe('missing-export');
    expect(adam.message).toMatch(/^adam\.ts exports no `Adam` \(it exports [^)]*`AdamOptimizer`/);
    expect(adam.message).not.toMatch(/is not a constructor/);
  });
});

test("what the learner's code printed is shown under its failing test, never a hidden test's, and cannot restyle the scorecard", () => {
  withCopyOf('solutions', 'grade-printed-', (target) => {
    const file = join(target, 'optimizers', 'sgd.ts');
    const update = 'theta[i] -= this.learningRate * g[i];';
    const source = readFileSync(file, 'utf8');
    expect(source).toContain(update); // the edit applies to the committed solution
    // Twice the step, printing θ after each update (and an escape sequence that would clear a terminal).
    writeFileSync(
      file,
      source.replace(
        update,
        "theta[i] -= 2 * this.learningRate * g[i];\n      if (i === 1) console.log('θ =', Array.from(theta), '\\u001b[2J');",
      ),
    );
    const card = grade(['sgd', '--target', target]);
    expect(card.status).toBe(1);
    // The workshop test starts at (-1, 2) with α = 0.001, where Rosenbrock's gradient is (396, 200): twice the step
    // lands at (-1 - 0.792, 2 - 0.4).
    expect(card.stdout).toContain('your code printed, during this test:');
    expect(card.stdout).toContain('│ θ = [ -1.792, 1.6 ] \ufffd[2J');
    expect(card.stdout).not.toContain('\u001b');
    expect(card.stdout).toMatch(/… and \d+ more lines \(--format json shows them all\)/);

    const report = json(grade(['sgd', '--target', target, '--format', 'json']).stdout);
    const tests = report.exercises[0]!.tests;
    // The JSON keeps the text as printed: escape sequences are the scorecard's concern.
    expect(tests.find((t) => t.name === 'follows PyTorch: workshop test')?.printed).toMatch(
      new RegExp(`^θ = \\[ -1\\.792, 1\\.6 \\] ${'\u001b'}\\[2J\n`),
    );
    const hidden = tests.filter((t) => t.name.startsWith('hidden test'));
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) expect(t).not.toHaveProperty('printed');
  });
});

test("the learner's code cannot move the cursor, erase a line, retitle or reorder the terminal through a message", () => {
  withCopyOf('exercises', 'grade-escapes-', (target) => {
    cpSync(
      join(KIT_ROOT, 'tests', 'adversarial', 'display', 'terminal-escapes.ts'),
      join(target, 'optimizers', 'sgd.ts'),
    );
    const card = grade(['sgd', '--target', target]);
    expect(card.status).toBe(1);
    // With NO_COLOR the scorecard itself writes no escape: none may come from the learner's text either.
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    expect(card.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The message is wrapped (a run of spaces is one), what the code printed is not.
    expect(card.stdout).toContain('threw \ufffd[1A\ufffd[2K sgd passed\ufffd]0;graded\ufffd\ufffdfake\ufffdotni');
    expect(card.stdout).toContain('│ \ufffd[1A\ufffd[2K  sgd  passed\ufffd]0;graded\ufffd\ufffdfake\ufffdotni');
  });
});

test('a file name cannot reach the terminal either: the notes naming files of the folder graded are made safe', () => {
  const root = mkdtempSync(join(tmpdir(), 'grade-note-escapes-'));
  try {
    // A submission laid out as a whole kit: exercises/ with a file of its own, and a grader/ beside it.
    const target = join(root, 'exercises');
    cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
    const fake = '\u001b[2J\u001b[H\u001b]0;graded\u0007 every exercise passed\u001b[8m';
    writeFileSync(join(target, 'optimizers', `${fake}.ts`), 'export {};\n');
    mkdirSync(join(root, 'grader'));
    writeFileSync(join(root, 'grader', `${fake}.ts`), 'export {};\n');
    const card = grade(['sgd', '--target', target]);
    expect(card.status).toBe(1);
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    expect(card.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(card.stdout).toMatch(/note: \S*exercises\/optimizers\/\ufffd\[2J.* is not one of the course's files/);
    expect(card.stdout).toContain('note: your grader/\ufffd[2J');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--watch grades again on save, only the exercise saved, with a progress line', async () => {
  const target = mkdtempSync(join(tmpdir(), 'grade-watch-'));
  cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
  const watched = optimizers.exercises.map(qualifiedId);
  const required = optimizers.exercises.filter((e) => !e.bonus);
  const bonus = optimizers.exercises.length - required.length;
  const child = spawn(process.execPath, [LAUNCH, 'grader/cli/grade.ts', '--watch', '--target', target, ...watched], {
    cwd: KIT_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 400 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    expect(output).toMatch(pattern);
  };
  try {
    await waitFor(/graded everything/);
    const [one, two] = required;
    expect(output).toContain(`0 of ${required.length} done, bonus 0 of ${bonus}, next: ${one!.title}`);
    // Watch mode grades on save: the next step is to save, not to run a command.
    expect(output).toContain(`then save it: it is graded again at once`);
    expect(output).not.toContain('then run `npm run grade');
    // Saved as editors save, whole: written beside it, then renamed over it. (cpSync deletes the file first, and on a
    // busy machine the watcher could grade in that moment and find it missing.)
    const saved = join(target, 'optimizers', one!.files[0]!);
    writeFileSync(`${saved}.swp`, readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', one!.files[0]!)));
    renameSync(`${saved}.swp`, saved);
    await waitFor(new RegExp(`graded ${one!.id} \\d+ ms after your save`));
    expect(output).toContain(`1 of ${required.length} done, bonus 0 of ${bonus}, next: ${two!.title}`);
    // Saved as some editors save, deleted and written anew a moment later: graded once it is back, never as missing.
    const since = output.length;
    const second = join(target, 'optimizers', two!.files[0]!);
    rmSync(second);
    await new Promise((r) => setTimeout(r, 60));
    writeFileSync(second, readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', two!.files[0]!)));
    await waitFor(new RegExp(`graded ${two!.id} \\d+ ms after your save`));
    expect(output.slice(since)).not.toContain('is missing');
    expect(output.slice(since)).toContain(`2 of ${required.length} done`);
  } finally {
    child.kill();
    rmSync(target, { recursive: true, force: true });
  }
});

test('a passing challenge shows its steps and distance, and the best kept under .grade/ across runs', () => {
  // A copy of the kit whose exercises are the solutions, graded as a learner grades exercises/ (records are kept).
  const kit = makeSandbox();
  try {
    cpSync(join(KIT_ROOT, 'solutions', 'optimizers'), join(kit.root, 'exercises', 'optimizers'), { recursive: true });
    const runs = [1, 2].map(() => runKitScript(kit.root, 'grader/cli/grade.ts', ['challenge'], 90_000));
    for (const run of runs) {
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/challenge: \d+ steps, 0\.\d+ from \(1, 1\)/);
    }
    expect(runs[0]!.stdout).toContain('your first record');
    const steps = /challenge: (\d+) steps/.exec(runs[0]!.stdout)![1];
    expect(runs[1]!.stdout).toContain(`— your best: ${steps} steps`);
    const records = JSON.parse(readFileSync(join(kit.root, '.grade', 'records.json'), 'utf8')) as Record<
      string,
      { attempts: unknown[]; best: { figures: { name: string; value: number }[] } }
    >;
    expect(records['optimizers/challenge']?.attempts).toHaveLength(2);
    expect(records['optimizers/challenge']?.best.figures[0]).toMatchObject({ name: 'steps', value: Number(steps) });

    // Too many steps overshoots: the advice names the nSteps that ends inside, and taking it passes.
    const entry = join(kit.root, 'exercises', 'optimizers', 'challenge.ts');
    const withSteps = (n: number) =>
      writeFileSync(entry, readFileSync(entry, 'utf8').replace(/nSteps: \d+/, `nSteps: ${n}`));
    withSteps(Number(steps) + 60);
    const over = runKitScript(kit.root, 'grader/cli/grade.ts', ['challenge'], 90_000);
    expect(over.status).toBe(1);
    const advised = /nSteps = (\d+) ends there/.exec(over.stdout);
    expect(advised, over.stdout).not.toBeNull();
    withSteps(Number(advised![1]));
    expect(runKitScript(kit.root, 'grader/cli/grade.ts', ['challenge'], 90_000).status).toBe(0);
  } finally {
    kit.dispose();
  }
}, 200_000);

test("paths given to npm run grade are read from the folder it was typed in, not the kit's own (where npm runs it)", () => {
  const kit = makeSandbox();
  try {
    // Typed in solutions/ (laid out like exercises/): `.` is that folder, report.txt goes into it.
    const here = join(kit.root, 'solutions');
    const run = spawnSync('npm', ['run', '-s', 'grade', '--', '--target', '.', '--out', 'report.txt', 'sgd'], {
      cwd: here,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    // Before, `.` was the kit's root, whose exercises/ hold the stubs (exit 1), and report.txt went there.
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(existsSync(join(kit.root, 'report.txt'))).toBe(false);
    const card = readFileSync(join(here, 'report.txt'), 'utf8');
    expect(card).toContain('(grading the folder you are in)');
    expect(card).toContain('Score 1/1');
  } finally {
    kit.dispose();
  }
});

test('a temporary folder that cannot be used is named, with what to change, in one line and exit 2', () => {
  const parent = mkdtempSync(join(tmpdir(), 'grade-tmpdir-'));
  const advice =
    'Point TMPDIR at a folder you can write to (or unset it, for the system’s own), then run the command again.';
  const saved = process.env.TMPDIR;
  try {
    const missing = join(parent, 'missing');
    const result = spawnSync(process.execPath, [LAUNCH, 'grader/cli/grade.ts', first.id], {
      cwd: KIT_ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, TMPDIR: missing, NO_COLOR: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `error: cannot make a working folder in ${missing} (set by TMPDIR): it does not exist. ${advice}`,
    );
    // The other causes take the same way out, each in its own words.
    const file = join(parent, 'a-file');
    writeFileSync(file, '');
    process.env.TMPDIR = file;
    expect(() => makeTemporaryFolder('grade-')).toThrow(
      new TemporaryFolderError(
        `cannot make a working folder in ${file} (set by TMPDIR): it is not a folder. ${advice}`,
      ),
    );
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(parent, { recursive: true, force: true });
  }
});

test('an --out that cannot be used is named before anything is graded, with exit 2', () => {
  const parent = mkdtempSync(join(tmpdir(), 'grade-out-'));
  const file = join(parent, 'notes.txt');
  writeFileSync(file, 'kept\n');
  try {
    for (const [args, line] of [
      [
        ['--format', 'json', '--out', parent],
        `error: --out ${parent}: it is a folder. Name the file to write (it is replaced if it exists).`,
      ],
      [
        ['--format', 'json', '--out', join(file, 'report.json')],
        `error: --out ${join(file, 'report.json')}: its folder cannot be used: it is a file. Name a file in a folder you can write to.`,
      ],
      [
        ['--submissions', parent, '--out', file],
        `error: --out ${file}: it is a file. Name a folder you can write to (it is made if missing).`,
      ],
    ] as const) {
      const result = grade([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim()).toBe(line);
    }
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('an --out that would replace work is refused with exit 2: a learner file, any code, a submission, files of another making', () => {
  const parent = mkdtempSync(join(tmpdir(), 'grade-out-work-'));
  const learnerFile = join(first.course, first.files[0]!);
  const suite = join('grader', first.course, `${first.id}.test.ts`);
  // A --target whose learner file is gone: a report there would be read as its code on the next grade.
  const target = join(parent, 'target');
  cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
  rmSync(join(target, learnerFile));
  // A class: alice's folder holds her work.
  const submissions = join(parent, 'class');
  cpSync(join(KIT_ROOT, 'exercises'), join(submissions, 'alice'), { recursive: true });
  const before = (path: string) => readFileSync(path, 'utf8');
  const kept = [
    join(KIT_ROOT, 'exercises', learnerFile),
    join(KIT_ROOT, suite),
    join(submissions, 'alice', learnerFile),
  ];
  const contents = kept.map(before);
  // The same learner file reached through a link to its folder: no path names it, its extension still does.
  symlinkSync(join(KIT_ROOT, 'exercises', first.course), join(parent, 'linked'));
  // A folder of the instructor's, where a student who named an upload package.zip would get a report package.json.
  const foreign = join(parent, 'course-notes');
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'package.json'), '{ "name": "the-instructors-own" }\n');
  // A shard's output (as far as --merge checks before reading it).
  const shard = join(parent, 'shard-1');
  mkdirSync(shard);
  writeFileSync(join(shard, MANIFEST), '{}\n');
  const inClass = (why: string) => `${why}. Name a folder outside ${submissions}, or a new one directly in it.`;
  try {
    for (const [args, line] of [
      [
        ['--format', 'json', '--out', join(KIT_ROOT, 'exercises', learnerFile)],
        `error: --out ${join(KIT_ROOT, 'exercises', learnerFile)}: it is a learner file (the code you write), which the report would replace. Name a file of its own, e.g. --out report.json`,
      ],
      [
        ['--target', target, '--format', 'json', '--out', join(target, learnerFile)],
        `error: --out ${join(target, learnerFile)}: it is where a learner file goes, and the grader would read the report as its code. Name a file of its own, e.g. --out report.json`,
      ],
      [
        ['--format', 'json', '--out', join(parent, 'linked', first.files[0]!)],
        `error: --out ${join(parent, 'linked', first.files[0]!)}: it is a .ts file, which the report would replace. Name a file of its own, e.g. --out report.json`,
      ],
      [
        ['--format', 'junit', '--out', join(KIT_ROOT, suite)],
        `error: --out ${join(KIT_ROOT, suite)}: it is a .ts file, which the report would replace. Name a file of its own, e.g. --out report.xml`,
      ],
      [
        ['--submissions', submissions, '--out', join(submissions, 'alice')],
        `error: --out ${join(submissions, 'alice')}: ${inClass('it is alice, a submission of the class: the gradebook would change its files and leave its row out')}`,
      ],
      [
        ['--submissions', submissions, '--out', join(submissions, 'alice', 'grades')],
        `error: --out ${join(submissions, 'alice', 'grades')}: ${inClass('it is inside alice, a submission of the class, whose files the gradebook would change')}`,
      ],
      [
        ['--submissions', submissions, '--out', join(submissions, 'grades', 'today')],
        `error: --out ${join(submissions, 'grades', 'today')}: ${inClass("it would make grades in the submissions' folder, which the next run would grade as a submission")}`,
      ],
      [
        ['--submissions', submissions, '--out', foreign],
        `error: --out ${foreign}: it holds files that are not a gradebook's (package.json), which reports named after students could replace. Name a new or empty folder, or the folder of an earlier gradebook.`,
      ],
      [
        ['--merge', shard, join(parent, 'shard-2'), '--out', shard],
        `error: --out ${shard}: it is one of the outputs being merged, which the merge would replace. Name a new folder.`,
      ],
    ] as const) {
      const result = grade([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim()).toBe(line);
    }
    expect(kept.map(before)).toEqual(contents);
    expect(readdirSync(foreign)).toEqual(['package.json']);
    expect(readdirSync(shard)).toEqual([MANIFEST]);
    expect(readdirSync(submissions)).toEqual(['alice']);
    expect(readdirSync(join(submissions, 'alice')).sort()).toEqual(readdirSync(join(KIT_ROOT, 'exercises')).sort());
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test("a gradebook kept in the class's own folder is never graded as a submission, whichever --out comes next", () => {
  const submissions = mkdtempSync(join(tmpdir(), 'grade-class-own-gradebook-'));
  const graded = qualifiedId(first);
  cpSync(join(KIT_ROOT, 'solutions'), join(submissions, 'alice'), { recursive: true });
  try {
    const inside = grade(['--submissions', submissions, '--out', join(submissions, 'grades'), graded]);
    expect(inside.status, inside.stderr).toBe(0);
    expect(existsSync(join(submissions, 'grades', 'gradebook.csv'))).toBe(true);
    const elsewhere = join(submissions, '..', `${submissions.split('/').at(-1)}-out`);
    const next = grade(['--submissions', submissions, '--out', elsewhere, graded]);
    expect(next.status, next.stderr).toBe(0);
    const rows = readFileSync(join(elsewhere, 'gradebook.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['alice']);
    rmSync(elsewhere, { recursive: true, force: true });
  } finally {
    rmSync(submissions, { recursive: true, force: true });
  }
});

test('a course folder the learner removed (or replaced by a file) is left out with a note on how to bring it back; asked for alone, or exercises/ itself gone, one line; a linked file in their words', () => {
  const kit = makeSandbox();
  const [kept, removed] = [courses[0]!, courses.at(-1)!];
  try {
    rmSync(join(kit.root, 'exercises', removed.id), { recursive: true });
    const all = runKitScript(kit.root, 'grader/cli/grade.ts', ['--format', 'json'], 90_000);
    expect(all.status, all.stderr).toBe(1); // the stubs of the other courses fail, as they should
    expect(all.stderr).toBe('');
    const report = json(all.stdout) as GradeReport & { warnings?: string[] };
    expect(report.exercises.map((e) => e.id)).toEqual(
      courses.filter((c) => c !== removed).flatMap((c) => c.exercises.map(qualifiedId)),
    );
    expect(report.warnings).toEqual([
      `exercises/${removed.id}/ is not there, so its exercises were not graded; to grade them, bring it back from the kit (in a git clone: git checkout -- exercises/${removed.id})`,
    ]);
    const alone = runKitScript(kit.root, 'grader/cli/grade.ts', [qualifiedId(removed.exercises[0]!)]);
    expect(alone.status).toBe(2);
    expect(alone.stderr.trim()).toBe(
      `error: exercises/ has no ${removed.id}/ folder: bring it back from the kit (in a git clone: git checkout -- exercises/${removed.id})`,
    );
    // A file in the course folder's place is left out the same way.
    writeFileSync(join(kit.root, 'exercises', removed.id), 'not a folder\n');
    const file = runKitScript(kit.root, 'grader/cli/grade.ts', ['--format', 'json'], 90_000);
    expect(file.stderr).toBe('');
    expect((json(file.stdout) as { warnings?: string[] }).warnings).toEqual([
      `exercises/${removed.id}/ is not a folder, so its exercises were not graded; to grade them, bring it back from the kit (in a git clone: git checkout -- exercises/${removed.id})`,
    ]);
    // A learner file that is a link: its verdict says so (not "missing"), in the learner's words: their own folder,
    // nothing to upload.
    const [firstFile] = kept.exercises[0]!.files;
    rmSync(join(kit.root, 'exercises', kept.id, firstFile!));
    symlinkSync('/etc/hostname', join(kit.root, 'exercises', kept.id, firstFile!));
    const linked = runKitScript(
      kit.root,
      'grader/cli/grade.ts',
      ['--format', 'json', qualifiedId(kept.exercises[0]!)],
      90_000,
    );
    const linkedReport = json(linked.stdout) as GradeReport & { warnings?: string[] };
    expect(linkedReport.exercises[0]!.message).toBe(
      `exercises/${kept.id}/${firstFile} is a symbolic link: put the file itself in its place (the grader never follows a link or opens a special file)`,
    );
    expect(linkedReport.warnings).toBeUndefined();
    // And exercises/ itself, gone or a file: one line, no stack trace.
    for (const replace of [() => {}, () => writeFileSync(join(kit.root, 'exercises'), 'not a folder\n')]) {
      rmSync(join(kit.root, 'exercises'), { recursive: true, force: true });
      replace();
      const gone = runKitScript(kit.root, 'grader/cli/grade.ts', []);
      expect(gone.status).toBe(2);
      expect(gone.stderr.trim()).toMatch(
        /^error: exercises\/ is not (there|a folder): it holds your exercises; bring it back from the kit \(in a git clone: git checkout -- exercises\)$/,
      );
    }
  } finally {
    kit.dispose();
  }
});

test('--out FILE with the scorecard writes it there, without colours even from a terminal; with --watch it is refused', () => {
  const parent = mkdtempSync(join(tmpdir(), 'grade-out-text-'));
  const file = join(parent, 'scorecard.txt');
  try {
    // A terminal (a pseudo-terminal from util-linux's script), where the scorecard on screen is coloured.
    const inTerminal = (args: string[]) =>
      spawnSync(
        'script',
        [
          '-qec',
          [process.execPath, LAUNCH, 'grader/cli/grade.ts', ...args].map((part) => `'${part}'`).join(' '),
          '/dev/null',
        ],
        { cwd: KIT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } },
      );
    expect(inTerminal([qualifiedId(first)]).stdout).toContain('\u001b['); // on screen, coloured
    const run = inTerminal([qualifiedId(first), '--out', file]);
    expect(run.status, run.stdout).toBe(1); // the stub fails, as it should
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(first.title);
    expect(text).toContain('not implemented yet');
    expect(text).not.toContain('\u001b[');
    const watch = grade(['--watch', '--out', file]);
    expect(watch.status).toBe(2);
    expect(watch.stderr.split('\n')[0]).toBe(
      'error: --watch shows the scorecard on screen; it does not combine with --out',
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
