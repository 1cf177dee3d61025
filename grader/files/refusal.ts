// Why a submission, or one entry of it, is not used: the kind is data (reports and tests branch on it), and
// describeRefusal turns it into the sentence an instructor or student reads, naming the entry and what to do.
import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';

export type SpecialFile = 'named pipe' | 'socket' | 'device';

export type Refusal =
  /** A symbolic link (a file's, a folder's, or a zip entry with a link's mode): never followed. */
  | { kind: 'symlink'; path: string }
  /** A FIFO, socket or device: never opened. */
  | { kind: 'special-file'; path: string; special: SpecialFile }
  /** Folders nested deeper than the limit: `path` is the first one too deep. */
  | { kind: 'too-deep'; path: string }
  | { kind: 'too-many-entries'; path: string }
  /** All the files together (declared sizes, for a zip) are larger than the limit. */
  | { kind: 'too-large'; path: string }
  /** One file the grader needs is larger than a learner file may be (declared or actual size). */
  | { kind: 'file-too-large'; path: string }
  /** A zip that is too large to be read at all. */
  | { kind: 'archive-too-large'; path: string }
  /** A zip entry whose name would land outside the folder (`../x`, `/x`, `C:x`). */
  | { kind: 'outside-archive'; path: string; entry: string }
  /** An entry that unpacks to more bytes than its archive declares: a forged or damaged archive. */
  | { kind: 'size-mismatch'; path: string; entry: string }
  /** Not a zip, a damaged one, or one this grader cannot read (encrypted, zip64, an unknown compression). */
  | { kind: 'unreadable-archive'; path: string; reason: string }
  /** A file that could not be read (permissions, vanished): the system's words in `reason`. */
  | { kind: 'unreadable'; path: string; reason: string };

export type RefusalKind = Refusal['kind'];

/** Thrown by the readers when a whole submission is refused; `refusal` says why. */
export class RefusedSubmission extends Error {
  override name = 'RefusedSubmission';
  constructor(readonly refusal: Refusal) {
    super(describeRefusal(refusal));
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
/** Whose words: a submission's (uploaded, or sent to the instructor) or a learner's own folder, graded where it is. */
export type Audience = 'submission' | 'own-folder';

// A name with a dot is most likely a file; without, a folder (only the advice depends on it).
const itself = (path: string, audience: Audience) => {
  const what = /\.[^/]*$/.test(path) ? 'file' : 'folder';
  return audience === 'submission'
    ? `upload the ${what} itself`
    : `put the ${what} itself in its place (the grader never follows a link or opens a special file)`;
};

// A zip entry's name may be 65,535 characters long: a message shows its start, which is enough to find it.
const shorten = (path: string) => (path.length > 160 ? `${path.slice(0, 150)}…` : path);

export function describeRefusal(
  given: Refusal,
  limits: IntakeLimits = INTAKE_LIMITS,
  audience: Audience = 'submission',
): string {
  const refusal = {
    ...given,
    path: shorten(given.path),
    ...('entry' in given ? { entry: shorten(given.entry) } : {}),
  } as Refusal;
  switch (refusal.kind) {
    case 'symlink':
      return `${refusal.path} is a symbolic link: ${itself(refusal.path, audience)}`;
    case 'special-file':
      return `${refusal.path} is a ${refusal.special}, not a file: ${itself(refusal.path, audience)}`;
    case 'too-deep':
      return `${refusal.path} nests folders more than ${limits.maxDepth} deep: submit only your exercise folder`;
    case 'too-many-entries':
      return `${refusal.path} holds more than ${limits.maxEntries} files and folders: submit only your exercise folder`;
    case 'too-large':
      return `${refusal.path} holds more than ${megabytes(limits.maxTotalBytes)} of files: submit only your exercise folder`;
    case 'file-too-large':
      return `${refusal.path} is larger than ${kilobytes(limits.maxFileBytes)}, far more than an exercise file needs: ${audience === 'submission' ? 'upload the source file itself' : 'keep only its source code there'}`;
    case 'archive-too-large':
      return `${refusal.path} is larger than ${megabytes(limits.maxArchiveBytes)}: zip only your exercise folder (leave node_modules out)`;
    case 'outside-archive':
      return `${refusal.path} could not be unpacked: holds a path outside the archive: ${refusal.entry}; zip your folder again`;
    case 'size-mismatch':
      return `${refusal.path} could not be unpacked: ${refusal.entry} unpacks to more bytes than the archive declares (forged or damaged); zip your folder again`;
    case 'unreadable-archive':
      return `${refusal.path} could not be unpacked: ${refusal.reason}; zip your folder again`;
    case 'unreadable':
      return `${refusal.path} could not be read: ${refusal.reason}`;
  }
}
