// Names each submission of a class uniquely, and its JSON report's file with it. An id is the entry's name in the
// class folder, less ".zip" for an archive, unless another entry would then share it (a folder `alice` beside
// `alice.zip`): the archive then keeps its full name, `alice.zip`, so both are reported, distinctly.
import { createHash } from 'node:crypto';

export interface ClassEntry {
  /** The entry's name in the class folder. */
  name: string;
  kind: 'folder' | 'zip' | 'refused';
}

/** A zip archive, by its name (as platforms and students name them, in any case). */
export const isZipName = (name: string): boolean => /\.zip$/i.test(name);
// Ids are compared as a case-insensitive file system would: `Bob.zip` and `bob` must not share a report file.
const sameName = (id: string) => id.normalize('NFC').toLowerCase();

/** Every entry's id, by entry name: unique, and stable as long as the class folder's names are. */
export function submissionIds(entries: ClassEntry[]): Map<string, string> {
  const ids = new Map(
    entries.map((e) => [
      e.name,
      e.kind !== 'folder' && isZipName(e.name) && e.name.length > 4 ? e.name.slice(0, -4) : e.name,
    ]),
  );
  // Falling back to a full name may collide anew (`a.zip.zip` after `a.zip`): repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    const holders = new Map<string, string[]>();
    for (const [name, id] of ids) holders.set(sameName(id), [...(holders.get(sameName(id)) ?? []), name]);
    for (const names of holders.values()) {
      if (names.length < 2) continue;
      for (const name of names) {
        if (ids.get(name) !== name) {
          ids.set(name, name);
          changed = true;
        }
      }
    }
  }
  return ids;
}

// A roster's identifiers are not file names: one holding a path separator, a NUL or a leading dot (which
// could also meet the class run's own `.class.json`) is named by its hash too.
const UNSAFE_CHARS = /[/\\\0]|^\./g;
const UNSAFE = /[/\\\0]|^\./;
const MAX_NAME_BYTES = 200; // file names may hold 255 bytes: room for a hash and ".json"

/**
 * The JSON report's file name for each id: `<id>.json`, unless the id is too long for a file name, differs from
 * another only in case, or its name would be another id's (students choose their ids: `alice-<hash>` names itself
 * as `alice`'s hashed report would be named); then a shortened id and a hash of the whole. Names are unique, as a
 * case-insensitive file system compares them, whatever the ids.
 */
export function reportFileNames(ids: string[]): Map<string, string> {
  const hashed = (id: string) => {
    const hash = createHash('sha256').update(id).digest('hex').slice(0, 12);
    return `${[...id].slice(0, 40).join('').replace(UNSAFE_CHARS, '_')}-${hash}.json`;
  };
  const count = new Map<string, number>();
  for (const id of ids) count.set(sameName(id), (count.get(sameName(id)) ?? 0) + 1);
  const names = new Map(
    ids.map((id) => {
      const plain = Buffer.byteLength(id) <= MAX_NAME_BYTES && count.get(sameName(id)) === 1 && !UNSAFE.test(id);
      return [id, plain ? `${id}.json` : hashed(id)];
    }),
  );
  // A plain name that meets another id's name is hashed too, until none meet; names that still meet (a hash
  // collision, made on purpose) take a counter, in the ids' order.
  for (let changed = true; changed;) {
    changed = false;
    const holders = new Map<string, string[]>();
    for (const id of ids) holders.set(sameName(names.get(id)!), [...(holders.get(sameName(names.get(id)!)) ?? []), id]);
    for (const group of holders.values()) {
      if (group.length < 2) continue;
      const plain = group.filter((id) => names.get(id) === `${id}.json`);
      for (const id of plain) names.set(id, hashed(id));
      if (plain.length === 0)
        group.slice(1).forEach((id, i) => names.set(id, names.get(id)!.replace(/\.json$/, `-${i + 2}.json`)));
      changed = true;
    }
  }
  return names;
}
