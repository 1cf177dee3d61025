// A class run survives any submission: one run over honest submissions and every hostile member of
// tests/adversarial/class/ ends in bounded time with a gradebook, full marks for the honest, a reason and no unearned
// point for the others, nothing changed outside its output, no temp folder left; and the pure pieces on their own.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
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
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCourses, qualifiedId, type Exercise } from '../grader/course/course-metadata.js';
import { csvCell, csvRow } from '../grader/cli/csv-cell.js';
import { gradeClass } from '../grader/cli/grade-class.js';
import { gradeInBatches, type BatchVerdicts } from '../grader/cli/grade-in-batches.js';
import type { ExerciseReport } from '../grader/cli/scorecard.js';
import { reportFileNames, submissionIds, type ClassEntry } from '../grader/cli/submission-ids.js';
import { readFolder } from '../grader/files/read-folder.js';
import { readZip } from '../grader/files/read-zip.js';
import { RefusedSubmission } from '../grader/files/refusal.js';
import type { GradeTarget } from '../grader/harness/grade-targets.js';
import { buildHostileClass, learnerFiles, type Expected } from './adversarial/class/build-class.js';
import { parseCsv } from './adversarial/class/csv-parse.js';
import { FIFO_MODE, SYMLINK_MODE, withDeclaredSize, zipOf } from './adversarial/class/zip-bytes.js';
import { KIT_ROOT, LAUNCH, makeSandbox, snapshot } from './kit-sandbox.js';

// The intake's attacks do not depend on the course: they are graded on the first course alone, in a kit copy that
// holds only it, so that the gradebook's columns are that course's exercises.
const COURSE = 'optimizers';
const exercises = loadCourses(KIT_ROOT).find((c) => c.id === COURSE)!.exercises;
const required = exercises.filter((e) => !e.bonus).reduce((n, e) => n + e.points, 0);
const bonus = exercises.filter((e) => e.bonus).reduce((n, e) => n + e.points, 0);
const tempFolders = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('grade-'))
    .sort();
// Removing the 2,000-deep folder needs a remover that does not recurse on the stack (rm walks with fts).
const removeAll = (dir: string) => spawnSync('rm', ['-rf', dir]);

let work: string;
let kit: { root: string; dispose(): void };
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'adversarial-class-'));
  // The run's own temp folder: what it leaves there is its alone, whatever else runs on the machine.
  mkdirSync(join(work, 'tmp'));
  kit = makeSandbox();
  for (const other of loadCourses(KIT_ROOT).filter((c) => c.id !== COURSE))
    for (const top of ['courses', 'solutions', 'exercises', 'grader'])
      rmSync(join(kit.root, top, other.id), { recursive: true, force: true });
});
afterAll(() => {
  removeAll(work);
  kit.dispose();
});

/** Runs `npm run grade` in the kit copy with the run's own temp folder; returns how long it took too. */
function grade(args: string[], timeoutMs: number) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [LAUNCH, 'grader/cli/grade.ts', ...args], {
    cwd: kit.root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: join(work, 'tmp') },
  });
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

const kitFiles = () => ({
  ...snapshot(join(kit.root, 'grader')),
  ...snapshot(join(kit.root, 'solutions')),
  ...snapshot(join(kit.root, 'exercises')),
});

