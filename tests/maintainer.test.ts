// The maintainer's commands as a maintainer meets them, in a copy of the kit: `npm run new` scaffolds an
// exercise that the grader and the gate then know with no list in code touched, and `npm run reset` restores a
// learner's file while keeping theirs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeSandbox, runKitScript } from './kit-sandbox.js';

let sandbox: ReturnType<typeof makeSandbox>;
beforeAll(() => {
  sandbox = makeSandbox();
});
afterAll(() => sandbox.dispose());

const run = (script: string, args: string[]) => runKitScript(sandbox.root, script, args, 120_000);

test('npm run new -- optimizers/line-search scaffolds an exercise the grader and the gate know at once', () => {
  const created = run('scripts/new-exercise.ts', ['optimizers/line-search']);
  expect(created.status, created.stderr).toBe(0);
  for (const file of [
    'solutions/optimizers/line-search.ts',
    'grader/optimizers/line-search.test.ts',
    'courses/optimizers/line-search.md',
    'exercises/optimizers/line-search.ts',
  ]) {
    expect(existsSync(join(sandbox.root, file)), file).toBe(true);
  }
  expect(readFileSync(join(sandbox.root, 'courses/optimizers/info.toml'), 'utf8')).toMatch(
    /\[\[exercises\]\]\nid = "line-search"/,
  );
  expect(readFileSync(join(sandbox.root, 'exercises/optimizers/line-search.ts'), 'utf8')).toContain(
    "throw new Error('not implemented yet: write lineSearch()');",
  );

  const solved = run('grader/cli/grade.ts', ['line-search', '--target', 'solutions', '--format', 'json']);
  expect(solved.status, solved.stdout + solved.stderr).toBe(0);
  const stub = run('grader/cli/grade.ts', ['line-search', '--format', 'json']);
  expect(stub.status).toBe(1);
  expect(stub.stdout).toContain('not implemented yet: write lineSearch()');
  expect(run('scripts/new-exercise.ts', ['optimizers/line-search']).status).toBe(2); // never twice

  const gate = run('scripts/check.ts', []);
  expect(gate.stdout).toContain('✓ every solution passes its suite (7 exercises)');
  expect(gate.status, gate.stdout).toBe(0);
});

test('npm run reset sgd restores the starting file and keeps the learner’s version as a backup', () => {
  const file = join(sandbox.root, 'exercises/optimizers/sgd.ts');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n// my work in progress\n`);
  const reset = run('scripts/reset.ts', ['sgd']);
  expect(reset.status, reset.stderr).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(original);
  const backups = readdirSync(join(sandbox.root, '.grade', 'backups'));
  expect(backups).toHaveLength(1);
  expect(readFileSync(join(sandbox.root, '.grade', 'backups', backups[0]!), 'utf8')).toContain('my work in progress');
});
