// A class graded as a teacher meets it: a GitHub Classroom roster, a gradebook that says why points were lost, a
// report for every row (empty and broken submissions, students who sent nothing), and a class graded in three shards
// and merged into the very bytes of one unsharded run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseShard, shardOf, sortIds } from '../grader/cli/class-shards.js';
import { planRows } from '../grader/cli/grade-class.js';
import { gradebookCsv } from '../grader/cli/gradebook.js';
import { parseRoster, rosterText } from '../grader/cli/roster.js';
import { gradeClassRun, type ClassRun } from './class-run.js';
import { parseCsv } from './adversarial/class/csv-parse.js';
import { KIT_ROOT, LAUNCH, makeSandbox } from './kit-sandbox.js';

const EXERCISES = ['optimizers/sgd', 'optimizers/momentum', 'optimizers/hyperparameter-search'];
const solution = (file: string) => readFileSync(join(KIT_ROOT, 'solutions', 'optimizers', file), 'utf8');
const SOLUTION_FILES = readdirSync(join(KIT_ROOT, 'solutions', 'optimizers')).filter((f) => f.endsWith('.ts'));

let dir: string;
let kit: { root: string; dispose(): void };
let whole: ClassRun;
let shards: ClassRun[];
const classDir = () => join(dir, 'class');
const roster = () => join(dir, 'roster.csv');

function folder(name: string, replace: Record<string, string> = {}): void {
  mkdirSync(join(classDir(), name, 'optimizers'), { recursive: true });
  for (const file of SOLUTION_FILES)
    writeFileSync(join(classDir(), name, 'optimizers', file), replace[file] ?? solution(file));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'class-shards-'));
  kit = makeSandbox();
  // ann: correct; ben (a zip, named by identifier): stale velocity; cat: momentum.ts does not compile; dan: an empty
  // folder; eve: an empty zip; zed: correct but on no roster; fay and gus: rostered, sent nothing.
  folder('ann');
  folder('zed');
  folder('cat', { 'momentum.ts': `${solution('momentum.ts')}\nexport const broken = ;\n` });
  const stale = readFileSync(join(KIT_ROOT, 'tests', 'learner-variants', 'buggy', 'momentum', 'stale-velocity.ts'));
  writeFileSync(
    join(classDir(), 'ben.zip'),
    zipSync(
      Object.fromEntries(
        SOLUTION_FILES.map((f) => [
          `ben/exercises/optimizers/${f}`,
          f === 'momentum.ts' ? new Uint8Array(stale) : new TextEncoder().encode(solution(f)),
        ]),
      ),
    ),
  );
  mkdirSync(join(classDir(), 'dan'));
  writeFileSync(join(classDir(), 'eve.zip'), zipSync({}));
  // GitHub Classroom's roster export, as it comes (quoted, CRLF).
  writeFileSync(
    roster(),
    [
      '"identifier","github_username","github_id","name"',
      '"s-ann","ann","101","Ann Archer"',
      '"ben","","","Ben, Jr."',
      '"s-cat","Cat","103","Cat Cole"',
      '"s-dan","dan","104","Dan Doe"',
      '"s-eve","eve","105","Eve Eld"',
      '"s-fay","fay","106","Fay Fox"',
      '"=gus","","","Gus ""G"" Gray"',
    ].join('\r\n') + '\r\n',
  );
  const run = (out: string, more: string[]) =>
    gradeClassRun({
      kit: kit.root,
      submissions: classDir(),
      out: join(dir, out),
      exercises: EXERCISES,
      args: ['--roster', roster(), ...more],
    });
  whole = await run('whole', []);
  shards = await Promise.all([1, 2, 3].map((i) => run(`shard-${i}`, ['--shard', `${i}/3`])));
}, 600_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  kit.dispose();
});

const merge = (outs: string[], out: string) =>
  spawnSync(process.execPath, [LAUNCH, 'grader/cli/grade.ts', '--merge', ...outs, '--out', out], {
    cwd: kit.root,
    encoding: 'utf8',
  });
const files = (out: string) =>
  Object.fromEntries(
    readdirSync(out)
      .sort()
      .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
  );

