// Grading as an instructor meets it: a class folder of submissions (folders and zips, good, bad and broken),
// official grading of learner-owned files only, and the Gradescope and JUnit formats.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCourse, loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { KIT_ROOT, makeSandbox, runKitScript } from './kit-sandbox.js';

// The submissions below are this course's solutions and learner variants; other courses are not selected.
const course = loadCourse(KIT_ROOT, 'optimizers');
const ids = course.exercises.map(qualifiedId);
const total = course.exercises.reduce((n, e) => n + e.points, 0);
const points = (bonus: boolean) => course.exercises.filter((e) => e.bonus === bonus).reduce((n, e) => n + e.points, 0);
// One course graded: columns are its ids alone; then the required and bonus totals.
const row = (name: string, status: string, cell: number) =>
  [name, status, ...course.exercises.map(() => cell), cell * points(false), cell * points(true)].join(',');

// In a copy of the kit: a grader file edited meanwhile in the working tree would rightly make the second run regrade.
let kit: { root: string; dispose(): void };
const grade = (args: string[]) => runKitScript(kit.root, 'grader/cli/grade.ts', args, 120_000);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'grade-class-'));
  kit = makeSandbox();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  kit.dispose();
});

function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, data]) => [
        name,
        typeof data === 'string' ? new TextEncoder().encode(data) : data,
      ]),
    ),
  );
}

describe('--submissions DIR', () => {
  test('grades every folder and zip, survives broken ones, writes a gradebook, and skips unchanged work', () => {
    const submissions = join(dir, 'class');
    const solution = join(KIT_ROOT, 'solutions', 'optimizers');
    // ann: a whole kit with the solutions and an edited test; ben: stubs with a stale-velocity momentum, zipped
    // deep inside a folder; cat: no learner files; dan: a zip that climbs out of its folder; eli: not a zip.
    mkdirSync(join(submissions, 'ann', 'exercises'), { recursive: true });
    cpSync(solution, join(submissions, 'ann', 'exercises', 'optimizers'), { recursive: true });
    mkdirSync(join(submissions, 'ann', 'grader', 'optimizers'), { recursive: true });
    writeFileSync(join(submissions, 'ann', 'grader', 'optimizers', 'sgd.test.ts'), '// every test passes, honest\n');
    const ben: Record<string, string> = {};
    for (const file of ['parameter.ts', 'sgd.ts', 'momentum.ts', 'rmsprop.ts', 'adam.ts', 'challenge.ts']) {
      ben[`repo/work/optimizers/${file}`] = readFileSync(join(KIT_ROOT, 'exercises', 'optimizers', file), 'utf8');
    }
    ben['repo/work/optimizers/momentum.ts'] = readFileSync(
      join(KIT_ROOT, 'tests', 'learner-variants', 'buggy', 'momentum', 'stale-velocity.ts'),
      'utf8',
    );
    writeFileSync(join(submissions, 'ben.zip'), zipOf(ben));
    mkdirSync(join(submissions, 'cat'));
    writeFileSync(join(submissions, 'cat', 'notes.txt'), 'I ran out of time');
    writeFileSync(join(submissions, 'dan.zip'), zipOf({ '../escape.ts': 'x' }));
    writeFileSync(join(submissions, 'eli.zip'), 'this is not a zip');

    const out = join(dir, 'grades');
    const first = grade(['--submissions', submissions, '--out', out, ...ids]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/graded 2 submission\(s\), 0 unchanged since the last run, 3 could not be graded/);
    const rows = readFileSync(join(out, 'gradebook.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      [
        'student',
        'status',
        ...course.exercises.map((e) => `${e.id}${e.bonus ? ' (bonus)' : ''}`),
        `required (of ${points(false)})`,
        `bonus (of ${points(true)})`,
        'problems',
      ].join(','),
    );
    expect(rows[1]).toBe(`${row('ann', 'graded', 1)},`);
    // Each lost point says why in a few words: stubs, the stale velocity, and the file its zip lacks.
    expect(rows[2]).toMatch(new RegExp(`^${row('ben', 'graded', 0)},sgd: not implemented; momentum: wrong result;`));
    expect(rows[2]).toMatch(/hyperparameter-search: file missing/);
    expect(rows[3]!.startsWith(`${row('cat', 'broken', 0)},"cat holds none of the learner files`)).toBe(true);
    expect(
      rows[4]!.startsWith(`${row('dan', 'broken', 0)},dan.zip could not be unpacked: holds a path outside the archive`),
    ).toBe(true);
    expect(rows[5]!.startsWith(`${row('eli', 'broken', 0)},eli.zip could not be unpacked`)).toBe(true);
    const ann = JSON.parse(readFileSync(join(out, 'ann.json'), 'utf8')) as { score: number; warnings: string[] };
    expect(ann.score).toBe(total);
    expect(ann.warnings).toEqual([
      "the submission's grader/optimizers/sgd.test.ts differs from the original; the original was used",
    ]);
    const ben_ = JSON.parse(readFileSync(join(out, 'ben.json'), 'utf8')) as {
      exercises: Array<{ id: string; message: string; tests: Array<{ message: string }> }>;
    };
    expect(ben_.exercises.find((e) => e.id === 'optimizers/momentum')!.tests[0]!.message).toMatch(
      /move with the old velocity/,
    );
    // The file ben's upload lacks is said as missing from it, never under a path it does not have (ben/optimizers/,
    // not repo/work/optimizers/) nor with the advice of a student's own kit (npm run reset).
    expect(ben_.exercises.find((e) => e.id === 'optimizers/hyperparameter-search')!.message).toBe(
      'hyperparameter-search.ts is missing from your submission: upload hyperparameter-search.ts (with your other files) and submit again',
    );
    expect(existsSync(join(dir, 'escape.ts'))).toBe(false);
    // Those that could not be graded get a report too, saying why.
    const cat = JSON.parse(readFileSync(join(out, 'cat.json'), 'utf8')) as { score: number; problem: string };
    expect(cat.score).toBe(0);
    expect(cat.problem).toMatch(/^cat holds none of the learner files/);

    // The course's site is not the grader: editing it keeps every report; editing a suite regrades everyone.
    const siteFile = join(kit.root, 'courses', 'optimizers', 'site', 'plugin.ts');
    writeFileSync(siteFile, `${readFileSync(siteFile, 'utf8')}\n// a new chart colour\n`);
    const again = grade(['--submissions', submissions, '--out', out, ...ids]);
    expect(again.stdout).toMatch(/graded 0 submission\(s\), 2 unchanged since the last run/);
    const suite = join(kit.root, 'grader', 'optimizers', 'sgd.test.ts');
    writeFileSync(suite, `${readFileSync(suite, 'utf8')}\n// a stricter tolerance, say\n`);
    const regraded = grade(['--submissions', submissions, '--out', out, ...ids]);
    expect(regraded.stdout).toMatch(/graded 2 submission\(s\), 0 unchanged since the last run/);
  });
});