describe('one class run over honest and hostile submissions', () => {
  let expected: Expected[];
  let run: ReturnType<typeof grade>;
  let before: Record<string, string>;
  let tempBefore: string[];
  const classDir = () => join(work, 'class');
  const outDir = () => join(work, 'out');

  beforeAll(() => {
    expected = buildHostileClass(classDir(), kit.root);
    before = kitFiles();
    tempBefore = tempFolders(join(work, 'tmp'));
    run = grade(['--submissions', classDir(), '--out', outDir()], 300_000);
  }, 360_000);

  test('finishes in bounded time with a gradebook, exit 0 and no crash', () => {
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.seconds).toBeLessThan(240);
    expect(existsSync(join(outDir(), 'gradebook.csv'))).toBe(true);
  });

  test('the CSV parses back to the same cells: one row per member, quoted and neutralised', () => {
    const text = readFileSync(join(outDir(), 'gradebook.csv'), 'utf8');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'student',
      'status',
      ...exercises.map((e) => `${e.id}${e.bonus ? ' (bonus)' : ''}`),
      `required (of ${required})`,
      `bonus (of ${bonus})`,
      'problems',
    ]);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(expected.map((e) => (/^[=+\-@\t\r]/.test(e.id) ? `'${e.id}` : e.id)).sort());
    expect(`${rows.map(csvRow).join('\n')}\n`).toBe(text);
    expect(text).toContain(`'=1+2,graded,1,1,1,1,1,1,${required},${bonus},\n`);
    expect(text).toContain(`"quote""comma,cr\rname",graded,1,1,1,1,1,1,${required},${bonus},\n`);
  });

  test('every honest row has full marks; every hostile row its reason and no unearned point', () => {
    const rows = new Map(
      parseCsv(readFileSync(join(outDir(), 'gradebook.csv'), 'utf8'))
        .slice(1)
        .map((r) => [r[0]!.replace(/^'(?=[=+\-@\t\r])/, ''), r]),
    );
    const columns = exercises.map((_, i) => i + 2); // after the student and the status
    for (const member of expected) {
      const row = rows.get(member.id);
      expect(row, member.id).toBeDefined();
      const problems = row![columns.length + 4]!;
      if (member.honest) {
        expect(row!.slice(1), member.id).toEqual(['graded', ...columns.map(() => '1'), `${required}`, `${bonus}`, '']);
        continue;
      }
      for (const [i, e] of exercises.entries()) {
        if (member.zeroed.includes(e.id)) expect(row![columns[i]!], `${member.id} ${e.id}`).toBe('0');
      }
      const earned = exercises.filter((e) => !member.zeroed.includes(e.id)).reduce((n, e) => n + e.points, 0);
      expect(Number(row![columns.length + 2]) + Number(row![columns.length + 3]), member.id).toBe(earned);
      for (const problem of member.problems) expect(problems, member.id).toMatch(problem);
    }
  });

  test('every student has a JSON report; refusals carry their kind as data', () => {
    for (const member of expected) {
      const report = JSON.parse(readFileSync(join(outDir(), `${member.id}.json`), 'utf8')) as {
        student: string;
        problem?: string;
        refused: Array<{ kind: string; message: string }>;
      };
      expect(report.student).toBe(member.id);
      const said = [report.problem ?? '', ...report.refused.map((r) => r.message)].join('; ');
      for (const problem of member.problems) expect(said, member.id).toMatch(problem);
      if (member.refused) expect(report.problem, member.id).toBeDefined();
    }
    const links = JSON.parse(readFileSync(join(outDir(), 'zip-links.json'), 'utf8')) as {
      refused: Array<{ kind: string; path: string }>;
      exercises: Array<{ id: string; message: string }>;
    };
    expect(links.refused.map((r) => [r.kind, r.path]).sort()).toEqual([
      ['special-file', 'optimizers/rmsprop.ts'],
      ['symlink', 'optimizers/sgd.ts'],
    ]);
    // The exercise of a refused file says why in its own verdict, not that the file is missing.
    const verdict = (id: string) => links.exercises.find((e) => e.id === `${COURSE}/${id}`)?.message;
    expect(verdict('sgd')).toBe('optimizers/sgd.ts is a symbolic link: upload the file itself');
    expect(verdict('rmsprop')).toMatch(/^optimizers\/rmsprop\.ts is a named pipe, not a file: upload the file itself/);
    // A folder down in the upload, the refused file is named where it is, and its verdict says why all the same.
    const nested = JSON.parse(readFileSync(join(outDir(), 'zip-links-nested.json'), 'utf8')) as typeof links;
    expect(nested.exercises.find((e) => e.id === `${COURSE}/sgd`)?.message).toBe(
      'my-work/optimizers/sgd.ts is a symbolic link: upload the file itself',
    );
  });

  test('nothing outside the output changed, nothing escaped, no temp folder is left behind', () => {
    expect(kitFiles()).toEqual(before);
    expect(tempFolders(join(work, 'tmp'))).toEqual(tempBefore);
    expect(existsSync(join(work, 'escape.ts'))).toBe(false);
    expect(existsSync('/tmp/escape-absolute.ts')).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['class', 'out', 'tmp']);
  });

  test('graded again, nothing changed: the reports are reused, the refusals still reported', () => {
    const again = grade(['--submissions', classDir(), '--out', outDir()], 120_000);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/graded 0 submission\(s\), \d+ unchanged since the last run/);
    const text = readFileSync(join(outDir(), 'gradebook.csv'), 'utf8');
    expect(text).toMatch(/optimizers\/sgd\.ts is a symbolic link/);
  }, 150_000);
});

