// A class handed over as one archive, as teaching platforms export it (a .zip of every submission's folder or zip,
// often all inside one folder such as assignment_123_export/): unpacked into a folder of its own, within limits made
// for a whole class, and then graded as a class folder is. Each submission in it is read as any other, within the
// intake limits of one submission.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { INTAKE_LIMITS, type IntakeLimits } from '../files/intake-limits.js';
import { readFileBelow } from '../files/read-folder.js';
import { readZip } from '../files/read-zip.js';
import { RefusedSubmission, type Refusal } from '../files/refusal.js';
import { subtree, type SubmissionTree } from '../files/submission-tree.js';
import { courseFilesOf, locateLearnerFiles } from '../files/upload-layout.js';
import { makeTemporaryFolder, removeFolder } from '../files/temporary-folders.js';

/** A whole class's archive: its submissions' zips are files in it, each up to the size of one submission's archive. */
export const CLASS_ARCHIVE_LIMITS: IntakeLimits = {
  maxDepth: INTAKE_LIMITS.maxDepth + 4,
  maxEntries: 500_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxFileBytes: INTAKE_LIMITS.maxArchiveBytes,
  maxArchiveBytes: 1024 ** 3,
};

/** The class archive could not be unpacked: said as `--submissions <file>: <message>`. */
export class ClassArchiveError extends Error {
  override name = 'ClassArchiveError';
}

/** The resource forks macOS adds to the zips it makes: no one's submission. */
const macMetadata = (path: string): boolean => path.split('/').includes('__MACOSX');

const childrenOf = (tree: SubmissionTree, folder: string): string[] =>
  [...tree.entries.keys()].filter(
    (path) =>
      !macMetadata(path) &&
      (folder === ''
        ? !path.includes('/')
        : path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/')),
  );

/**
 * The folder of the archive that holds the submissions: its top, or the one folder everything is in, unless that
 * folder is a submission itself (its learner files directly in it, in course folders or by themselves: a class of
 * one). `paths`: the learner files, as <course>/<file>.
 */
export function classRootOf(tree: SubmissionTree, paths: string[]): string {
  let root = '';
  for (;;) {
    const children = childrenOf(tree, root);
    const only = children[0];
    if (children.length !== 1 || tree.entries.get(only!)?.kind !== 'folder') return root;
    if (locateLearnerFiles(subtree(tree, only!).entries, courseFilesOf(paths))?.root === '') return root;
    root = only!;
  }
}

/** Why the archive as a whole could not be unpacked, in an instructor's words. */
function whyNot(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'archive-too-large':
    case 'file-too-large':
      return `it is larger than ${CLASS_ARCHIVE_LIMITS.maxArchiveBytes / 1024 ** 3} GB`;
    case 'too-many-entries':
      return `it holds more than ${CLASS_ARCHIVE_LIMITS.maxEntries} files and folders`;
    case 'too-large':
      return `it unpacks to more than ${CLASS_ARCHIVE_LIMITS.maxTotalBytes / 1024 ** 3} GB`;
    case 'too-deep':
      return `it nests folders more than ${CLASS_ARCHIVE_LIMITS.maxDepth} deep`;
    case 'outside-archive':
      return `it could not be unpacked: it holds a path outside the archive (${refusal.entry})`;
    case 'size-mismatch':
      return `it could not be unpacked: ${refusal.entry} unpacks to more bytes than the archive declares (forged or damaged)`;
    case 'unreadable-archive':
    case 'unreadable':
      return `it could not be unpacked: ${refusal.reason}`;
    case 'symlink':
    case 'special-file':
      return 'it is not a file (a link or a special file)';
  }
}

/** Why one entry of the archive is not unpacked. */
const leftOut = (refusal: Refusal): string =>
  refusal.kind === 'symlink'
    ? 'is a symbolic link'
    : refusal.kind === 'special-file'
      ? `is a ${refusal.special}, not a file`
      : refusal.kind === 'file-too-large'
        ? `is larger than ${CLASS_ARCHIVE_LIMITS.maxFileBytes / 1024 ** 2} MB`
        : 'could not be read';

/**
 * `file` (named `shownAs` in messages) unpacked into a new temporary folder, removed when the grader exits: the
 * folder, and a note for each entry left out (a link or special file, which a platform's export never holds).
 * `paths`: the learner files, as <course>/<file>.
 */
export function unpackClassArchive(
  file: string,
  shownAs: string,
  paths: string[],
): { folder: string; notes: string[] } {
  const failed = (refusal: Refusal): never => {
    throw new ClassArchiveError(`${whyNot(refusal)}; a class may be given as its folder instead`);
  };
  const read = readFileBelow(dirname(file), basename(file), shownAs, CLASS_ARCHIVE_LIMITS.maxArchiveBytes);
  if (!read) throw new ClassArchiveError('it vanished while being read');
  if (read.refusal) return failed(read.refusal);
  let tree: SubmissionTree;
  try {
    tree = readZip(read.bytes, shownAs, CLASS_ARCHIVE_LIMITS);
  } catch (error) {
    if (!(error instanceof RefusedSubmission)) throw error;
    return failed(error.refusal);
  }
  const root = classRootOf(tree, paths);
  const folder = makeTemporaryFolder('grade-class-archive-');
  const notes: string[] = [];
  for (const [path, entry] of tree.entries) {
    if ((root !== '' && !path.startsWith(`${root}/`)) || macMetadata(path)) continue;
    const target = join(folder, root === '' ? path : path.slice(root.length + 1));
    const unpack = (write: () => void) => {
      try {
        write();
      } catch (error) {
        // Twice in the archive (a file and a folder of one name), or a name this system cannot hold: that submission
        // is graded without it.
        notes.push(
          `${shownAs}: ${path} could not be unpacked (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was left out`,
        );
      }
    };
    if (entry.kind === 'folder') unpack(() => mkdirSync(target, { recursive: true }));
    else if (entry.kind === 'refused') notes.push(`${shownAs}: ${path} ${leftOut(entry.refusal)}; it was left out`);
    else {
      let found;
      try {
        found = tree.read(path);
      } catch (error) {
        // A forged entry: nothing of the archive is kept, not even what was unpacked before it.
        removeFolder(folder);
        if (!(error instanceof RefusedSubmission)) throw error;
        return failed(error.refusal);
      }
      if (!found?.bytes) continue;
      const bytes = found.bytes;
      unpack(() => {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes, { flag: 'wx', mode: 0o600 });
      });
    }
  }
  return { folder, notes };
}
