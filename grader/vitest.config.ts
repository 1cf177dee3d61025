// Vitest settings for grading: one isolated worker thread per exercise suite, so a learner's file that hangs,
// crashes or patches globals affects only its own exercise (threads start faster than processes).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['grader/**/*.test.ts'],
    pool: 'threads',
    isolate: true,
    fileParallelism: true,
    testTimeout: 10_000,
    hookTimeout: 10_000,
    teardownTimeout: 1_000,
    // The learner's console output belongs in the scorecard's messages, not mixed into it.
    silent: true,
  },
});