describe('--roster', () => {
  test('rows are named by the roster, sorted by id; who sent nothing is missing; the gradebook says why', () => {
    expect(whole.stderr).toBe('');
    expect(whole.exitCode).toBe(0);
    expect(whole.stdout).toMatch(/, 2 missing\n/);
    const rows = parseCsv(whole.gradebook);
    expect(rows[0]).toEqual([
      'student',
      'name',
      'submission',
      'status',
      'sgd',
      'momentum',
      'hyperparameter-search (bonus)',
      'required (of 2)',
      'bonus (of 1)',
      'problems',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 9))).toEqual([
      ["'=gus", 'Gus "G" Gray', '', 'missing', '0', '0', '0', '0', '0'],
      ['ben', 'Ben, Jr.', 'ben.zip', 'graded', '1', '0', '0', '1', '0'], // its search uses its momentum
      ['s-ann', 'Ann Archer', 'ann', 'graded', '1', '1', '1', '2', '1'],
      ['s-cat', 'Cat Cole', 'cat', 'graded', '1', '0', '0', '1', '0'],
      ['s-dan', 'Dan Doe', 'dan', 'broken', '0', '0', '0', '0', '0'],
      ['s-eve', 'Eve Eld', 'eve.zip', 'broken', '0', '0', '0', '0', '0'],
      ['s-fay', 'Fay Fox', '', 'missing', '0', '0', '0', '0', '0'],
      ['zed', '', 'zed', 'graded', '1', '1', '1', '2', '1'],
    ]);
    const problems = new Map(rows.slice(1).map((r) => [r[0], r[9]]));
    expect(problems.get('s-ann')).toBe('');
    expect(problems.get('ben')).toMatch(/^momentum: wrong result; hyperparameter-search: /);
    expect(problems.get('s-cat')).toBe('momentum.ts does not compile; hyperparameter-search imports it');
    expect(problems.get('s-dan')).toMatch(/^dan holds none of the learner files/);
    expect(problems.get('s-fay')).toBe('no submission');
    expect(problems.get('zed')).toBe('not on the roster');
  });

  test('every row has a JSON report: empty and broken submissions, and the missing', () => {
    expect([...whole.reports.keys()].sort()).toEqual(
      ['=gus', 'ben', 's-ann', 's-cat', 's-dan', 's-eve', 's-fay', 'zed'].sort(),
    );
    expect(whole.reports.get('s-eve')!).toMatchObject({ status: 'broken', submission: 'eve.zip', score: 0 });
    expect(whole.reports.get('s-eve')!.problem).toMatch(/eve/);
    expect(whole.reports.get('s-fay')!).toMatchObject({ status: 'missing', submission: null, name: 'Fay Fox' });
  });

  test('a roster error names the file and line', () => {
    const bad = join(dir, 'bad-roster.csv');
    writeFileSync(bad, 'identifier,name\nann,Ann\n"bob,Bob\n');
    const run = spawnSync(
      process.execPath,
      [LAUNCH, 'grader/cli/grade.ts', '--submissions', classDir(), '--roster', bad],
      {
        cwd: kit.root,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: ${bad}:3: a quoted cell that never ends`);
    // A roster that is not a file says so in words, not in the system's error codes.
    for (const [path, why] of [
      [dir, 'it is a folder'],
      [join(dir, 'no-roster.csv'), 'it does not exist'],
    ] as const) {
      const missing = spawnSync(
        process.execPath,
        [LAUNCH, 'grader/cli/grade.ts', '--submissions', classDir(), '--roster', path],
        { cwd: kit.root, encoding: 'utf8' },
      );
      expect(missing.status).toBe(2);
      expect(missing.stderr.trim()).toBe(
        `error: --roster ${path}: ${why}. Name the roster's CSV file (e.g. GitHub Classroom's export).`,
      );
    }
  });
});

describe('--shard i/n and --merge', () => {
  test('three shards split the class, each row once, the missing too', () => {
    for (const shard of shards) expect(shard.exitCode, shard.stderr).toBe(0);
    const ids = shards.flatMap((s) => [...s.reports.keys()]).sort();
    expect(ids).toEqual([...whole.reports.keys()].sort());
    expect(shards.map((s) => s.reports.size)).toEqual([3, 3, 2]);
  });

  test('merged, they give the unsharded gradebook byte for byte, and the same reports', () => {
    const out = join(dir, 'merged');
    const run = merge(
      [1, 2, 3].map((i) => join(dir, `shard-${i}`)),
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/merged 3 output\(s\), 8 row\(s\)/);
    expect(files(out)).toEqual(files(join(dir, 'whole')));
  });

  test('a shard missing or given twice is refused, naming what is wrong', () => {
    const missing = merge([join(dir, 'shard-1'), join(dir, 'shard-3')], join(dir, 'merged-bad'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no output given holds 3 of the class \(.*\): is a shard missing\?/);
    const twice = merge([join(dir, 'shard-1'), join(dir, 'shard-1')], join(dir, 'merged-bad'));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/was graded by two of them/);
  });

  test('manifests that give two rows one report are refused: one student would show twice, another nowhere', () => {
    const copies = [1, 2, 3].map((i) => {
      const copy = join(dir, `shared-report-${i}`);
      cpSync(join(dir, `shard-${i}`), copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, '.class.json'), 'utf8')) as {
        rows: Array<{ id: string; file: string }>;
      };
      manifest.rows[1]!.file = manifest.rows[0]!.file.toUpperCase();
      writeFileSync(join(copy, '.class.json'), JSON.stringify(manifest));
      return copy;
    });
    const run = merge(copies, join(dir, 'merged-shared'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/gives \S+ and \S+ one report, /);
  });
});

describe('the pure pieces', () => {
  test('a submission named exactly as the roster names a student takes their row before one that differs in case', () => {
    const member = (name: string) => ({ name, id: name, kind: 'folder' as const, path: `/class/${name}` });
    const roster = [{ identifier: 'alice', name: 'Alice Honest', aliases: ['alice', 'alice-gh'], line: 2 }];
    for (const names of [
      ['Alice', 'alice'],
      ['alice', 'Alice'],
      ['ALICE-GH', 'alice-gh'],
    ]) {
      const rows = planRows(names.map(member), roster);
      const row = rows.find((r) => r.id === 'alice')!;
      expect(row.member?.name, names.join(' ')).toBe(names.includes('alice') ? 'alice' : 'alice-gh');
      const other = rows.find((r) => r !== row)!;
      expect(other.problem).toBe('a second submission of alice, graded apart');
    }
  });

  test("a roster: GitHub Classroom's export, quoted cells with commas, quotes and line breaks, errors by line", () => {
    const text =
      '\uFEFF"identifier","github_username","github_id","name"\r\n"","octocat","1","Mona, ""the cat"""\n' +
      '"s2","","","Two\nLines"\n\n';
    expect(parseRoster(text, 'r.csv')).toEqual([
      { identifier: 'octocat', name: 'Mona, "the cat"', aliases: ['octocat'], line: 2 },
      { identifier: 's2', name: 'Two\nLines', aliases: ['s2'], line: 3 },
    ]);
    expect(() => parseRoster('name\nAnn\n', 'r.csv')).toThrow(/^r\.csv:1: no identifier column/);
    expect(() => parseRoster('identifier\nann\nANN\n', 'r.csv')).toThrow(
      'r.csv:3: ANN is already the student of line 2',
    );
    expect(() => parseRoster('identifier,name\nann,"A"x\n', 'r.csv')).toThrow('r.csv:2: text after a closing quote');
    expect(() => parseRoster('identifier\n"a\nb\n\nc,"d\n', 'r.csv')).toThrow(/^r\.csv:5: /);
  });

  test('a roster saved by a spreadsheet with semicolons or tabs between cells reads the same', () => {
    const expected = [
      { identifier: 's1', name: 'Lovelace, Ada', aliases: ['s1', 'ada-l'], line: 2 },
      { identifier: 'ghopper', name: 'Grace Hopper', aliases: ['ghopper'], line: 3 },
    ];
    // Excel in languages that write decimal commas: semicolons, CRLF, a comma inside a quoted cell.
    const semicolons = '\uFEFFidentifier;github_username;name\r\ns1;ada-l;"Lovelace, Ada"\r\n;ghopper;Grace Hopper\r\n';
    expect(parseRoster(semicolons, 'r.csv')).toEqual(expected);
    const tabs = 'identifier\tgithub_username\tname\ns1\tada-l\tLovelace, Ada\n\tghopper\tGrace Hopper\n';
    expect(parseRoster(tabs, 'r.csv')).toEqual(expected);
    // A header with commas keeps them as the separator, whatever the cells hold.
    expect(parseRoster('identifier,name\ns1,A; B\n', 'r.csv')).toEqual([
      { identifier: 's1', name: 'A; B', aliases: ['s1'], line: 2 },
    ]);
  });

  test('a roster saved as UTF-16 (Excel\'s "Unicode Text") or Windows-1252 (its plain CSV) reads as in UTF-8', () => {
    const text = 'identifier\tname\r\ns1\tJosé Núñez\r\ns2\tZoë Müller\r\n';
    const bom = (bytes: number[]) => Buffer.concat([Buffer.from(bytes), Buffer.from(text, 'utf16le')]);
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    for (const bytes of [
      Buffer.from(`\uFEFF${text}`, 'utf8'),
      bom([0xff, 0xfe]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]),
      Buffer.from(text, 'latin1'), // é, ú, ñ, ë, ü are the same bytes in Windows-1252
    ]) {
      expect(parseRoster(rosterText(bytes), 'r.csv').map((e) => e.name)).toEqual(['José Núñez', 'Zoë Müller']);
    }
    // Windows-1252's own letters beyond Latin-1 (the euro sign, curly quotes) come through too.
    expect(rosterText(Buffer.from([0x4f, 0x92, 0x42, 0x80, 0x93, 0x94, 0x9f]))).toBe('O’B€“”Ÿ');
  });

  test('shards: every n-th of the sorted ids, from the i-th; each id in exactly one shard', () => {
    const ids = sortIds(['b', 'a', 'Z', 'é', 'c']);
    expect(ids).toEqual(['Z', 'a', 'b', 'c', 'é']);
    expect([1, 2].map((index) => shardOf(ids, { index, count: 2 }))).toEqual([
      ['Z', 'b', 'é'],
      ['a', 'c'],
    ]);
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard takes i\/n/);
  });

  test('several courses: qualified columns, subtotals per course, then the totals; cells neutralised', () => {
    const exercise = (course: string, id: string, bonus: boolean) => ({
      id: `${course}/${id}`,
      course,
      exercise: id,
      bonus,
      points: 1,
      files: [`${id}.ts`],
    });
    const layout = {
      exercises: [exercise('a', 'x', false), exercise('a', 'y', true), exercise('b', 'x', false)],
      roster: false,
    };
    const report = {
      student: '=cmd',
      submission: '=cmd',
      status: 'graded' as const,
      warnings: [],
      refused: [],
      score: 2,
      maxScore: 3,
      exercises: [
        { id: 'a/x', score: 1, status: 'pass' },
        { id: 'a/y', score: 1, status: 'pass' },
        { id: 'b/x', exercise: 'x', score: 0, status: 'timeout', kind: 'timeout', message: '' },
      ] as never,
    };
    expect(gradebookCsv(layout, [{ report, fileName: 'x.json' }])).toBe(
      'student,status,a/x,a/y (bonus),b/x,a required (of 1),a bonus (of 1),b required (of 1),required (of 2),bonus (of 1),problems\n' +
        "'=cmd,graded,1,1,0,1,1,0,1,1,b/x: timed out\n",
    );
  });

  test("the instructors' workflow grades in shards as root and merges into one artifact", () => {
    const workflow = readFileSync(join(KIT_ROOT, '.github', 'workflows', 'grade-class.yml'), 'utf8');
    expect(workflow).toMatch(/workflow_dispatch:\n\s+inputs:\n\s+submissions:/);
    expect(workflow).toMatch(/index: \[1, 2, 3, 4\]\n\s+count: \[4\]/);
    expect(workflow).toContain('sudo -E env "PATH=$PATH" node scripts/launch.mjs grader/cli/grade.ts');
    expect(workflow).toContain('--shard ${{ matrix.index }}/${{ matrix.count }}');
    expect(workflow).toContain(
      'grader/cli/grade.ts --merge "$RUNNER_TEMP"/shards/shard-* --out "$RUNNER_TEMP/gradebook"',
    );
    expect(workflow).toContain('actions/upload-artifact@v4');
    expect(workflow).toContain('actions/download-artifact@v4');
    expect(workflow).not.toContain('--allow-weak-sandbox ');
  });

  test('the default output folder, ./gradebook, is ignored by git (the kit ships this .gitignore)', () => {
    expect(readFileSync(join(KIT_ROOT, '.gitignore'), 'utf8').split('\n')).toContain('/gradebook/');
  });
});
