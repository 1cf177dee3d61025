// Turns a learner's TypeScript file (and the files it imports from its own folder) into one JavaScript module
// for the sandbox. Only the exercise folder's own files are read (see confined-build.ts), and bundling runs in a
// bounded process of its own (see bundler-process.ts), so a file cannot read the machine or bring the grader down.
import { bundleConfined } from './bundler-process.js';

export class LearnerBuildError extends Error {
  override name = 'LearnerBuildError';
}

/**
 * The bundled module's source, with an inline source map so that stack traces name the learner's lines (file.ts:12).
 * `folder` is the exercise folder (e.g. the staged <course>/), `file` the entry relative to it, and `shownAs` how
 * messages name the folder (e.g. exercises/<course>).
 */
export async function bundleLearner(folder: string, file: string, shownAs: string): Promise<string> {
  const result = await bundleConfined({ folder, file, shownAs });
  if ('problem' in result) throw new LearnerBuildError(result.problem);
  return result.code;
}
