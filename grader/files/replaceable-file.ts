// Whether a file may be replaced by what a command writes (a report, the instructor's snippets): never a learner's
// file, there or not (the grader would read what was written as their code), and never existing code.
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';

/** Files never written over: what a learner or an author writes, by extension. */
const CODE = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.py', '.md', '.toml']);

/**
 * Why `what` written to `file` would destroy work: it is one of `learnerFiles` (absolute paths, there or not:
 * the grader would then read it as the learner's code), or an existing file of code. Pure but for `exists`.
 */
export function reportFileProblem(
  file: string,
  learnerFiles: string[],
  exists: (path: string) => boolean = existsSync,
  what = 'the report',
): string | undefined {
  const learner = learnerFiles.find((path) => resolve(path) === resolve(file));
  if (learner !== undefined)
    return exists(learner)
      ? `it is a learner file (the code you write), which ${what} would replace`
      : `it is where a learner file goes, and the grader would read ${what} as its code`;
  const extension = extname(file).toLowerCase();
  if (CODE.has(extension) && exists(file)) return `it is a ${extension} file, which ${what} would replace`;
  return undefined;
}
