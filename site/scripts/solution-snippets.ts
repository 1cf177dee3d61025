// The instructor build's solutions: each exercise's files in the solution variant, as `npm run stubs -- --snippets`
// writes them. The stubs command runs in a process of its own, so the site's build never loads the stub generator.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTemporaryFolder, removeFolder } from '../../grader/files/temporary-folders.js';

export interface SolutionSnippet {
  exercise: string;
  /** solutions/<course>/<file>, relative to the kit's root. */
  file: string;
  code: string;
}

const isSnippet = (value: unknown): value is SolutionSnippet =>
  typeof value === 'object' &&
  value !== null &&
  ['exercise', 'file', 'code'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

export function solutionSnippets(root: string): SolutionSnippet[] {
  const work = makeTemporaryFolder('site-solutions-');
  try {
    const snippets = join(work, 'snippets.json');
    // The solution variant goes to a scratch folder: the command would otherwise write exercises/.
    const args = ['scripts/launch.mjs', 'scripts/stubs.ts', '--variant', 'solution', '--out', join(work, 'out')];
    try {
      execFileSync(process.execPath, [...args, '--snippets', snippets], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
      throw new Error(
        `the instructor build needs the solutions, and \`npm run stubs\` could not give them:\n${stderr}`,
        { cause: error },
      );
    }
    const parsed: unknown = JSON.parse(readFileSync(snippets, 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every(isSnippet))
      throw new Error(`npm run stubs -- --snippets wrote something other than a list of { exercise, file, code }`);
    return parsed;
  } finally {
    removeFolder(work);
  }
}
