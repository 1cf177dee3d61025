// The bundler process's side (started and bounded by bundler-process.ts): one JSON request per line on stdin, one
// build at a time, one JSON answer per line on stdout. It ends when its parent goes away (stdin ends), and it ends
// at once when esbuild's service dies, so that the parent blames the build that was running and starts afresh.
import { createRequire } from 'node:module';
import { confinedBuild, type ConfinedBuildRequest } from './confined-build.js';

/** Any death fails the build in progress; this code only says, to whoever reads the exit status, why. */
const ESBUILD_FAILED_EXIT = 70;

// esbuild's own package, by absolute path (this file runs bundled from the temporary folder).
const esbuild = createRequire(import.meta.url)(process.argv[2]!) as typeof import('esbuild');

const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

let pending = '';
let work = Promise.resolve();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
    const request = JSON.parse(pending.slice(0, newline)) as ConfinedBuildRequest;
    pending = pending.slice(newline + 1);
    work = work.then(async () => {
      try {
        answer(await confinedBuild(esbuild.build, request));
      } catch (error) {
        process.stderr.write(`esbuild failed: ${String(error)}\n`);
        process.exit(ESBUILD_FAILED_EXIT);
      }
    });
  }
});
// The parent is gone (it may have been killed): stop esbuild's service too, even mid-build, rather than leave it spinning.
process.stdin.on('end', () => void esbuild.stop().finally(() => process.exit(0)));
answer({ ready: true });
