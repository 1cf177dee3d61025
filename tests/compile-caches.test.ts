// The compiled caches that make commands start fast: scripts/launch.mjs's (every `npm run` command), vitest's for
// the suites (grader/cli/transform-cache.ts) and the sandbox's scripts (grader/sandbox/compiled-script.ts). None
// may serve code built from other sources; launch.mjs's serves one compiled command to every copy of the kit with
// the same sources, each acting on its own files and naming its own files in errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LAUNCH, makeSandbox, runKitScript } from './kit-sandbox.js';

let edited: ReturnType<typeof makeSandbox>;
let first: ReturnType<typeof makeSandbox>;
let second: ReturnType<typeof makeSandbox>;
beforeAll(() => {
  [edited, first, second] = [makeSandbox(), makeSandbox(), makeSandbox()];
});
afterAll(() => {
  for (const kit of [edited, first, second]) kit.dispose();
});

const LEARNER_FILE = join('exercises', 'optimizers', 'sgd.ts');

test('a changed kit module is what the next run executes, and an unchanged one still runs as before', () => {
  const usage = runKitScript(edited.root, 'scripts/reset.ts');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('usage: npm run reset');
  const module = join(edited.root, 'grader', 'course', 'find-exercise.ts');
  // An imported module, not the entry, changes: the cache must look at every source the command came from.
  writeFileSync(module, `${readFileSync(module, 'utf8')}\nconsole.error('edited by the maintainer');\n`);
  const after = runKitScript(edited.root, 'scripts/reset.ts');
  expect(after.stderr).toContain('edited by the maintainer');
  expect(after.stderr).toContain('usage: npm run reset');
  expect(runKitScript(edited.root, 'scripts/reset.ts').stderr).toContain('edited by the maintainer');
});

test('two copies of the kit with byte-identical sources each act on their own files', () => {
  for (const kit of [first, second]) writeFileSync(join(kit.root, LEARNER_FILE), '// my own work\n');
  const starting = readFileSync(join(second.root, 'solutions', 'optimizers', 'sgd.ts'), 'utf8');
  // The first copy's compiled reset now exists; the second runs that same compiled file, which must find the kit's
  // files from the copy it runs in (else it would reset the first's file).
  expect(runKitScript(first.root, 'scripts/reset.ts', ['sgd']).status).toBe(0);
  writeFileSync(join(first.root, LEARNER_FILE), '// my own work\n');
  const reset = runKitScript(second.root, 'scripts/reset.ts', ['sgd']);
  expect(reset.status, reset.stderr).toBe(0);
  expect(readFileSync(join(first.root, LEARNER_FILE), 'utf8')).toBe('// my own work\n');
  const restored = readFileSync(join(second.root, LEARNER_FILE), 'utf8');
  expect(restored).not.toBe('// my own work\n');
  expect(restored).toContain('export class SGD');
  expect(starting).toContain('export class SGD');
});

/**
 * `npm run reset` in `root` with esbuild unable to run (its binary replaced by a file that is not one), so that
 * only a command compiled before can start: neither the launcher nor tsx can compile anything.
 */
const resetWithNoCompiler = (root: string) =>
  spawnSync(process.execPath, [LAUNCH, 'scripts/reset.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', ESBUILD_BINARY_PATH: join(root, 'package.json') },
  });

