// The release's last step: its outputs replace those of the last release whole, from a work folder that may be on
// another file system (/tmp is often a tmpfs, and a rename cannot cross file systems), and a failure on the way leaves
// the last release as it was.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { replaceOutputs } from '../scripts/release/replace-outputs.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'release-out-'));
  // The last release: a kit with a file the new one no longer has, and its archive.
  mkdirSync(join(out, 'student-kit', 'exercises'), { recursive: true });
  writeFileSync(join(out, 'student-kit', 'exercises', 'removed-since.ts'), 'old\n');
  writeFileSync(join(out, 'student-kit.tgz'), 'old archive');
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** A new release's outputs, made under `parent`. */
function newOutputs(parent: string): { kit: string; archive: string } {
  const work = mkdtempSync(join(parent, 'release-work-'));
  mkdirSync(join(work, 'student-kit', 'exercises'), { recursive: true });
  writeFileSync(join(work, 'student-kit', 'exercises', 'sgd.ts'), 'new\n');
  writeFileSync(join(work, 'student-kit.tgz'), 'new archive');
  return { kit: join(work, 'student-kit'), archive: join(work, 'student-kit.tgz') };
}

const release = (made: { kit: string; archive: string }) =>
  replaceOutputs(out, [
    { from: made.kit, name: 'student-kit' },
    { from: made.archive, name: 'student-kit.tgz' },
  ]);

test('each output replaces the last one whole, and nothing else is left in the output folder', () => {
  const made = newOutputs(tmpdir());
  try {
    release(made);
    expect(readdirSync(join(out, 'student-kit', 'exercises'))).toEqual(['sgd.ts']);
    expect(readFileSync(join(out, 'student-kit.tgz'), 'utf8')).toBe('new archive');
    expect(readdirSync(out).sort()).toEqual(['student-kit', 'student-kit.tgz']);
  } finally {
    rmSync(join(made.kit, '..'), { recursive: true, force: true });
  }
});

// Debian 13 and Fedora keep /tmp in memory: there the work folder and the kit's release/ folder are on two file systems.
const otherFileSystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;

test.skipIf(!otherFileSystem)('the outputs may come from another file system (/dev/shm here)', () => {
  const made = newOutputs('/dev/shm');
  try {
    release(made);
    expect(readdirSync(join(out, 'student-kit', 'exercises'))).toEqual(['sgd.ts']);
    expect(readFileSync(join(out, 'student-kit.tgz'), 'utf8')).toBe('new archive');
  } finally {
    rmSync(join(made.kit, '..'), { recursive: true, force: true });
  }
});

test('an output that cannot be copied leaves the last release as it was', () => {
  const made = newOutputs(tmpdir());
  try {
    rmSync(made.archive);
    expect(() => release(made)).toThrow(/student-kit\.tgz/);
    expect(readdirSync(join(out, 'student-kit', 'exercises'))).toEqual(['removed-since.ts']);
    expect(readFileSync(join(out, 'student-kit.tgz'), 'utf8')).toBe('old archive');
    expect(readdirSync(out).sort()).toEqual(['student-kit', 'student-kit.tgz']);
  } finally {
    rmSync(join(made.kit, '..'), { recursive: true, force: true });
  }
});