describe('--target DIR follows the same staging rules', () => {
  const solutionsOf = (dir: string) => {
    for (const path of learnerFiles(kit.root)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), readFileSync(join(kit.root, 'solutions', path)));
    }
  };
  interface JsonReport {
    score: number;
    warnings?: string[];
    exercises: Array<{ id: string; status: string; message: string }>;
  }

  test('a learner file that is a link or a FIFO is refused and named, never followed or opened', () => {
    const target = join(work, 'target-links');
    solutionsOf(target);
    spawnSync('sh', [
      '-c',
      'rm "$1" "$2" && ln -s "$3" "$1" && mkfifo "$2"',
      'sh',
      join(target, 'optimizers', 'sgd.ts'),
      join(target, 'optimizers', 'rmsprop.ts'),
      join(kit.root, 'solutions', 'optimizers', 'sgd.ts'),
    ]);
    const result = grade(['--target', target, '--format', 'json'], 120_000);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const status = Object.fromEntries(report.exercises.map((e) => [e.id, e.status]));
    expect(status[`${COURSE}/sgd`]).toBe('error');
    expect(status[`${COURSE}/rmsprop`]).toBe('error');
    expect(status[`${COURSE}/momentum`]).toBe('pass');
    // Each refused file is named in its own exercise's verdict, from where the grader stands.
    const message = Object.fromEntries(report.exercises.map((e) => [e.id, e.message]));
    expect(message[`${COURSE}/sgd`]).toMatch(
      /target-links\/optimizers\/sgd\.ts is a symbolic link: put the file itself/,
    );
    expect(message[`${COURSE}/rmsprop`]).toMatch(/target-links\/optimizers\/rmsprop\.ts is a named pipe/);
  }, 150_000);

  test('a course folder that is a link to the solutions earns nothing', () => {
    const target = join(work, 'target-folder-link');
    mkdirSync(target);
    symlinkSync(join(kit.root, 'solutions', 'optimizers'), join(target, 'optimizers'));
    const result = grade(['--target', target, '--format', 'json'], 120_000);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.score).toBe(0);
    expect(report.warnings).toEqual([
      expect.stringMatching(/target-folder-link\/optimizers is a symbolic link: put the folder itself in its place/),
    ]);
  }, 150_000);
});

