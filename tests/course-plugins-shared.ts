// What the plug-in tests compare: every file of a copy of the kit by its hash, and which of them a course owns.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { filesBelow } from '../grader/files/files-below.js';
import type { NpmRun } from './kit-sandbox.js';

/** Every file of the copy (outside node_modules, .git and build output) with a hash of its bytes. */
export function hashes(root: string): Map<string, string> {
  const files = new Map<string, string>();
  // Never through the copy's link to the repository's node_modules, which readdir would walk on Node.js 22 and later,
  // nor into git's own folder (thousands of objects, none of them a file of the kit).
  for (const file of filesBelow(root, { skip: (name) => name === '.git' })) {
    const path = relative(root, file);
    if (/^(node_modules|\.git|release|site\/dist)/.test(path) || path.includes('/dist/')) continue;
    files.set(
      path,
      createHash('sha256')
        .update(readFileSync(join(root, path)))
        .digest('hex'),
    );
  }
  return files;
}

/** Paths added, removed or changed between two snapshots. */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

export const ownedBy = (course: string) => (path: string) =>
  ['courses', 'solutions', 'exercises', 'grader'].some((top) => path.startsWith(`${top}/${course}/`)) ||
  path === 'exercises/.stubs-manifest.json';

export const expectSuccess = (run: NpmRun, what: string) => expect(run.status, `${what}:\n${run.output}`).toBe(0);
