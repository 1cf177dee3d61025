// One sandboxed session, as the grader runs it, for tests/sandbox-starved.test.ts to start on a CPU it keeps busy:
// calls `exportName` of the learner file `file` in `folder` under a limit of `limitMs`, and prints how it ended.
// Prints `ready` once the sandbox has booted and the file is bundled, and starts the session at the first line read
// from stdin: the test makes the CPU busy for the session alone, not for the start of this process.
// usage: node scripts/launch.mjs tests/starved-session.ts <folder> <file> <exportName> <limitMs>
import { once } from 'node:events';
import { bundleLearner } from '../grader/sandbox/bundle-learner.js';
import { compiledDrivers } from '../grader/sandbox/compiled-script.js';
import { openSandbox } from '../grader/sandbox/run-sandboxed.js';

const [folder, file, exportName, limitMs] = process.argv.slice(2) as [string, string, string, string];
const sandbox = await openSandbox();
await sandbox.booted;
const request = {
  modules: { [file]: await bundleLearner(folder, file, 'submission') },
  // A course id with no drivers of its own: the built-in ones only.
  drivers: await compiledDrivers('no-such-course'),
  jobs: [{ name: 'call', driver: 'call' as const, input: { module: file, exportName } }],
};
console.log('ready');
await once(process.stdin, 'data');
process.stdin.pause();
const started = performance.now();
const outcome = await sandbox.run(request, Number(limitMs));
const wallMs = performance.now() - started;
await sandbox.dispose();
const { timedOut, ended, countedMs } = outcome;
console.log(JSON.stringify({ timedOut, ended, countedMs, wallMs, done: outcome.results.has('call') }));