describe('a failure while grading a batch costs only the submission that caused it', () => {
  const verdict = (e: Exercise, status: 'pass' | 'error'): ExerciseReport => ({
    id: qualifiedId(e),
    course: e.course,
    exercise: e.id,
    title: e.title,
    bonus: e.bonus,
    status,
    score: status === 'pass' ? e.points : 0,
    maxScore: e.points,
    message: '',
    notImplemented: false,
    hidden: { total: 0, passed: 0 },
    tests: [],
  });
  const targets = (ids: string[]): GradeTarget[] => ids.map((id) => ({ id, dir: '', shownAs: id }));
  const pair = exercises.slice(0, 2);

  test('a class is graded a few submissions at a time, every exercise for each, in the order given', async () => {
    const calls: Array<{ exercises: string[]; targets: string[] }> = [];
    const grade = async (list: Exercise[], batch: GradeTarget[]): Promise<BatchVerdicts> => {
      calls.push({ exercises: list.map((e) => e.id), targets: batch.map((t) => t.id) });
      return {
        reports: new Map(batch.map((t) => [t.id, list.map((e) => verdict(e, 'pass'))])),
        suiteFailures: new Set(),
      };
    };
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const result = await gradeInBatches(grade, pair, targets(ids), 4);
    expect(calls.map((c) => c.targets)).toEqual([ids.slice(0, 4), ids.slice(4, 8), ids.slice(8)]);
    expect(calls.every((c) => c.exercises.join() === pair.map((e) => e.id).join())).toBe(true);
    for (const id of ids) expect(result.get(id)!.map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  test('a batch that throws is graded again in halves; the one that throws gets an error verdict', async () => {
    const calls: string[][] = [];
    const grade = async (list: Exercise[], batch: GradeTarget[]): Promise<BatchVerdicts> => {
      calls.push(batch.map((t) => t.id));
      if (batch.some((t) => t.id === 'bad')) throw new Error('The service was stopped');
      return {
        reports: new Map(batch.map((t) => [t.id, list.map((e) => verdict(e, 'pass'))])),
        suiteFailures: new Set(),
      };
    };
    const result = await gradeInBatches(grade, pair, targets(['a', 'b', 'bad', 'c', 'd']));
    for (const id of ['a', 'b', 'c', 'd']) expect(result.get(id)!.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(result.get('bad')!.map((r) => r.status)).toEqual(['error', 'error']);
    expect(result.get('bad')![0]!.message).toMatch(
      /^the grader failed on this submission \(not on anyone else's\): The service was stopped/,
    );
    expect(calls.length).toBeLessThanOrEqual(2 * 5 - 1);
  });

  test('a suite that fails as a whole is graded again for that exercise only; alone, its failure is the verdict', async () => {
    const calls: Array<{ exercises: string[]; targets: string[] }> = [];
    const grade = async (list: Exercise[], batch: GradeTarget[]): Promise<BatchVerdicts> => {
      calls.push({ exercises: list.map((e) => e.id), targets: batch.map((t) => t.id) });
      const crashed = batch.some((t) => t.id === 'crasher') && list.includes(pair[0]!);
      const reports = new Map(
        batch.map((t) => [t.id, list.map((e) => verdict(e, crashed && e === pair[0] ? 'error' : 'pass'))]),
      );
      return { reports, suiteFailures: new Set(crashed ? [qualifiedId(pair[0]!)] : []) };
    };
    const result = await gradeInBatches(grade, pair, targets(['a', 'crasher', 'b']));
    expect(result.get('a')!.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(result.get('b')!.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(result.get('crasher')!.map((r) => r.status)).toEqual(['error', 'pass']);
    expect(calls.slice(1).every((c) => c.exercises.length === 1 && c.exercises[0] === pair[0]!.id)).toBe(true);
  });

  test('the class run writes its gradebook with an error row when the grader throws on one submission', async () => {
    const dir = join(work, 'unit-class');
    for (const id of ['ann', 'boom', 'cat']) {
      for (const path of learnerFiles(KIT_ROOT)) {
        mkdirSync(join(dir, id, path, '..'), { recursive: true });
        writeFileSync(join(dir, id, path), readFileSync(join(KIT_ROOT, 'solutions', path)));
      }
    }
    const grade = async (list: Exercise[], batch: GradeTarget[]): Promise<BatchVerdicts> => {
      if (batch.some((t) => t.shownAs === 'boom')) throw new Error('worker exited unexpectedly');
      return {
        reports: new Map(batch.map((t) => [t.id, list.map((e) => verdict(e, 'pass'))])),
        suiteFailures: new Set(),
      };
    };
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = join(work, 'tmp');
    try {
      const summary = await gradeClass(KIT_ROOT, dir, join(work, 'unit-out'), exercises, grade);
      expect(summary.graded).toBe(3);
    } finally {
      // Test files share their worker process (isolate: false): the next one must find TMPDIR as it was.
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    const rows = parseCsv(readFileSync(join(work, 'unit-out', 'gradebook.csv'), 'utf8'));
    expect(rows.slice(1).map((r) => [r[0], r[8], r[9]])).toEqual([
      ['ann', `${required}`, `${bonus}`],
      ['boom', '0', '0'],
      ['cat', `${required}`, `${bonus}`],
    ]);
    expect(rows[2]![10]).toMatch(/^sgd: grader error; momentum: grader error/);
    const boom = JSON.parse(readFileSync(join(work, 'unit-out', 'boom.json'), 'utf8')) as {
      exercises: Array<{ message: string }>;
    };
    expect(boom.exercises[0]!.message).toMatch(/worker exited unexpectedly/);
    expect(tempFolders(join(work, 'tmp'))).toEqual([]);
  });
});

describe('CSV cells', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['plain', 'plain'],
    ['', ''],
  ])('%j is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('numbers are written as they are', () => {
    expect(csvRow(['ann', 1, 0, 6, ''])).toBe('ann,1,0,6,');
  });

  test('any text reads back as the same cell, prefix aside, and never starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', "'", ' ') }), {
          minLength: 1,
          maxLength: 5,
        }),
        (cells) => {
          const [parsed] = parseCsv(`${csvRow(cells)}\n`);
          expect(parsed).toHaveLength(cells.length);
          parsed!.forEach((cell, i) => {
            expect(cell).toBe(/^[=+\-@\t\r]/.test(cells[i]!) ? `'${cells[i]}` : cells[i]);
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          });
        },
      ),
    );
  });
});

