// The platforms workflow runs the very smoke test that CI runs on Linux, on every system and Node.js line the
// README supports; GitHub runs it, this test keeps it from drifting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { KIT_ROOT } from './kit-sandbox.js';

const read = (path: string) => readFileSync(join(KIT_ROOT, path), 'utf8');

test('the workflow runs npm run smoke on Linux, macOS and Windows with Node.js 20, 22 and 24', () => {
  const workflow = read('.github/workflows/platforms.yml');
  expect(workflow).toMatch(/os: \[ubuntu-latest, macos-latest, windows-latest\]/);
  expect(workflow).toMatch(/node: \[20, 22, 24\]/);
  expect(workflow).toMatch(/node-version: \$\{\{ matrix\.node \}\}/);
  expect(workflow).toMatch(/- run: npm ci\n\s+- run: npm run smoke\n/);
});

test('npm run smoke is the smoke test .ci/run runs on each Node.js line', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.smoke).toBe('node scripts/launch.mjs scripts/smoke-test.ts');
  expect(read('.ci/run')).toContain('node scripts/launch.mjs scripts/smoke-test.ts');
});
