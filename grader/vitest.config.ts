// Vitest settings for grading. Learner code never runs in these workers (it runs in sandboxed child
// processes), so the suites can share workers and the grader's modules stay loaded between them.
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';
import { TIME_LIMIT_SECONDS } from './harness/limits.js';

// A plain object (no defineConfig): the grader reads these settings before it loads vitest, and so may start
// vitest's threads while vitest loads.
export default {
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['grader/**/*.test.ts'],
    pool: 'threads',
    isolate: false,
    fileParallelism: true,
    // The sandbox stops learner code after TIME_LIMIT_SECONDS of its own time, at most three times that by the
    // clock on a busy machine over a test's two sandbox runs (grader/sandbox/cpu-wait.ts).
    testTimeout: 3.5 * TIME_LIMIT_SECONDS * 1000,
    hookTimeout: 3.5 * TIME_LIMIT_SECONDS * 1000,
    teardownTimeout: 1_000,
    silent: true,
  },
} satisfies ViteUserConfig;
