// `npm run stubs` as an instructor meets it: it regenerates exercises/, reports staleness, refuses to overwrite
// a learner's edits and refuses bad markers with file:line, writing nothing in either case.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCourse, loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { generateFile } from '../scripts/stubs/generate-stubs.js';
import { KIT_ROOT, makeSandbox, runKitScript, snapshot, LAUNCH } from './kit-sandbox.js';

test('the committed exercises/ is exactly what solutions/ generates', () => {
  const result = runKitScript(KIT_ROOT, 'scripts/stubs.ts', ['--check']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('a mistyped option of stubs, release or fixtures is named with the option it most likely meant, exit 2', () => {
  for (const [script, typo, meant] of [
    ['scripts/stubs.ts', '--chek', '--check'],
    ['scripts/release.ts', '--gradscope', '--gradescope'],
    ['scripts/fixtures.ts', '--hlep', '--help'],
  ] as const) {
    const result = runKitScript(KIT_ROOT, script, [typo]);
    expect(result.status, script).toBe(2);
    expect(result.stderr).toContain(`error: unknown option ${typo} (did you mean ${meant}?)`);
  }
});

test('npm run bench and smoke -- --help show their usage at once; an argument they do not take stops them, exit 2', () => {
  for (const [script, command, says] of [
    ['bench/run.ts', 'npm run bench', 'BENCH_RUNS=N'],
    ['scripts/smoke-test.ts', 'npm run smoke', 'solutions earn full marks'],
  ] as const) {
    const help = runKitScript(KIT_ROOT, script, ['--help']);
    expect(help.status, script).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^usage: ${command}\\n`));
    expect(help.stdout).toContain(says);
    const wrong = runKitScript(KIT_ROOT, script, ['--runs']);
    expect(wrong.status, script).toBe(2);
    expect(wrong.stderr).toContain(`error: unknown option --runs\nusage: ${command}\n`);
  }
});

// Every way to get a marker wrong, on the committed solution itself, so that each message names its real line: the
// generator's own function, in-process. The command's plumbing for such an error (exit 2, nothing written) is
// proved just below, once for a marker and once for each kind of type error, a later stage.
const MARKER_MISTAKES: Array<[string, (t: string) => string, RegExp]> = [
  [
    'an unclosed region',
    (t) => t.replace(/\n\s*\/\/ Hide: none\n/, '\n'),
    /solutions\/optimizers\/sgd\.ts:\d+:\d+: the region opened .* is never closed/,
  ],
  [
    'a misspelt label',
    (t) => t.replace('// Hide: all', '// Hide: al'),
    /solutions\/optimizers\/sgd\.ts:\d+:\d+: unknown label `al`/,
  ],
  [
    'a marker with three slashes',
    (t) => t.replace('// Hide: all', '/// Hide: all'),
    /solutions\/optimizers\/sgd\.ts:23:5: `\/\/\/ Hide: all` looks like a `\/\/ Hide` marker[^]*did you mean `\/\/ Hide: all`\?/,
  ],
  [
    'a marker in a block comment',
    (t) => t.replace('// Hide: none', '/* Hide: none */'),
    /solutions\/optimizers\/sgd\.ts:27:5: .*is a block comment[^]*did you mean `\/\/ Hide: none`\?/,
  ],
  [
    'a marker without its colon',
    (t) => t.replace('// Hide: hard', '// Hide hard'),
    /solutions\/optimizers\/sgd\.ts:20:5: .*not followed by a colon[^]*did you mean `\/\/ Hide: hard`\?/,
  ],
  [
    'a region from the end of one method into the next',
    (t) =>
      t.replace('    // Hide: none\n  }\n\n  zeroGrad(): void {\n', '  }\n\n  zeroGrad(): void {\n    // Hide: none\n'),
    /solutions\/optimizers\/sgd\.ts:23:5: the region opened by `\/\/ Hide: all` starts inside `SGD\.step\(\)` and ends inside `SGD\.zeroGrad\(\)`[^]*fix: close the region before the end of `SGD\.step\(\)`/,
  ],
];
test.each(MARKER_MISTAKES)('%s is refused, naming the solution’s file, line and column', (_, change, message) => {
  const file = 'solutions/optimizers/sgd.ts';
  const solution = readFileSync(join(KIT_ROOT, file), 'utf8');
  expect(change(solution)).not.toBe(solution); // the edit applies to the committed solution
  const labels = loadCourse(KIT_ROOT, 'optimizers').labels;
  expect(() => generateFile(change(solution), file, labels, 'normal')).toThrow(message);
});

describe('in a copy of the kit', () => {
  let sandbox: ReturnType<typeof makeSandbox>;
  beforeEach(() => {
    sandbox = makeSandbox();
  });
  afterEach(() => sandbox.dispose());

  const path = (relative: string) => join(sandbox.root, relative);
  const edit = (relative: string, change: (text: string) => string) =>
    writeFileSync(path(relative), change(readFileSync(path(relative), 'utf8')));

  test('a changed solution makes --check fail naming the file, and `npm run stubs` brings it up to date', () => {
    edit('solutions/optimizers/sgd.ts', (t) =>
      t.replace('readonly learningRate: number; // α', 'readonly learningRate: number; // α, the step size'),
    );
    const check = runKitScript(sandbox.root, 'scripts/stubs.ts', ['--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('exercises/optimizers/sgd.ts');
    const generate = runKitScript(sandbox.root, 'scripts/stubs.ts');
    expect(generate.status).toBe(0);
    expect(readFileSync(path('exercises/optimizers/sgd.ts'), 'utf8')).toContain('// α, the step size');
    expect(runKitScript(sandbox.root, 'scripts/stubs.ts', ['--check']).status).toBe(0);
  });

  test("a learner's edited stub is never overwritten without --force", () => {
    edit('exercises/optimizers/sgd.ts', (t) => t.replace('// TODO', '// my own work in progress\n    // TODO'));
    edit('solutions/optimizers/sgd.ts', (t) =>
      t.replace('readonly learningRate: number; // α', 'readonly learningRate: number; // α (changed)'),
    );
    const before = snapshot(path('exercises'));
    const refused = runKitScript(sandbox.root, 'scripts/stubs.ts');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('exercises/optimizers/sgd.ts');
    expect(refused.stderr).toContain('--force');
    expect(snapshot(path('exercises'))).toEqual(before);
    const forced = runKitScript(sandbox.root, 'scripts/stubs.ts', ['--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(path('exercises/optimizers/sgd.ts'), 'utf8')).not.toContain('my own work in progress');
  });

  test.each([
    MARKER_MISTAKES[0]!,
    [
      'a stub that would not type-check',
      (t: string) =>
        t
          .replace(
            'const g = gradientOf(this.parameters);\n    // Hide: all',
            '// Hide: all\n    const g = gradientOf(this.parameters);',
          )
          .replace('for (let i', 'g;\n    for (let i')
          .replace('    // Hide: none\n  }', '    // Hide: none\n    void g;\n  }'),
      /exercises\/optimizers\/sgd\.ts:\d+:\d+: the generated stub does not type-check: TS\d+/,
    ] as const,
    [
      // The error is the solution's own, in code every variant keeps: it is named there, not in the stub.
      'a solution that does not type-check itself',
      (t: string) =>
        t.replace(
          '    this.parameters.grad = null;',
          "    this.parameters.grad = null;\n    const wrong: number = 'text';\n    void wrong;",
        ),
      /solutions\/optimizers\/sgd\.ts:\d+:\d+: does not type-check: TS2322 .*\n\s+fix: fix the solution first/,
    ] as const,
  ])('%s: npm run stubs exits 2 naming file and line, and writes nothing', (_, change, message) => {
    const solution = readFileSync(path('solutions/optimizers/sgd.ts'), 'utf8');
    expect(change(solution)).not.toBe(solution); // the edit applies to the committed solution
    edit('solutions/optimizers/sgd.ts', change);
    const before = snapshot(path('exercises'));
    const result = runKitScript(sandbox.root, 'scripts/stubs.ts');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(snapshot(path('exercises'))).toEqual(before);
  });

  test('--snippets never writes the solutions over code, into exercises/, or over a learner file; nothing is written', () => {
    const before = snapshot(sandbox.root);
    for (const [file, says] of [
      ['exercises/optimizers/snippets.json', 'it is inside exercises/, which never holds solution code'],
      ['solutions/optimizers/sgd.ts', 'it is a learner file (the code you write), which the snippets would replace'],
      ['courses/optimizers/info.toml', 'it is a .toml file, which the snippets would replace'],
    ] as const) {
      const run = runKitScript(sandbox.root, 'scripts/stubs.ts', ['--snippets', file]);
      expect(run.status, file).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(
        `error: --snippets ${file}: ${says}${says.startsWith('it is inside') ? '' : '. Name a file of its own, e.g. snippets.json'}`,
      );
    }
    expect(snapshot(sandbox.root)).toEqual(before);
  });

  test('--variant hard --out DIR writes that variant anywhere on disk; --variant solution and --snippets give the instructor clean code', () => {
    const out = mkdtempSync(join(tmpdir(), 'variant-'));
    try {
      const hard = runKitScript(sandbox.root, 'scripts/stubs.ts', ['--variant', 'hard', '--out', join(out, 'hard')]);
      expect(hard.status).toBe(0);
      const hardSgd = readFileSync(join(out, 'hard', 'optimizers', 'sgd.ts'), 'utf8');
      expect(hardSgd).not.toContain('gradientOf(this.parameters)');
      expect(readFileSync(path('exercises/optimizers/sgd.ts'), 'utf8')).toContain('gradientOf(this.parameters)');
      const solution = runKitScript(sandbox.root, 'scripts/stubs.ts', [
        '--variant',
        'solution',
        '--out',
        join(out, 'solution'),
        '--snippets',
        join(out, 'snippets.json'),
      ]);
      expect(solution.status).toBe(0);
      const clean = readFileSync(join(out, 'solution', 'optimizers', 'momentum.ts'), 'utf8');
      expect(clean).toContain('a[i] = mu * a[i] + (1 - mu) * g[i];');
      expect(clean).not.toMatch(/Hide:|TODO/);
      const snippets = JSON.parse(readFileSync(join(out, 'snippets.json'), 'utf8')) as Array<{
        course: string;
        exercise: string;
        code: string;
      }>;
      // One per learner file of every exercise, in the manifests' order, named by course and id.
      expect(snippets.map((s) => `${s.course}/${s.exercise}`)).toEqual(
        loadCourses(KIT_ROOT).flatMap((c) => c.exercises.flatMap((e) => e.files.map(() => qualifiedId(e)))),
      );
      expect(snippets.find((s) => s.course === 'optimizers' && s.exercise === 'momentum')?.code).toBe(clean);
      expect(
        runKitScript(sandbox.root, 'scripts/stubs.ts', ['--variant', 'hrad', '--out', join(out, 'x')]).stderr,
      ).toMatch(/no variant hrad/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a stub whose solution was removed is reported by --check and removed by the next generation', () => {
    writeFileSync(path('solutions/optimizers/extra.ts'), 'export const extra = 1;\n');
    expect(runKitScript(sandbox.root, 'scripts/stubs.ts').status).toBe(0);
    expect(existsSync(path('exercises/optimizers/extra.ts'))).toBe(true);
    rmSync(path('solutions/optimizers/extra.ts'));
    const check = runKitScript(sandbox.root, 'scripts/stubs.ts', ['--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('exercises/optimizers/extra.ts (no longer generated)');
    expect(runKitScript(sandbox.root, 'scripts/stubs.ts').stdout).toContain('1 removed');
    expect(existsSync(path('exercises/optimizers/extra.ts'))).toBe(false);
  });

  test('--watch regenerates a stub when its solution is saved', async () => {
    const watcher = spawn(process.execPath, [LAUNCH, 'scripts/stubs.ts', '--watch'], {
      cwd: sandbox.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    watcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = async (ok: () => boolean, what: string) => {
      for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!ok()) throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    };
    try {
      await waitFor(() => output.includes('stubs:'), 'the first generation');
      edit('solutions/optimizers/sgd.ts', (t) =>
        t.replace('readonly learningRate: number; // α', 'readonly learningRate: number; // α (watched)'),
      );
      await waitFor(
        () => readFileSync(path('exercises/optimizers/sgd.ts'), 'utf8').includes('(watched)'),
        'the regenerated stub',
      );
    } finally {
      watcher.kill();
    }
  });
});
