// The Node.js versions the kit runs on, checked by the launcher before a command loads anything
// (scripts/node-version.mjs): below them a student is told which version they have and what to install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ENGINES, unsupportedNode } from '../scripts/node-version.mjs';
import { KIT_ROOT } from './kit-sandbox.js';

test('the check follows package.json\'s "engines", which npm only warns about', () => {
  const manifest = JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  expect(manifest.engines.node).toBe(ENGINES);
  for (const version of ['20.19.0', '20.20.2', '22.12.0', '22.21.1', '24.0.0', '25.2.1'])
    expect(unsupportedNode(version), version).toBeUndefined();
  // Debian 12's and Ubuntu 24.04's own Node.js 18, the last 20 and 22 before the kit's, an odd release between.
  for (const version of ['18.19.0', '20.18.3', '21.7.3', '22.11.0', '23.11.1', '16.20.2']) {
    const problem = unsupportedNode(version);
    expect(problem, version).toContain(
      `This kit needs Node.js 20.19 or later (20.19+, 22.12+ or 24+); this is Node.js ${version}.`,
    );
    expect(problem).toContain('https://nodejs.org');
  }
});

// The commands as package.json starts them (each through the launcher), on a Node.js that reports itself as Debian
// 12's: nothing else of this Node.js is changed.
const older =
  'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"18.19.0"}})';
test.each([
  ['npm run grade', [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'grader/cli/grade.ts']],
  // Were the check to let it through, the site would go to a folder of its own, not the repository's site/dist.
  [
    'npm run build',
    [
      join(KIT_ROOT, 'scripts', 'launch.mjs'),
      'site/scripts/build.ts',
      '--out-dir',
      join(tmpdir(), `never-${process.pid}`),
    ],
  ],
])('%s on an older Node.js says which it is and what to install, and does nothing else', (_, args) => {
  const run = spawnSync(process.execPath, ['--import', older, ...args], {
    cwd: KIT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${unsupportedNode('18.19.0')}\n`);
});
