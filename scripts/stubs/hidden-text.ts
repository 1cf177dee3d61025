// The code lines that the normal variant hides, for leak scans: none of them may appear in anything a learner gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Course } from '../../grader/course/course-metadata.js';
import { findRegions } from './find-markers.js';
import { isHidden } from './strip-hidden.js';

/** One hidden line, trimmed, with its origin. Lines too short or generic to identify a solution are skipped. */
export interface HiddenLine {
  file: string;
  line: number;
  text: string;
}

const MEANINGFUL = /[A-Za-z_$][\w$]*.*[=(+\-*/]/; // an assignment, call or arithmetic, not `}` or `return;`

export function hiddenLines(root: string, course: Course): HiddenLine[] {
  const dir = join(root, 'solutions', course.id);
  const found: HiddenLine[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    for (const region of findRegions(text, file, course.labels)) {
      if (!isHidden(region.labels, 'normal')) continue;
      const firstLine = region.open.line + 1;
      text
        .slice(region.bodyStart, region.bodyEnd)
        .split(/\r?\n/)
        .forEach((raw, index) => {
          const code = raw.replace(/\/\/.*$/, '').trim();
          if (code.length >= 12 && MEANINGFUL.test(code)) found.push({ file, line: firstLine + index, text: code });
        });
    }
  }
  return found;
}

/** Where a hidden line appears in `content`, ignoring differences in spaces (minifiers drop them). */
export function findLeaks(content: string, lines: readonly HiddenLine[]): HiddenLine[] {
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  const haystack = squeeze(content);
  return lines.filter((line) => haystack.includes(squeeze(line.text).replace(/;$/, '')));
}
