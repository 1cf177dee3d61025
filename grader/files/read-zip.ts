// Reads a zip submission in memory, never onto disk: the central directory gives each entry's name, declared
// size and Unix mode (fflate's unzip hides the mode, so links would pass as files), and an entry is inflated only
// when the grader asks for it, by zlib with a hard cap on its output: a zip that lies about sizes stops there.
import { inflateRawSync } from 'node:zlib';
import { skippedName } from './read-folder.js';
import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';
import { RefusedSubmission, type Refusal, type SpecialFile } from './refusal.js';
import type { FileLookup, SubmissionTree, TreeEntry } from './submission-tree.js';

interface StoredFile {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const UNIX_HOSTS = new Set([3, 19]); // "version made by" hosts whose external attributes hold a Unix mode

/** An entry's type from its Unix mode (S_IFMT bits), when the archive was made on a Unix. */
function unixType(mode: number): 'file' | 'folder' | 'symlink' | SpecialFile | undefined {
  switch (mode & 0o170000) {
    case 0:
      return undefined;
    case 0o100000:
      return 'file';
    case 0o040000:
      return 'folder';
    case 0o120000:
      return 'symlink';
    case 0o010000:
      return 'named pipe';
    case 0o140000:
      return 'socket';
    default:
      return 'device';
  }
}

/** The deflated `data` inflated, if it makes exactly `size` bytes; zlib stops as soon as it would make more. */
function inflateAtMost(data: Uint8Array, size: number): Uint8Array | 'longer' | 'damaged' {
  try {
    // A bomb costs no more than an honest entry: the output never grows past the declared size (and a byte).
    const inflated = inflateRawSync(data, { maxOutputLength: size + 1 });
    return inflated.length === size ? inflated : inflated.length > size ? 'longer' : 'damaged';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'longer' : 'damaged';
  }
}

/**
 * The tree of the zip `bytes` (`name` is how the submission is named in a refusal). Throws RefusedSubmission for
 * what makes the whole archive unusable: not a zip, a path outside it, too deep, too many entries, too large.
 */
export function readZip(bytes: Uint8Array, name: string, limits: IntakeLimits = INTAKE_LIMITS): SubmissionTree {
  const refuse = (refusal: Refusal): never => {
    throw new RefusedSubmission(refusal);
  };
  const damaged = (reason = 'it is not a zip archive (or it is damaged)'): never =>
    refuse({ kind: 'unreadable-archive', path: name, reason });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, true) : damaged());
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, true) : damaged());

  // The end record sits in the last 22 bytes, or before a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) damaged();
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff || (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR)) {
    damaged('it is a ZIP64 archive, which this grader does not read');
  }
  if (count > limits.maxEntries) refuse({ kind: 'too-many-entries', path: name });

  const entries = new Map<string, TreeEntry>();
  const stored = new Map<string, StoredFile>();
  const decoder = new TextDecoder();
  let total = 0;
  const addFolder = (path: string) => {
    const existing = entries.get(path);
    if (existing && existing.kind !== 'folder')
      damaged(
        `it holds ${path} both as a folder and as ${existing.kind === 'file' ? 'a file' : 'a link or special file'}`,
      );
    entries.set(path, { kind: 'folder' });
  };
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL_HEADER) damaged();
    const host = u16(at + 4) >> 8;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const external = u32(at + 38);
    const localHeader = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) damaged();
    const raw = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);

    // Some tools write Windows separators; a name is judged after they are made '/'.
    const entryName = raw.replace(/\\/g, '/');
    const parts = entryName.split('/').filter((part) => part !== '' && part !== '.');
    if (entryName.startsWith('/') || /^[A-Za-z]:/.test(entryName) || entryName.includes('\0') || parts.includes('..')) {
      refuse({ kind: 'outside-archive', path: name, entry: raw });
    }
    if (parts.length === 0 || parts.some(skippedName)) continue;
    const path = parts.join('/');
    const type =
      (UNIX_HOSTS.has(host) ? unixType(external >>> 16) : undefined) ??
      (entryName.endsWith('/') || (external & 0x10) !== 0 ? 'folder' : 'file');
    const folderDepth = type === 'folder' ? parts.length : parts.length - 1;
    if (folderDepth > limits.maxDepth)
      refuse({ kind: 'too-deep', path: `${name}/${parts.slice(0, limits.maxDepth + 1).join('/')}` });
    for (let depth = 1; depth < parts.length; depth++) addFolder(parts.slice(0, depth).join('/'));
    if (type === 'folder') {
      addFolder(path);
      continue;
    }
    if (entries.has(path)) damaged(`it holds ${path} twice`);
    if (type === 'symlink') entries.set(path, { kind: 'refused', refusal: { kind: 'symlink', path } });
    else if (type !== 'file')
      entries.set(path, { kind: 'refused', refusal: { kind: 'special-file', path, special: type } });
    else {
      if ((total += size) > limits.maxTotalBytes) refuse({ kind: 'too-large', path: name });
      entries.set(path, { kind: 'file', size });
      stored.set(path, { method, flags, compressedSize, size, localHeader });
    }
  }

  const read = (path: string): FileLookup => {
    const entry = entries.get(path);
    if (entry?.kind === 'refused') return { refusal: entry.refusal };
    const file = stored.get(path);
    if (!file) return undefined;
    if (file.size > limits.maxFileBytes) return { refusal: { kind: 'file-too-large', path } };
    if (file.flags & 1) damaged(`${path} is encrypted`);
    if (u32(file.localHeader) !== LOCAL_HEADER) damaged();
    const start = file.localHeader + 30 + u16(file.localHeader + 26) + u16(file.localHeader + 28);
    if (start + file.compressedSize > bytes.length) damaged();
    const data = bytes.subarray(start, start + file.compressedSize);
    const lying = (): never => refuse({ kind: 'size-mismatch', path: name, entry: path });
    if (file.method === 0) return file.compressedSize === file.size ? { bytes: data.slice() } : lying();
    if (file.method !== 8) damaged(`${path} uses a compression this grader does not read (method ${file.method})`);
    const inflated = inflateAtMost(data, file.size);
    if (typeof inflated === 'string')
      return inflated === 'longer' ? lying() : damaged(`the data of ${path} is damaged`);
    return { bytes: inflated };
  };
  return { entries, read };
}
