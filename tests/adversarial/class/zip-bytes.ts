// Zips made by code for the hostile class: honest ones (fflate), entries with a Unix mode (links, FIFOs), and
// archives that lie, by rewriting the sizes their headers declare after fflate wrote them.
import { zipSync, type ZipAttributes } from 'fflate';

export type ZipEntry = string | Uint8Array | { data: string | Uint8Array; mode: number };

const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** S_IFLNK and S_IFIFO, as a zip made on a Unix stores them in the upper half of the external attributes. */
export const SYMLINK_MODE = 0o120777;
export const FIFO_MODE = 0o010644;

export function zipOf(entries: Record<string, ZipEntry>): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, ZipAttributes]> = {};
  for (const [name, entry] of Object.entries(entries)) {
    files[name] = typeof entry === 'string' || entry instanceof Uint8Array ? bytesOf(entry) : [bytesOf(entry.data), { os: 3, attrs: (entry.mode << 16) >>> 0 }];
  }
  return zipSync(files, { level: 9 });
}

/** `zip` with entry `name`'s declared uncompressed size set to `size`, in its central and its local header. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let end = out.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
      return out;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${name} in the zip`);
}