describe('submission ids', () => {
  test('a folder and a zip of one name are both kept, distinctly', () => {
    const ids = submissionIds([
      { name: 'alice', kind: 'folder' },
      { name: 'alice.zip', kind: 'zip' },
      { name: 'ben.zip', kind: 'zip' },
      { name: 'Cat.ZIP', kind: 'zip' },
      { name: 'cat', kind: 'folder' },
      { name: 'd.zip.zip', kind: 'zip' },
      { name: 'd.zip', kind: 'zip' },
      { name: 'd', kind: 'folder' },
    ]);
    expect(Object.fromEntries(ids)).toEqual({
      alice: 'alice',
      'alice.zip': 'alice.zip',
      'ben.zip': 'ben',
      'Cat.ZIP': 'Cat.ZIP',
      cat: 'cat',
      'd.zip.zip': 'd.zip.zip',
      'd.zip': 'd.zip',
      d: 'd',
    });
  });

  test('ids are unique for any class folder, and each is the name or the name less .zip', () => {
    const entry = fc.record({
      name: fc.stringMatching(/^[aA.zipZIP]{1,8}$/),
      kind: fc.constantFrom<ClassEntry['kind']>('folder', 'zip', 'refused'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 12 }), (entries) => {
        const ids = submissionIds(entries);
        expect(new Set(ids.values()).size).toBe(entries.length);
        for (const e of entries) expect([e.name, e.name.replace(/\.zip$/i, '')]).toContain(ids.get(e.name));
        const files = reportFileNames([...ids.values()]);
        expect(new Set([...files.values()].map((f) => f.toLowerCase())).size).toBe(entries.length);
      }),
    );
  });

  test("no id can take another's report file: not one named as a hashed name is, nor a forged hash collision", () => {
    const hashOf = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 12);
    // `ALICE` sends `alice` to a hashed name; `alice-<its hash>` would be that name, plain.
    const ids = [
      'alice',
      'ALICE',
      `alice-${hashOf('alice')}`,
      `ALICE-${hashOf('ALICE')}`,
      `alice-${hashOf('alice')}-2`,
    ];
    const files = reportFileNames(ids);
    expect(new Set([...files.values()].map((f) => f.toLowerCase())).size).toBe(ids.length);
    // Every name is still stable and says whose it is.
    for (const id of ids) expect(files.get(id)!.startsWith(id.slice(0, 40).replace(/\.json$/, ''))).toBe(true);
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(
            fc.stringMatching(/^[aA]{1,3}$/),
            fc.stringMatching(/^[aA]{1,3}$/).map((id) => `${id}-${hashOf(id)}`),
            fc.stringMatching(/^[aA]{1,3}$/).map((id) => `${id}-${hashOf(id)}-2`),
          ),
          { maxLength: 12 },
        ),
        (some) => {
          const names = reportFileNames(some);
          expect(new Set([...names.values()].map((f) => f.toLowerCase())).size).toBe(some.length);
        },
      ),
    );
  });

  test('a report file name stays within what a file system allows', () => {
    const long = 'é'.repeat(200);
    const [name] = [...reportFileNames([long, 'ann']).values()];
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
  });
});

