// The student kit and Gradescope's autograder as they are used: the kit unpacked in an empty folder, installed
// with npm and graded (0 on the stubs, full marks with correct code), its site built, no solution anywhere;
// the autograder run against Gradescope's layout under a temporary root.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
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
import { dirname, join, relative, sep } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { filesBelow } from '../grader/files/files-below.js';
import { importsSolutions } from '../scripts/release/kit-contents.js';
import { scanForLeaks } from '../scripts/release/leak-scan.js';
import { RECORD, releaseOutputProblem } from '../scripts/release/release-output.js';
import { hiddenLines } from '../scripts/stubs/hidden-text.js';
import { KIT_ROOT, makeSandbox, WITH_SITE } from './kit-sandbox.js';
import { releasedKit, type Release } from './released-kit.js';

let work: string;
let released: Release;
/** The release's output folder, shared with the other test files that need a released kit: read, never changed. */
let out: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'release-test-'));
  released = await releasedKit();
  out = released.out;
}, 200_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (cwd: string, args: string[]) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });

test('npm run release succeeds and its leak scan is clean', () => {
  expect(released.stderr).toBe('');
  expect(released.status).toBe(0);
  expect(String(released.stdout)).toContain('leak scan: clean');
});

test('it records what it wrote: the next release may replace all of it, unasked', () => {
  expect(readdirSync(out).sort()).toEqual(
    [RECORD, 'gradescope-autograder.zip', 'student-kit', 'student-kit.tgz'].sort(),
  );
  const all = ['student-kit', 'student-kit.tgz', 'gradescope-autograder.zip'];
  expect(releaseOutputProblem(KIT_ROOT, out, all, false)).toBeUndefined();
});

test("the kit keeps every file of each course's exercise folder as it starts, byte for byte, apart from exercises/", () => {
  for (const { id } of loadCourses(KIT_ROOT)) {
    const starting = join(KIT_ROOT, 'exercises', id);
    const kept = join(out, 'student-kit', 'grader', 'pristine', id);
    expect(readdirSync(kept).sort(), id).toEqual(readdirSync(starting).sort());
    for (const file of readdirSync(starting))
      expect(readFileSync(join(kept, file)).equals(readFileSync(join(starting, file))), `${id}/${file}`).toBe(true);
  }
});

test('the kit holds no solution, hidden test or instructor tool, by an independent scan of every file', () => {
  const kit = join(out, 'student-kit');
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

/** The code files below `root`, relative, outside node_modules and built output. */
const trackedCode = (root: string): string[] =>
  filesBelow(root, { skip: (name) => ['node_modules', 'release', 'dist', '.git'].includes(name) })
    .map((f) => relative(root, f).split(sep).join('/'))
    .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f));

