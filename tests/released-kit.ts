// The student kit and Gradescope's zip, released from this repository once per test run for every test file that
// needs them (tests/shared-builds.ts): the tests read it, and a test that runs commands in a kit works on a copy.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { KIT_ROOT } from './kit-sandbox.js';
import { sharedBuild } from './shared-builds.js';

export interface Release {
  /** The release's output folder: student-kit/, student-kit.tgz and gradescope-autograder.zip. */
  out: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run release -- --gradescope --out DIR` in this repository, as an instructor runs it. */
export function releasedKit(): Promise<Release> {
  return sharedBuild(
    'release',
    (out) =>
      new Promise<Release>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [join(KIT_ROOT, 'scripts', 'launch.mjs'), 'scripts/release.ts', '--gradescope', '--out', out],
          { cwd: KIT_ROOT, timeout: 180_000 },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (status) => resolve({ out, status, stdout, stderr }));
      }),
  );
}
