// Where a site build may go. Vite empties its output folder before it writes, so that folder must be the site's own:
// new, empty, or an earlier build (index.html beside assets/); never one holding the learner's exercises or the kit.
import { lstatSync } from 'node:fs';
import { foreignContents } from '../../grader/files/output-path.js';
import { pathBelow } from '../../grader/files/path-below.js';

export class SiteOutputError extends Error {
  override name = 'SiteOutputError';
}

/** Why building into `outDir` (absolute) would destroy files, with the kit at `kitRoot`; undefined when it would not. */
export function siteOutputProblem(outDir: string, kitRoot: string): string | undefined {
  if (pathBelow(outDir, kitRoot) !== undefined) return 'the kit itself is in it, and the build empties it first';
  const stats = lstatSync(outDir, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!stats.isDirectory()) return `it is a ${stats.isSymbolicLink() ? 'link' : 'file'}, not a folder`;
  const shown = foreignContents(outDir, (held) => held.includes('index.html') && held.includes('assets'));
  return shown && `it holds files that are not a site build (${shown}), which the build would delete first`;
}

/** `outDir`, unless building there would destroy files (see siteOutputProblem); `shownAs` as the user named it. */
export function siteOutput(outDir: string, kitRoot: string, shownAs: string): string {
  const problem = siteOutputProblem(outDir, kitRoot);
  if (problem)
    throw new SiteOutputError(
      `--out-dir ${shownAs}: ${problem}. Name a new or empty folder, or one an earlier build made.`,
    );
  return outDir;
}