test("the kit holds no model of the optimizers' update rules: the rule fit is in Gradescope's autograder alone", () => {
  const kit = join(out, 'student-kit');
  const simulator = 'grader/optimizers/hidden/rule-fit.ts';
  // Copied into a learner's file, any function of the fit would answer an exercise or compute a reveal key.
  const functions = [...readFileSync(join(KIT_ROOT, simulator), 'utf8').matchAll(/^export function (\w+)/gm)].map(
    (m) => m[1]!,
  );
  expect(functions).toEqual(expect.arrayContaining(['fitVerdict', 'responsesOf']));
  const declares = new RegExp(`\\b(function|const|let|var)\\s+(${functions.join('|')})\\b`);
  const code = readdirSync(kit, { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.(ts|js|mjs|cjs)$/.test(f) && !f.startsWith('node_modules'),
  );
  expect(code.filter((f) => declares.test(readFileSync(join(kit, f), 'utf8')))).toEqual([]);
  expect(existsSync(join(kit, simulator))).toBe(false);
  expect(Object.keys(unzipSync(readFileSync(join(out, 'gradescope-autograder.zip'))))).toContain(`kit/${simulator}`);
});

test("no module of the kit imports solutions/: the site's data modules that run them stay with the instructor", () => {
  const kit = join(out, 'student-kit');
  // The repository has such modules (each course's reference runs, the search heatmap's grid of runs) …
  const running = trackedCode(KIT_ROOT).filter((f) => importsSolutions(KIT_ROOT, f));
  expect(running).toEqual(expect.arrayContaining(['courses/optimizers/site/data/search-heatmap-runs.ts']));
  // … and the kit, whose site reads their numbers from site/data/, has none of them.
  for (const f of running) expect(existsSync(join(kit, f)), f).toBe(false);
  expect(trackedCode(kit).filter((f) => importsSolutions(kit, f))).toEqual([]);
  expect(existsSync(join(kit, 'site', 'data', 'search-heatmap.json'))).toBe(true);
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

test('--out that cannot be a folder stops the release before it is built, naming it, with exit 2', () => {
  const file = join(work, 'not-a-folder');
  writeFileSync(file, 'an instructor’s notes\n');
  for (const [out, why] of [
    [file, 'it is a file'],
    [join(file, 'release'), 'it is inside a file'],
  ] as const) {
    const run = spawnSync(
      process.execPath,
      [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--out', out],
      {
        cwd: KIT_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `error: --out ${out}: ${why}. Name a folder you can write to (it is made if missing).`,
    );
  }
  expect(readFileSync(file, 'utf8')).toBe('an instructor’s notes\n');
});

test('--out holding a student-kit/ no release made is refused before anything is built, with exit 2; --force goes on', () => {
  const there = join(work, 'kept');
  mkdirSync(join(there, 'student-kit'), { recursive: true });
  writeFileSync(join(there, 'student-kit', 'notes.txt'), 'an instructor’s notes\n');
  const release = (args: string[]) =>
    spawnSync(
      process.execPath,
      [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--out', there, ...args],
      {
        cwd: KIT_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  const refused = release([]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toBe(
    `error: --out ${there}: student-kit/ was not made by a release, and the release replaces it whole. Move it elsewhere, or add --force to replace it.\nnothing was released.\n`,
  );
  // Past that check with --force, the release stops at the next one: the folder is still as it was.
  const forced = release(['--force', '--course', 'no-such-course']);
  expect(forced.status).toBe(2);
  expect(forced.stderr).toContain('no course named no-such-course');
  expect(readdirSync(there)).toEqual(['student-kit']);
  expect(readFileSync(join(there, 'student-kit', 'notes.txt'), 'utf8')).toBe('an instructor’s notes\n');
});

test('a copy of the repository that is no git repository (a downloaded zip) is refused in words, with nothing written', () => {
  // The parts the release reads, copied without .git: the release cannot tell the instructor's files from the rest.
  const copy = makeSandbox(WITH_SITE);
  try {
    const out = join(copy.root, 'kit-out');
    const run = spawnSync(
      process.execPath,
      [join(copy.root, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--out', out],
      {
        cwd: copy.root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe(
      `error: ${copy.root} is not a git repository: the release takes the files git lists (committed or not, but never what .gitignore leaves out). Run \`git init\` in the repository (nothing needs committing), or clone it, then release again.\n`,
    );
    expect(existsSync(out)).toBe(false);
  } finally {
    copy.dispose();
  }
});

describe('unpacked in an empty folder', () => {
  let kit: string;
  beforeAll(() => {
    const empty = join(work, 'fresh');
    mkdirSync(empty);
    execFileSync('tar', ['-xzf', join(out, 'student-kit.tgz'), '-C', empty]);
    kit = join(empty, 'student-kit');
    const installed = npm(kit, ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    expect(installed.status, installed.stderr).toBe(0);
  }, 320_000);

  test("npm ci installs the kit's own packages, none of the instructor's tools, and nothing missing or extraneous", () => {
    const tools = ['eslint', '@eslint/js', 'typescript-eslint', 'prettier', 'dependency-cruiser', 'ts-morph'];
    for (const tool of [...tools, 'playwright-core', 'fast-check'])
      expect(existsSync(join(kit, 'node_modules', tool)), tool).toBe(false);
    const listed = npm(kit, ['ls', '--all']);
    expect(listed.status, listed.stdout + listed.stderr).toBe(0);
  });

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

  test("grading in the kit takes what grading for the record takes: a helper file of one's own is not graded, an edited kit file gives way to the kit's copy, and both are named", () => {
    const folder = join(kit, 'exercises', 'optimizers');
    const keep = ['sgd.ts', 'parameter.ts'].map((f) => [f, readFileSync(join(folder, f), 'utf8')] as const);
    try {
      writeFileSync(join(folder, 'helper.ts'), 'export const twice = (x: number): number => 2 * x;\n');
      writeFileSync(join(folder, 'sgd.ts'), `import './helper.js';\n${keep[0]![1]}`);
      // Were the edited copy used, every optimizer importing it would fail to load.
      writeFileSync(join(folder, 'parameter.ts'), `throw new Error('the edited copy ran');\n${keep[1]![1]}`);
      const verdicts = (args: string[]) => {
        const graded = npm(kit, ['run', '--silent', 'grade', '--', 'sgd', 'momentum', '--format', 'json', ...args]);
        const report = JSON.parse(graded.stdout) as {
          exercises: Array<{ id: string; status: string; tests: Array<{ message?: string }> }>;
          warnings?: string[];
        };
        return report;
      };
      const local = verdicts([]);
      const asSubmission = verdicts(['--target', 'exercises']);
      const statuses = (r: typeof local) => r.exercises.map((e) => `${e.id} ${e.status}`);
      expect(statuses(local)).toEqual(['optimizers/sgd error', 'optimizers/momentum pass']);
      expect(statuses(asSubmission)).toEqual(statuses(local));
      expect(local.exercises[0]!.tests[0]!.message).toContain(
        'there is no file exercises/optimizers/helper.ts among the files graded',
      );
      expect(local.warnings).toEqual([
        expect.stringMatching(
          /^exercises\/optimizers\/helper\.ts is not one of the course's files, so it was not graded/,
        ),
        expect.stringMatching(
          /^your exercises\/optimizers\/parameter\.ts differs from the kit's copy; the kit's copy was graded/,
        ),
      ]);
    } finally {
      rmSync(join(folder, 'helper.ts'), { force: true });
      for (const [file, text] of keep) writeFileSync(join(folder, file), text);
    }
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
    // The npm that started this test run, else the one installed with this Node.js (a Node.js from elsewhere has none).
    const npmCli =
      process.env.npm_execpath?.endsWith('npm-cli.js') === true
        ? process.env.npm_execpath
        : join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
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

  test('npm run typecheck shows a type error in a learner file, which grading alone would not', () => {
    expect(npm(kit, ['run', '--silent', 'typecheck']).status).toBe(0);
    const file = join(kit, 'exercises', 'optimizers', 'sgd.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\nconst unused: string = 42;\n`);
    try {
      const checked = npm(kit, ['run', '--silent', 'typecheck']);
      expect(checked.status).not.toBe(0);
      expect(checked.stdout).toMatch(/exercises\/optimizers\/sgd\.ts\(\d+,\d+\): error TS2322/);
    } finally {
      writeFileSync(file, original);
    }
  });

  test("the whole kit type-checks by its tsconfig.json, as a student's editor sees it: its grader needs no hidden folder, its site no solution", () => {
    const { exclude } = JSON.parse(readFileSync(join(kit, 'tsconfig.json'), 'utf8')) as { exclude: string[] };
    // Left out: only what runs what the kit does not have, the stub generator or solutions/ (a site data module, the
    // plug-in that imports it); the learner's files, the grader and the site's own scripts are all checked.
    const left = exclude.filter((path) => path.endsWith('.ts'));
    expect(left).toContain('scripts/reset.ts');
    for (const path of left) {
      expect(existsSync(join(kit, path)), path).toBe(true);
      expect(path).toMatch(/^(courses\/[\w-]+\/site\/(plugin|data\/[\w-]+)|scripts\/reset)\.ts$/);
    }
    const checked = spawnSync(
      process.execPath,
      [join(kit, 'node_modules', 'typescript-native', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'],
      { cwd: kit, encoding: 'utf8', timeout: 120_000 },
    );
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
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
    const files = unzipSync(readFileSync(join(out, 'gradescope-autograder.zip')));
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(join(root, 'source', name, '..'), { recursive: true });
      writeFileSync(join(root, 'source', name), data);
    }
    for (const c of loadCourses(KIT_ROOT))
      expect(existsSync(join(root, 'source', 'kit', 'grader', c.id, 'hidden'))).toBe(true);
    // setup.sh would run `npm ci` on Gradescope's image; here the repository's packages stand in.
    symlinkSync(join(KIT_ROOT, 'node_modules'), join(root, 'source', 'kit', 'node_modules'), 'dir');
  });

  type Upload = Record<string, string | Uint8Array | { link: string }>;
  const grade = (submission: Upload) => {
    rmSync(join(root, 'submission'), { recursive: true, force: true });
    rmSync(join(root, 'results'), { recursive: true, force: true });
    mkdirSync(join(root, 'submission'), { recursive: true });
    for (const [name, content] of Object.entries(submission)) {
      mkdirSync(join(root, 'submission', name, '..'), { recursive: true });
      if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, join(root, 'submission', name));
      else writeFileSync(join(root, 'submission', name), content);
    }
    // Executed as Gradescope does, by its own #! line: the zip gave it its mode (checked below), set here by hand.
    chmodSync(join(root, 'source', 'run_autograder'), 0o755);
    const run = spawnSync(join(root, 'source', 'run_autograder'), [], {
      encoding: 'utf8',
      env: { ...process.env, AUTOGRADER_ROOT: root },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    return JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8')) as {
      score: number;
      output: string;
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
  const courses = loadCourses(KIT_ROOT);
  const optimizers = courses.find((c) => c.id === 'optimizers')!.exercises;
  const all = optimizers.flatMap((e) => e.files);
  const points = (list: typeof optimizers) => list.reduce((n, e) => n + e.points, 0);
  // An exercise's scored entry: its title, led by its <course>/<id> when the upload has files of several courses.
  const entry = (results: ReturnType<typeof grade>, id: string) => {
    const exercise = courses.flatMap((c) => c.exercises).find((e) => `${e.course}/${e.id}` === id)!;
    const title = `${exercise.title}${exercise.bonus ? ' (bonus)' : ''}`;
    return results.tests.find((t) => t.name === title || t.name === `${id}: ${title}`);
  };
  const scored = (results: ReturnType<typeof grade>) =>
    optimizers.map((e) => entry(results, `optimizers/${e.id}`)!).map((t) => [t.name, t.score, t.max_score]);

  test('the zip is what Gradescope needs: setup.sh and run_autograder at its top, executable (0755); Node.js 24 LTS', () => {
    const zip = readFileSync(join(out, 'gradescope-autograder.zip'));
    // fflate's unzip does not give entries' attributes: read the central directory's headers (PKZIP APPNOTE 4.3.12).
    const modes = new Map<string, number>();
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0;) {
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      expect(zip.readUInt16LE(at + 4) >> 8, name).toBe(3); // made by: Unix, so that the mode means what it says
      modes.set(name, zip.readUInt32LE(at + 38) >>> 16);
      const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
      at = zip.readUInt32LE(next) === 0x02014b50 ? next : -1;
    }
    expect(modes.get('setup.sh')).toBe(0o100755);
    expect(modes.get('run_autograder')).toBe(0o100755);
    expect(modes.get('kit/package.json')).toBe(0o100644);
    const setup = readFileSync(join(root, 'source', 'setup.sh'), 'utf8');
    expect(setup).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(setup).toContain('https://deb.nodesource.com/setup_24.x');
    expect(readFileSync(join(KIT_ROOT, 'README.md'), 'utf8')).toMatch(/Node\.js 24, an LTS line/);
  });

  test('a correct submission scores full marks, with the fields Gradescope documents; bonus is extra credit', () => {
    const results = grade(Object.fromEntries(all.map((f) => [`my-repo/exercises/optimizers/${f}`, solution(f)])));
    expect(results.score).toBe(points(optimizers));
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(['passed', 'failed']).toContain(t.status);
      expect(['visible', 'after_published']).toContain(t.visibility);
    }
    expect(results.score).toBe(results.tests.reduce((n, t) => n + t.score, 0));
    // Only the required exercises make the total; a bonus one adds its points above it (max_score 0).
    const required = optimizers.filter((e) => !e.bonus);
    expect(results.tests.reduce((n, t) => n + t.max_score, 0)).toBe(points(required));
    for (const e of optimizers.filter((x) => x.bonus)) {
      expect(entry(results, `optimizers/${e.id}`)).toMatchObject({ score: e.points, max_score: 0, status: 'passed' });
    }
    expect(results.output).toContain(`Required: ${points(required)}/${points(required)}; bonus (extra credit):`);
    // Only the course the upload holds files of is graded; the other is named, not failed file by file.
    expect(results.tests.some((t) => t.name.startsWith('backprop/'))).toBe(false);
    expect(results.output).toMatch(/No file of the course backprop \(value\.ts, .*\) was found, so it was not graded/);
  });

  test('flat, in a folder, or laid out as in the repository: the same files get the same scores', () => {
    // One of each kind the autograder tells apart (flat, course folders, the repository's layout); every variant of
    // each (at the top or a folder down) is resolved by the same function, tested on listings in upload-layout.test.ts.
    const layouts = [
      (f: string) => f, // dragged in by themselves
      (f: string) => `my-work/optimizers/${f}`,
      (f: string) => `exercises/optimizers/${f}`,
    ];
    const required = optimizers.filter((e) => !e.bonus);
    const runs = layouts.map((at) => grade(Object.fromEntries(all.map((f) => [at(f), solution(f)]))));
    for (const results of runs) {
      expect(results.output).not.toMatch(/--target|usage:|npm run|git checkout/);
      expect(scored(results)).toEqual(scored(runs[0]!));
      expect(results.tests.filter((t) => t.max_score > 0).reduce((n, t) => n + t.score, 0)).toBe(points(required));
    }
  }, 400_000);

  test('a missing file is named, with the advice to upload it, in words for a student on Gradescope', () => {
    const results = grade(Object.fromEntries(all.filter((f) => f !== 'momentum.ts').map((f) => [f, solution(f)])));
    const momentum = entry(results, 'optimizers/momentum')!;
    expect(momentum.status).toBe('failed');
    expect(momentum.output).toMatch(/momentum\.ts is missing from your submission: upload momentum\.ts/);
    const everything = JSON.stringify(results);
    expect(everything).not.toMatch(/npm run|git checkout|--target|usage:|exercises\//);
    expect(entry(results, 'optimizers/sgd')?.status).toBe('passed');
  });

  test('an upload with no learner file at all says which files to upload', () => {
    const results = grade({ 'notes.txt': 'I could not finish\n' });
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/holds none of the files this assignment grades \(.*sgd\.ts, momentum\.ts, /);
    expect(entry(results, 'optimizers/sgd')?.output).toMatch(/sgd\.ts is missing from your submission: upload/);
    expect(JSON.stringify(results)).not.toMatch(/npm run|--target|usage:/);
  });

  test('a buggy submission does not score, and an adversarial one is contained', () => {
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
    expect(entry(results, 'optimizers/rmsprop')?.output).toMatch(/rmsprop\.ts is missing from your submission/);
  });

  test('a file name that is not UTF-8 is named and the rest graded; a run the grader cannot finish still writes JSON', () => {
    const results = grade({ 'sgd.ts': solution('sgd.ts') });
    expect(entry(results, 'optimizers/sgd')?.score).toBe(1);
    // A Latin-1 `café.ts` and a name with a tab in it, beside a correct sgd.ts.
    const submission = join(root, 'submission');
    for (const name of [Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x73]), Buffer.from([0xff, 0x09])])
      writeFileSync(Buffer.concat([Buffer.from(`${submission}/`), name]), 'x');
    const run = () =>
      spawnSync(join(root, 'source', 'run_autograder'), [], {
        encoding: 'utf8',
        env: { ...process.env, AUTOGRADER_ROOT: root },
        timeout: 120_000,
      });
    expect(run().status).toBe(0);
    const named = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8')) as typeof results;
    expect(entry(named, 'optimizers/sgd')?.score).toBe(1);
    expect(named.output).toContain('its name cannot be read as UTF-8 text (it was not graded)');
    // No submission at all, under a root whose name holds a tab: the grader exits 2, and what it said, tab and all,
    // reaches Gradescope as JSON.
    const tabbed = join(work, 'auto\tgrader');
    symlinkSync(root, tabbed);
    rmSync(submission, { recursive: true, force: true });
    const failed = spawnSync(join(tabbed, 'source', 'run_autograder'), [], {
      encoding: 'utf8',
      env: { ...process.env, AUTOGRADER_ROOT: tabbed },
      timeout: 120_000,
    });
    expect(failed.status).toBe(0);
    const fallback = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8')) as typeof results;
    expect(fallback.score).toBe(0);
    expect(fallback.output).toMatch(/^The autograder could not grade this submission: .*auto\tgrader/s);
  });

  test('a hostile upload is contained and named: a link to /etc/passwd named sgd.ts, a zip whose entry climbs out', () => {
    const linked = grade({
      'sgd.ts': { link: '/etc/passwd' },
      'momentum.ts': solution('momentum.ts'),
    });
    expect(linked.output).toContain('sgd.ts is a symbolic link: upload the file itself (it was not graded)');
    expect(entry(linked, 'optimizers/sgd')?.status).toBe('failed');
    expect(entry(linked, 'optimizers/momentum')?.status).toBe('passed');
    expect(JSON.stringify(linked)).not.toMatch(/root:x:0:0/);

    // An upload of one .zip (Gradescope unpacks most; this one it would not): read in memory, never unpacked.
    const zip = zipSync({ 'momentum.ts': strToU8(solution('momentum.ts')), '../../escaped.ts': strToU8('// out\n') });
    const zipped = grade({ 'work.zip': zip });
    expect(zipped.output).toMatch(
      /work\.zip could not be unpacked: holds a path outside the archive: \.\.\/\.\.\/escaped\.ts/,
    );
    expect(existsSync(join(root, 'escaped.ts'))).toBe(false);
    expect(existsSync(join(root, 'submission', 'escaped.ts'))).toBe(false);
    // A well-made one is graded like the files themselves.
    const good = grade({ 'work.zip': zipSync({ 'my-work/momentum.ts': strToU8(solution('momentum.ts')) }) });
    expect(entry(good, 'optimizers/momentum')?.status).toBe('passed');
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
