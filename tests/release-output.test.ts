// Where a release may write: never among the repository's own files, and never over an output that is not as the
// last release left it (a folder of notes named student-kit, a kit unpacked and worked in), unless told to.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recordOutputs, releaseOutputProblem } from '../scripts/release/release-output.js';

const OUTPUTS = ['student-kit', 'student-kit.tgz'];
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'release-output-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** `files` (path → text) written below `dir`. */
function lay(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A release's outputs in `out`, recorded as a release records them. */
function released(out: string): void {
  lay(join(out, 'student-kit'), {
    'README.md': 'kit\n',
    'exercises/a/one.ts': 'stub\n',
    'exercises/a/two.ts': 'stub\n',
  });
  writeFileSync(join(out, 'student-kit.tgz'), 'archive');
  recordOutputs(out, OUTPUTS);
}

describe('outside any repository', () => {
  const problem = (force = false) => releaseOutputProblem(join(work, 'repo'), join(work, 'out'), OUTPUTS, force);

  test('an empty or missing folder, or what the last release left as it left it, may be written', () => {
    expect(problem()).toBeUndefined();
    released(join(work, 'out'));
    expect(problem()).toBeUndefined();
  });

  test('a student-kit/ no release made is refused, named, with what to do', () => {
    lay(join(work, 'out', 'student-kit'), { 'notes.txt': 'an instructor’s notes\n' });
    expect(problem()).toBe(
      'student-kit/ was not made by a release, and the release replaces it whole. Move it elsewhere, or add --force to replace it',
    );
    expect(problem(true)).toBeUndefined();
  });

  test('a kit worked in since: each change named, a folder added said once, the rest counted', () => {
    const out = join(work, 'out');
    released(out);
    lay(join(out, 'student-kit'), {
      'exercises/a/one.ts': 'my answer\n',
      'node_modules/x/index.js': '',
      '.grade/hints.json': '{}',
    });
    rmSync(join(out, 'student-kit', 'README.md'));
    expect(problem()).toBe(
      'student-kit/ is not as the last release left it (.grade/ added, README.md removed, exercises/a/one.ts changed, 1 more), ' +
        'and the release replaces it whole. Move it elsewhere, or add --force to replace it',
    );
    writeFileSync(join(out, 'student-kit', 'exercises', 'a', 'three.ts'), '');
    rmSync(join(out, 'student-kit', '.grade'), { recursive: true });
    rmSync(join(out, 'student-kit', 'node_modules'), { recursive: true });
    writeFileSync(join(out, 'student-kit', 'README.md'), 'kit\n');
    writeFileSync(join(out, 'student-kit', 'exercises', 'a', 'one.ts'), 'stub\n');
    // A new file in a folder the release wrote to is named itself, not its folder.
    expect(problem()).toMatch(/^student-kit\/ is not as the last release left it \(exercises\/a\/three\.ts added\)/);
  });

  test('an archive changed since, or one the record does not know, is refused too', () => {
    const out = join(work, 'out');
    released(out);
    writeFileSync(join(out, 'student-kit.tgz'), 'another archive');
    expect(problem()).toMatch(/^student-kit\.tgz is not as the last release left it \(it changed\)/);
    writeFileSync(join(out, 'student-kit.tgz'), 'archive');
    expect(problem()).toBeUndefined();
    writeFileSync(join(out, 'gradescope-autograder.zip'), 'a zip of someone else');
    expect(releaseOutputProblem(join(work, 'repo'), out, [...OUTPUTS, 'gradescope-autograder.zip'], false)).toMatch(
      /^gradescope-autograder\.zip was not made by a release/,
    );
    // Without --gradescope the release leaves the zip alone, so it is no concern of this release.
    expect(problem()).toBeUndefined();
  });
});

describe('inside a git repository', () => {
  const repo = () => join(work, 'repo');
  beforeEach(() => {
    lay(repo(), { '.gitignore': '/release/\n', 'site/page.ts': '' });
    execFileSync('git', ['init', '--quiet'], { cwd: repo() });
  });

  test('a folder .gitignore leaves out may be written; one among the files the release takes may not', () => {
    expect(releaseOutputProblem(repo(), join(repo(), 'release'), OUTPUTS, false)).toBeUndefined();
    for (const out of [repo(), join(repo(), 'site'), join(repo(), 'exercises', 'kit')])
      expect(releaseOutputProblem(repo(), out, OUTPUTS, true), out).toBe(
        'it is among the files of this repository that the release takes into the kit, so the next kit would hold ' +
          'this one. Name a folder outside the repository, or one .gitignore leaves out (as the default, release/)',
      );
  });
});
