// A submission's learner files as exercises/ lays them out (<course>/<file>), wherever its layout put them
// (upload-layout.ts): in course folders, or by themselves. A class's submissions and a Gradescope upload are read
// through it alike, so that the same files give the same grades whichever way they came in.
import { subtree, type FileLookup, type SubmissionTree } from './submission-tree.js';
import type { UploadLayout } from './upload-layout.js';

export interface LearnerView {
  /** Reads a learner file by its path in exercises/; undefined where the submission has none. */
  read(path: string): FileLookup;
  /** The submission's grader/ folder, when it is a whole kit (its learner files are in an exercises/ folder). */
  kitSide: SubmissionTree | undefined;
  /** The learner file (<course>/<file>) an entry of the submission stands for, to name a refused one in its verdict. */
  learnerPathOf(path: string): string | undefined;
}

export function learnerView(tree: SubmissionTree, layout: UploadLayout): LearnerView {
  const { sources, root } = layout;
  const learnerPaths = new Map([...sources].map(([learner, at]) => [at, learner]));
  const isKit = layout.kind === 'course-folders' && (root === 'exercises' || root.endsWith('/exercises'));
  return {
    read: (path) => {
      const at = sources.get(path);
      return at === undefined ? undefined : tree.read(at);
    },
    kitSide: isKit ? subtree(tree, `${root.slice(0, -'exercises'.length)}grader`) : undefined,
    learnerPathOf: (path) => learnerPaths.get(path),
  };
}