describe('the readers', () => {
  test('a zip that lies about a size is refused as soon as the entry inflates past it', () => {
    const zip = withDeclaredSize(
      zipOf({ 'optimizers/sgd.ts': ' '.repeat(32 * 1024 * 1024) }),
      'optimizers/sgd.ts',
      100,
    );
    const tree = readZip(zip, 'lying.zip');
    const started = Date.now();
    expect(() => tree.read('optimizers/sgd.ts')).toThrow(RefusedSubmission);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('zip entries with a link or FIFO mode are refused entries, never read', () => {
    const tree = readZip(
      zipOf({
        'a/link.ts': { data: '/etc/passwd', mode: SYMLINK_MODE },
        'a/pipe.ts': { data: '', mode: FIFO_MODE },
        'a/ok.ts': 'ok',
      }),
      'z.zip',
    );
    expect(tree.read('a/link.ts')).toEqual({ refusal: { kind: 'symlink', path: 'a/link.ts' } });
    expect(tree.read('a/pipe.ts')).toEqual({
      refusal: { kind: 'special-file', path: 'a/pipe.ts', special: 'named pipe' },
    });
    expect(new TextDecoder().decode(tree.read('a/ok.ts')!.bytes)).toBe('ok');
  });

  test.each(['../x.ts', 'a/../../x.ts', '/etc/x.ts', 'C:/x.ts', 'a\\..\\..\\x.ts'])(
    'a zip entry named %j is refused as outside the archive',
    (name) => {
      expect(() => readZip(zipOf({ [name]: 'x' }), 'slip.zip')).toThrow(/holds a path outside the archive/);
    },
  );

  test('a folder with a FIFO and a link is listed without opening or following either', () => {
    const dir = join(work, 'reader-folder');
    mkdirSync(join(dir, 'optimizers'), { recursive: true });
    writeFileSync(join(dir, 'optimizers', 'ok.ts'), 'ok');
    spawnSync('mkfifo', [join(dir, 'optimizers', 'pipe.ts')]);
    symlinkSync('/etc', join(dir, 'etc'));
    const tree = readFolder(dir, 'reader-folder');
    expect(tree.read('optimizers/pipe.ts')?.refusal?.kind).toBe('special-file');
    expect(tree.read('etc')?.refusal?.kind).toBe('symlink');
    expect([...tree.entries.keys()].some((path) => path.startsWith('etc/'))).toBe(false);
    expect(new TextDecoder().decode(tree.read('optimizers/ok.ts')!.bytes)).toBe('ok');
  });
});