test('a copy with byte-identical sources runs the command compiled in another, not compiling; a copy with one source changed does not', () => {
  const [alike, twin, changed] = [makeSandbox(), makeSandbox(), makeSandbox()];
  try {
    const module = join('grader', 'course', 'find-exercise.ts');
    const append = (root: string, line: string) => {
      writeFileSync(join(root, module), `${readFileSync(join(root, module), 'utf8')}\n${line}\n`);
      return readFileSync(join(root, module), 'utf8').split('\n').indexOf(line) + 1;
    };
    // Sources no other copy has: the first copy compiles them, and its error names its own file and line.
    const line = append(alike.root, "throw new Error('thrown in two copies');");
    append(twin.root, "throw new Error('thrown in two copies');");
    append(changed.root, "throw new Error('thrown in one copy');");
    const compiled = runKitScript(alike.root, 'scripts/reset.ts');
    expect(compiled.stderr).toContain('thrown in two copies');
    expect(compiled.stderr).toContain(`${join(alike.root, module)}:${line}:`);

    const reused = resetWithNoCompiler(twin.root);
    expect(reused.stderr).toContain('thrown in two copies');
    // The compiled file is shared, the source map is not: errors name the TypeScript lines of the copy being run.
    expect(reused.stderr).toContain(`${join(twin.root, module)}:${line}:`);
    expect(reused.stderr).not.toContain(alike.root);

    const notReused = resetWithNoCompiler(changed.root);
    expect(notReused.status).not.toBe(0);
    expect(notReused.stderr).not.toContain('thrown in');
    expect(runKitScript(changed.root, 'scripts/reset.ts').stderr).toContain('thrown in one copy');

    // The copy that compiled is gone, and a command started in a new copy forgets it; the twin's command stays.
    alike.dispose();
    changed.dispose();
    const another = makeSandbox();
    try {
      expect(runKitScript(another.root, 'scripts/reset.ts').status).toBe(2);
    } finally {
      another.dispose();
    }
    expect(resetWithNoCompiler(twin.root).stderr).toContain(`${join(twin.root, module)}:${line}:`);
  } finally {
    for (const kit of [alike, twin, changed]) kit.dispose();
  }
});

test('a suite edited between two grading runs is what the second run grades with', () => {
  const grade = () => {
    const run = runKitScript(edited.root, 'grader/cli/grade.ts', ['--target', 'solutions', '--format', 'json', 'sgd']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { exercises: Array<{ tests: Array<{ name: string }> }> };
    return report.exercises[0]!.tests.map((t) => t.name);
  };
  expect(grade()).not.toContain('a check the instructor just added');
  const suite = join(edited.root, 'grader', 'optimizers', 'sgd.test.ts');
  writeFileSync(
    suite,
    `${readFileSync(suite, 'utf8')}\nimport { test as added } from 'vitest';\nadded('a check the instructor just added', () => {});\n`,
  );
  expect(grade()).toContain('a check the instructor just added');
});

test("an edited source of the sandbox's runner is what the next grading run's sandbox runs", () => {
  const grade = () => runKitScript(edited.root, 'grader/cli/grade.ts', ['--target', 'solutions', 'sgd']);
  expect(grade().status).toBe(0);
  // Not the runner's entry but a module it imports: the cache must look at every source it came from.
  const guards = join(edited.root, 'grader', 'sandbox', 'runner-guards.ts');
  const original = readFileSync(guards, 'utf8');
  writeFileSync(guards, `${original}\nthrow new Error('runner edited by the maintainer');\n`);
  const broken = grade();
  expect(broken.status).toBe(2);
  expect(broken.stderr).toContain('runner edited by the maintainer');
  writeFileSync(guards, original);
  expect(grade().status).toBe(0);
});

// Node.js 22 and later: the launcher hands its compile cache to the threads and processes a command starts.
test.skipIf(!('enableCompileCache' in module))(
  "Node.js's compile cache is one folder, which the grader's threads share: none nests a cache of its own",
  () => {
    const cache = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    try {
      const graded = spawnSync(process.execPath, [LAUNCH, 'grader/cli/grade.ts', 'sgd', '--target', 'solutions'], {
        cwd: first.root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: cache },
      });
      expect(graded.status, graded.stderr).toBe(0);
      // One folder per Node.js version, holding compiled code only.
      const versions = readdirSync(cache);
      expect(versions).toEqual([expect.stringMatching(new RegExp(`^${process.version}-`))]);
      expect(readdirSync(join(cache, versions[0]!), { withFileTypes: true }).filter((e) => e.isDirectory())).toEqual(
        [],
      );
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  },
);
