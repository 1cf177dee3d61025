// vitest's globalSetup: the test run gets a temporary folder of its own (TMPDIR, for vitest's workers and every
// command a test starts), removed when the run is over, so that whatever a test or a killed command leaves there
// (a sandbox's folder, a command's scratch copy) goes with it instead of piling up in the system's.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'kit-test-run-'));
  // Sandboxes run as a user of their own: they must be able to reach their folders inside this one.
  chmodSync(folder, 0o711);
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