describe('--submissions DIR, files by themselves', () => {
  test('as a platform exports a student’s attachments (in a folder, a zip, a folder down): graded as in course folders', () => {
    const two = ['optimizers/sgd', 'optimizers/momentum'];
    const solution = (file: string) => readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', file), 'utf8');
    const submissions = join(dir, 'flat-class');
    const lay = (files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(submissions, path)), { recursive: true });
        writeFileSync(join(submissions, path), text);
      }
    };
    // ann: the course's folder, as the repository lays it out; bea: the same files by themselves; cyd: by themselves
    // one folder down, in a zip, the momentum a buggy one; dee: by themselves beside a note.
    lay({ 'ann/optimizers/sgd.ts': solution('sgd.ts'), 'ann/optimizers/momentum.ts': solution('momentum.ts') });
    lay({ 'bea/sgd.ts': solution('sgd.ts'), 'bea/momentum.ts': solution('momentum.ts') });
    const buggy = readFileSync(
      join(KIT_ROOT, 'tests', 'learner-variants', 'buggy', 'momentum', 'stale-velocity.ts'),
      'utf8',
    );
    writeFileSync(join(submissions, 'cyd.zip'), zipOf({ 'hw3/sgd.ts': solution('sgd.ts'), 'hw3/momentum.ts': buggy }));
    lay({ 'dee/sgd.ts': solution('sgd.ts'), 'dee/notes.txt': 'momentum next week' });
    const out = join(dir, 'flat-grades');
    const run = grade(['--submissions', submissions, '--out', out, ...two]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/graded 4 submission\(s\), 0 unchanged since the last run, 0 could not be graded/);
    const rows = readFileSync(join(out, 'gradebook.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows[0]).toBe('ann,graded,1,1,2,');
    expect(rows[1]).toBe('bea,graded,1,1,2,');
    expect(rows[2]).toBe('cyd,graded,1,0,1,momentum: wrong result');
    expect(rows[3]).toBe('dee,graded,1,0,1,momentum: file missing');
    expect(run.stdout).not.toContain('note:');
    // With every course of the kit graded, the run says which one nobody sent, and how to grade the others alone.
    const others = loadCourses(kit.root)
      .filter((c) => c.id !== 'optimizers')
      .map((c) => c.id);
    const all = grade(['--submissions', submissions, '--out', join(dir, 'flat-all')]);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toContain(
      `note: no submission holds a file of ${others.join(' or ')}, so everyone scores 0 there. If the assignment is ` +
        `optimizers alone, name it: npm run grade -- --submissions ${submissions} --out ${join(dir, 'flat-all')} optimizers`,
    );
  });
});

