// The student kit and Gradescope's autograder as they are used: the kit unpacked in an empty folder, installed
// with npm and graded (0 on the stubs, full marks with correct code), its site built, no solution anywhere;
// the autograder run against Gradescope's layout under a temporary root.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { scanForLeaks } from '../scripts/release/leak-scan.js';
import { hiddenLines } from '../scripts/stubs/hidden-text.js';
import { KIT_ROOT } from './kit-sandbox.js';

let work: string;
let released: ReturnType<typeof spawnSync>;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'release-test-'));
  released = spawnSync(
    process.execPath,
    [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--gradescope', '--out', join(work, 'out')],
    { cwd: KIT_ROOT, encoding: 'utf8', timeout: 180_000 },
  );
}, 200_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (cwd: string, args: string[]) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });

test('npm run release succeeds and its leak scan is clean', () => {
  expect(released.stderr).toBe('');
  expect(released.status).toBe(0);
  expect(String(released.stdout)).toContain('leak scan: clean');
});

test('the kit holds no solution, hidden test or instructor tool, by an independent scan of every file', () => {
  const kit = join(work, 'out', 'student-kit');
  for (const path of [
    'solutions',
    ...loadCourses(KIT_ROOT).flatMap((c) => [
      `grader/${c.id}/hidden`,
      `grader/${c.id}/fixtures/generate.py`,
      `courses/${c.id}/bench`,
    ]),
    'tests',
    'scripts/stubs',
    'bench',
    '.ci',
  ]) {
    expect(existsSync(join(kit, path)), path).toBe(false);
  }
  // The reference generators, their mistake models and the original tests rebuilt for the bench (Python, with
  // reference optimizers in them) are instructor tools, whatever a course calls them.
  const python = readdirSync(kit, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.py') && !f.startsWith('node_modules'),
  );
  expect(python).toEqual([]);
  const hidden = loadCourses(KIT_ROOT).flatMap((c) => hiddenLines(KIT_ROOT, c));
  expect(hidden.some((h) => h.file.endsWith('.md'))).toBe(true); // the instructor's notes in the text count too
  expect(scanForLeaks(kit, hidden)).toEqual([]);
  expect(readFileSync(join(kit, 'README.md'), 'utf8')).toMatch(/^# .*\n\n```sh\nnpm install && npm run grade/);
  expect(readFileSync(join(kit, '.github/workflows/classroom.yml'), 'utf8')).toContain(
    'command: npm run grade -- optimizers/momentum',
  );
});

test('--course takes a course of this repository, in any case, or exits 2 naming those there are', () => {
  const run = spawnSync(
    process.execPath,
    [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--course', 'no-such-course'],
    { cwd: KIT_ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(
    `no course named no-such-course (courses: ${loadCourses(KIT_ROOT)
      .map((c) => c.id)
      .join(', ')})`,
  );
});

describe('unpacked in an empty folder', () => {
  let kit: string;
  beforeAll(() => {
    const empty = join(work, 'fresh');
    mkdirSync(empty);
    execFileSync('tar', ['-xzf', join(work, 'out', 'student-kit.tgz'), '-C', empty]);
    kit = join(empty, 'student-kit');
    const installed = npm(kit, ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    expect(installed.status, installed.stderr).toBe(0);
  }, 320_000);

  test('npm run grade scores 0 on the stubs; the GitHub Classroom commands agree', () => {
    const graded = npm(kit, ['run', '--silent', 'grade', '--', '--format', 'json']);
    expect(graded.status).toBe(1);
    expect((JSON.parse(graded.stdout) as { score: number }).score).toBe(0);
    expect(npm(kit, ['run', '--silent', 'grade', '--', 'sgd']).status).toBe(1);
  });

  test('correct implementations score full marks; npm run reset brings a stub back', () => {
    for (const { id } of loadCourses(KIT_ROOT))
      cpSync(join(KIT_ROOT, 'solutions', id), join(kit, 'exercises', id), { recursive: true });
    const graded = npm(kit, ['run', '--silent', 'grade', '--', '--format', 'json']);
    const report = JSON.parse(graded.stdout) as { score: number; maxScore: number };
    expect(graded.status, graded.stdout).toBe(0);
    expect(report.score).toBe(report.maxScore);
    expect(npm(kit, ['run', '--silent', 'reset', 'sgd']).status).toBe(0);
    expect(readFileSync(join(kit, 'exercises', 'optimizers', 'sgd.ts'), 'utf8')).toContain('not implemented yet');
  });

  test('npm run update applies a new kit version without touching the learner’s exercise files', () => {
    const next = join(work, 'next-version');
    cpSync(kit, next, { recursive: true, filter: (path) => !path.includes('node_modules') });
    writeFileSync(join(next, 'README.md'), '# The course, version 2\n');
    writeFileSync(join(next, 'exercises', 'optimizers', 'momentum.ts'), '// a newer stub\n');
    writeFileSync(join(kit, 'exercises', 'optimizers', 'momentum.ts'), '// my momentum, half done\n');
    const updated = npm(kit, ['run', '--silent', 'update', '--', next]);
    expect(updated.status, updated.stderr).toBe(0);
    expect(updated.stdout).toMatch(
      /updated the course: 1 files replaced, 0 added, your \d+ exercise files kept as they are/,
    );
    expect(readFileSync(join(kit, 'README.md'), 'utf8')).toBe('# The course, version 2\n');
    expect(readFileSync(join(kit, 'exercises', 'optimizers', 'momentum.ts'), 'utf8')).toBe(
      '// my momentum, half done\n',
    );
    expect(npm(kit, ['run', '--silent', 'reset', 'momentum']).status).toBe(0); // the site below needs its class
  });

  test('npm run update takes the kit as a .tgz with no tar command on PATH, and refuses an entry that climbs out', () => {
    const next = join(work, 'tgz-version');
    cpSync(kit, join(next, 'student-kit'), { recursive: true, filter: (path) => !path.includes('node_modules') });
    writeFileSync(join(next, 'student-kit', 'README.md'), '# The course, version 3\n');
    create({ gzip: true, file: join(work, 'v3.tgz'), cwd: next, sync: true }, ['student-kit']);
    writeFileSync(join(next, 'escape.txt'), 'out of the kit\n');
    // A whole kit, plus one entry that would land beside the folder it is unpacked in.
    create({ gzip: true, file: join(work, 'evil.tgz'), cwd: next, sync: true, preservePaths: true }, [
      'student-kit',
      '../tgz-version/escape.txt',
    ]);
    // Only node, and the shell npm runs scripts with: unpacking must not need a tar command (not every Windows has one).
    const bin = join(work, 'node-only-bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const npmCli = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    const update = (archive: string) =>
      spawnSync(process.execPath, [npmCli, 'run', '--silent', 'update', '--', archive], {
        cwd: kit,
        encoding: 'utf8',
        env: { ...process.env, PATH: bin, NO_COLOR: '1' },
      });
    const before = readFileSync(join(kit, 'README.md'), 'utf8');
    const evil = update(join(work, 'evil.tgz'));
    expect(evil.status).not.toBe(0);
    expect(evil.stderr).toMatch(/evil\.tgz: .*\.\..*Nothing was changed/);
    expect(readFileSync(join(kit, 'README.md'), 'utf8')).toBe(before);
    expect(existsSync(join(tmpdir(), 'tgz-version', 'escape.txt'))).toBe(false);
    const updated = update(join(work, 'v3.tgz'));
    expect(updated.status, updated.stderr).toBe(0);
    expect(readFileSync(join(kit, 'README.md'), 'utf8')).toBe('# The course, version 3\n');
  });

  test('npm run build makes the site from the kit', () => {
    const built = npm(kit, ['run', '--silent', 'build', '--', '--out-dir', join(work, 'kit-site')]);
    expect(built.status, built.stderr).toBe(0);
    const pages = readdirSync(join(work, 'kit-site'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThan(3);
  });
});

describe("Gradescope's autograder, run locally under a temporary root", () => {
  let root: string;
  beforeAll(() => {
    root = join(work, 'autograder');
    const files = unzipSync(readFileSync(join(work, 'out', 'gradescope-autograder.zip')));
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(join(root, 'source', name, '..'), { recursive: true });
      writeFileSync(join(root, 'source', name), data);
    }
    for (const c of loadCourses(KIT_ROOT))
      expect(existsSync(join(root, 'source', 'kit', 'grader', c.id, 'hidden'))).toBe(true);
    // setup.sh would run `npm ci` on Gradescope's image; here the repository's packages stand in.
    symlinkSync(join(KIT_ROOT, 'node_modules'), join(root, 'source', 'kit', 'node_modules'), 'dir');
  });

  const grade = (submission: Record<string, string>) => {
    rmSync(join(root, 'submission'), { recursive: true, force: true });
    rmSync(join(root, 'results'), { recursive: true, force: true });
    for (const [name, text] of Object.entries(submission)) {
      mkdirSync(join(root, 'submission', name, '..'), { recursive: true });
      writeFileSync(join(root, 'submission', name), text);
    }
    const run = spawnSync('bash', [join(root, 'source', 'run_autograder')], {
      encoding: 'utf8',
      env: { ...process.env, AUTOGRADER_ROOT: root },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    return JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8')) as {
      score: number;
      max_score: number;
      tests: Array<{
        name: string;
        score: number;
        max_score: number;
        status: string;
        output: string;
        visibility: string;
      }>;
    };
  };
  const solution = (file: string) => readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', file), 'utf8');
  const all = ['sgd.ts', 'momentum.ts', 'rmsprop.ts', 'adam.ts', 'challenge.ts', 'hyperparameter-search.ts'];
  const courses = loadCourses(KIT_ROOT);
  const points = (list: typeof courses) => list.flatMap((c) => c.exercises).reduce((n, e) => n + e.points, 0);
  // An exercise's scored entry: its title, led by its <course>/<id> when the kit holds several courses.
  const entry = (results: ReturnType<typeof grade>, id: string) => {
    const exercise = courses.flatMap((c) => c.exercises).find((e) => `${e.course}/${e.id}` === id)!;
    const title = `${exercise.title}${exercise.bonus ? ' (bonus)' : ''}`;
    return results.tests.find((t) => t.max_score > 0 && (t.name === title || t.name === `${id}: ${title}`));
  };

  test('a correct submission scores full marks, with the fields Gradescope documents', () => {
    const results = grade(Object.fromEntries(all.map((f) => [`my-repo/exercises/optimizers/${f}`, solution(f)])));
    expect(results.score).toBe(points(courses.filter((c) => c.id === 'optimizers')));
    expect(results.max_score).toBe(points(courses));
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(['passed', 'failed']).toContain(t.status);
      expect(['visible', 'after_published']).toContain(t.visibility);
    }
  });

  test('a buggy submission does not, and an adversarial one is contained', () => {
    const buggy = readFileSync(
      join(KIT_ROOT, 'tests', 'learner-variants', 'buggy', 'momentum', 'stale-velocity.ts'),
      'utf8',
    );
    const exits = readFileSync(join(KIT_ROOT, 'tests', 'adversarial', 'sandbox', 'exit-at-load.ts'), 'utf8');
    const results = grade({
      'optimizers/sgd.ts': exits,
      'optimizers/momentum.ts': buggy,
      'optimizers/adam.ts': solution('adam.ts'),
    });
    expect(results.score).toBe(1);
    expect(entry(results, 'optimizers/momentum')?.output).toMatch(/old velocity/);
    expect(entry(results, 'optimizers/sgd')?.status).toBe('failed');
    expect(entry(results, 'optimizers/rmsprop')?.output).toMatch(/is missing: create it/);
  });

  test('the challenge is judged as in the repository: an SGD that cheats only on its own entry wins nothing', () => {
    const cheat = (file: string) => readFileSync(join(KIT_ROOT, 'tests', 'adversarial', 'challenge', file), 'utf8');
    const results = grade({ 'optimizers/sgd.ts': cheat('sgd.ts'), 'optimizers/challenge.ts': cheat('challenge.ts') });
    // Honest everywhere else, so SGD itself passes; the entry's re-run with the official SGD does not reach (1, 1).
    expect(entry(results, 'optimizers/sgd')?.status).toBe('passed');
    const challenge = results.tests.find((t) => /challenge/i.test(t.name));
    expect(challenge?.status).toBe('failed');
    expect(challenge?.output).toMatch(/the reference SGD/);
  });
});
