// scripts/launch.mjs, which every `npm run` command goes through: its compiled cache must never serve a command
// built from other sources, nor one built for another copy of the kit.
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
