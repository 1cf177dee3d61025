// The compiled caches that make commands start fast: scripts/launch.mjs's (every `npm run` command), vitest's for
// the suites (grader/cli/transform-cache.ts) and the sandbox's scripts (grader/sandbox/compiled-script.ts). None
// may serve code built from other sources, nor, for launch.mjs, code built for another copy of the kit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeSandbox, runKitScript } from './kit-sandbox.js';

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
  // The first copy's compiled reset now exists; the second must not reuse it (it would reset the first's file).
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