describe("a class's own .zip", () => {
  test('as a platform exports it (all in one folder, a submission zipped inside), it grades as its folder does', () => {
    const two = ['optimizers/sgd', 'optimizers/momentum'];
    const files: Record<string, string | Uint8Array> = {};
    for (const file of ['parameter.ts', 'sgd.ts', 'momentum.ts'])
      files[`optimizers/${file}`] = readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', file), 'utf8');
    const stubs = zipOf(
      Object.fromEntries(
        ['parameter.ts', 'sgd.ts', 'momentum.ts'].map((f) => [
          `optimizers/${f}`,
          readFileSync(join(KIT_ROOT, 'exercises', 'optimizers', f), 'utf8'),
        ]),
      ),
    );
    const exported: Record<string, string | Uint8Array> = { 'submission_metadata.yml': 'ann: Ann\n', 'ben.zip': stubs };
    for (const [path, text] of Object.entries(files)) exported[`ann/${path}`] = text;
    // The same class twice: unpacked, and as the one archive a platform hands over.
    const folder = join(dir, 'exported', 'assignment_7_export');
    for (const [path, data] of Object.entries(exported)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), data);
    }
    const archive = join(dir, 'class.zip');
    writeFileSync(
      archive,
      zipOf(Object.fromEntries(Object.entries(exported).map(([p, d]) => [`assignment_7_export/${p}`, d]))),
    );
    const fromFolder = grade(['--submissions', folder, '--out', join(dir, 'from-folder'), ...two]);
    const fromArchive = grade(['--submissions', archive, '--out', join(dir, 'from-archive'), ...two]);
    for (const run of [fromFolder, fromArchive]) {
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/graded 2 submission\(s\), 0 unchanged since the last run, 0 could not be graded/);
    }
    const gradebook = (out: string) => readFileSync(join(dir, out, 'gradebook.csv'), 'utf8');
    expect(gradebook('from-archive')).toBe(gradebook('from-folder'));
    expect(gradebook('from-archive')).toMatch(/^ann,graded,1,1,2,\n/m);
    expect(gradebook('from-archive')).toMatch(/^ben,graded,0,0,0,/m);
  });
});

describe('one submission', () => {
  test('--format gradescope writes results.json with per-exercise scores and hidden tests visible after publishing', () => {
    const results = join(dir, 'results.json');
    const run = grade(['--target', 'solutions', '--format', 'gradescope', '--out', results, ...ids]);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(results, 'utf8')) as {
      score: number;
      tests: Array<{ name: string; score: number; max_score: number; status: string; visibility: string }>;
    };
    expect(json.score).toBe(total);
    // One scored entry per exercise; a bonus one is extra credit: worth 0 towards the total, scored what it earned.
    const names = course.exercises.map((e) => `${e.title}${e.bonus ? ' (bonus)' : ''}`);
    expect(
      json.tests.filter((t) => names.includes(t.name)).map((t) => [t.name, t.score, t.max_score, t.status]),
    ).toEqual(course.exercises.map((e, i) => [names[i], e.points, e.bonus ? 0 : e.points, 'passed']));
    // Each test's own entry names its exercise as <course>/<id>.
    expect(json.tests.some((t) => t.name.startsWith(`${ids[0]}: `))).toBe(true);
    const hidden = json.tests.filter((t) => /hidden test/.test(t.name));
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) expect(t.visibility).toBe('after_published');
  });

  test('--format junit prints one testsuite per exercise with failures marked', () => {
    const run = grade(['--format', 'junit', 'sgd']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="grade"/);
    expect(run.stdout).toMatch(/<testsuite name="Stochastic gradient descent" tests="\d+" failures="\d+" errors="0">/);
    expect(run.stdout).toContain('<testcase classname="optimizers/sgd"');
    expect(run.stdout).toMatch(/<failure message="not implemented yet: write SGD.step\(\)">/);
  });

  test('only the learner-owned files of the target are used: an edited helper file changes nothing', () => {
    const target = join(dir, 'tampered');
    cpSync(join(KIT_ROOT, 'solutions'), target, { recursive: true });
    // A submission that rewrites the shared parameter helper to return a doctored gradient.
    writeFileSync(
      join(target, 'optimizers', 'parameter.ts'),
      readFileSync(join(target, 'optimizers', 'parameter.ts'), 'utf8').replace(
        'return parameter.grad;',
        'return parameter.grad.map((g) => g * 0);',
      ),
    );
    const run = grade(['--target', target, 'sgd', '--format', 'json']);
    expect(run.status).toBe(0);
  });
});
