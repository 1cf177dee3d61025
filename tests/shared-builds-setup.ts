// vitest's globalSetup: makes the folder where tests/shared-builds.ts keeps a test run's shared builds, hands its path
// to every test file, and removes it, every build in it included, when the run is over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's folder of shared builds. */
    sharedBuildsDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  let folder = '';
  const fresh = (): void => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = mkdtempSync(join(tmpdir(), 'kit-test-builds-'));
    project.provide('sharedBuildsDir', folder);
  };
  fresh();
  // In watch mode a rerun follows edits to the sources: the last run's builds no longer show them.
  project.onTestsRerun(fresh);
  return () => rmSync(folder, { recursive: true, force: true });
}
