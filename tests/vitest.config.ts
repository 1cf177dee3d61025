// The kit's own tests (`npm test`): the stripper, the grader on solutions and stubs, the CLI, the site.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { HeavyFirstSequencer } from './heavy-first-sequencer.js';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // The run's own temporary folder first (the shared builds go in it too), then the folder of builds that several
    // files share (the Chromium tests' sites), each made once per run.
    globalSetup: ['tests/run-temporary-folder-setup.ts', 'tests/shared-builds-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One worker process runs many test files in turn instead of a fresh one each: about 0.2 CPU-seconds less per
    // file. A file that changes process-wide state (process.env, the working directory) restores it.
    isolate: false,
    // Most of a file's time is spent waiting on the processes it starts (the grader, its sandboxes, builds,
    // Chromium), so one more file than there are cores keeps both cores busy. Set here because vitest's default
    // ran one file at a time on this 2-core machine.
    maxWorkers: 3,
    sequence: { sequencer: HeavyFirstSequencer },
  },
});
