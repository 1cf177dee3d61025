// Where `npm run build` may write: Vite empties its output folder first, so `--out-dir exercises` once deleted every
// learner file. A folder holding anything but an earlier build is refused before Vite starts, with nothing changed.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { siteOutputProblem } from '../site/scripts/site-output.js';
import { changed, hashes } from './course-plugins-shared.js';
import { makeSandbox, npmRun, WITH_SITE } from './kit-sandbox.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'site-output-'));
  mkdirSync(join(work, 'kit', 'exercises'), { recursive: true });
  writeFileSync(join(work, 'kit', 'exercises', 'sum.ts'), 'export const sum = 1;\n');
  mkdirSync(join(work, 'earlier', 'assets'), { recursive: true });
  writeFileSync(join(work, 'earlier', 'index.html'), '<!doctype html>\n');
  mkdirSync(join(work, 'empty'));
  writeFileSync(join(work, 'a-file'), 'notes\n');
  symlinkSync(join(work, 'earlier'), join(work, 'a-link'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a new or empty folder, or an earlier build, may hold the site; a folder of files, the kit or a link may not', () => {
  const kit = join(work, 'kit');
  for (const ok of ['new', 'empty', 'earlier']) expect(siteOutputProblem(join(work, ok), kit), ok).toBeUndefined();
  expect(siteOutputProblem(join(kit, 'exercises'), kit)).toBe(
    'it holds files that are not a site build (sum.ts), which the build would delete first',
  );
  expect(siteOutputProblem(kit, kit)).toBe('the kit itself is in it, and the build empties it first');
  expect(siteOutputProblem(work, kit)).toBe('the kit itself is in it, and the build empties it first');
  expect(siteOutputProblem(join(work, 'a-file'), kit)).toBe('it is a file, not a folder');
  expect(siteOutputProblem(join(work, 'a-link'), kit)).toBe('it is a link, not a folder');
});

test('npm run build -- --out-dir exercises exits 2 naming the folder, and every learner file is still there; so does a mistyped command line of build or site, saying what is wrong', () => {
  const kit = makeSandbox(WITH_SITE);
  try {
    const before = hashes(kit.root);
    const run = npmRun(kit.root, 'build', ['--out-dir', 'exercises'], 60_000);
    expect(run.status, run.output).toBe(2);
    expect(run.output).toMatch(
      /error: --out-dir exercises: it holds files that are not a site build \(.*\), which the build would delete first\./,
    );
    // Each once threw parseArgs's TypeError with a stack trace, or (a port that is no number) Vite's.
    for (const [script, args, says] of [
      ['build', ['--outdir', 'elsewhere'], 'error: unknown option --outdir (did you mean --out-dir?)'],
      ['site', ['--port', 'abc'], 'error: --port abc: a port is a whole number from 1 to 65535'],
      ['site', ['--host'], 'error: unknown option --host\nusage: npm run site -- [--port N]'],
    ] as const) {
      const mistyped = npmRun(kit.root, script, [...args], 60_000);
      expect(mistyped.status, mistyped.output).toBe(2);
      expect(mistyped.output).toContain(says);
      expect(mistyped.output).not.toContain('    at ');
    }
    expect(changed(before, hashes(kit.root))).toEqual([]);
  } finally {
    kit.dispose();
  }
});
