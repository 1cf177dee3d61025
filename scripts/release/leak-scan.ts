// Scans every file under a folder (source maps and built assets included) for lines of hidden solution code,
// and says where each leak is: file and line.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { filesBelow } from '../../grader/files/files-below.js';
import { findLeaks, type HiddenLine } from '../stubs/hidden-text.js';

export interface Leak {
  file: string;
  line: number;
  hidden: HiddenLine;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

export function scanForLeaks(dir: string, hidden: readonly HiddenLine[]): Leak[] {
  const leaks: Leak[] = [];
  for (const path of filesBelow(dir, { skip: (name) => name === 'node_modules' })) {
    const bytes = readFileSync(path);
    if (bytes.includes(0)) continue; // binary: fonts, images, archives
    const text = bytes.toString('utf8');
    // Source maps carry the original sources as JSON strings: read them as the text they hold.
    const readable = path.endsWith('.map') ? text.replace(/\\n/g, '\n').replace(/\\"/g, '"') : text;
    for (const found of findLeaks(readable, hidden)) {
      const needle = squeeze(found.text).replace(/;$/, '');
      const lines = readable.split('\n');
      const index = lines.findIndex((line) => squeeze(line).includes(needle));
      leaks.push({ file: relative(dir, path), line: index + 1, hidden: found });
    }
  }
  return leaks;
}

export function describeLeak(leak: Leak): string {
  return `${leak.file}:${leak.line > 0 ? leak.line : '?'}: holds hidden solution code from ${leak.hidden.file}:${leak.hidden.line}: ${leak.hidden.text}`;
}
