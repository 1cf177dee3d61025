// The code lines that the normal variant hides, for leak scans: none of them may appear in anything a learner gets.
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Course } from '../../grader/course/course-metadata.js';
import { filesBelow } from '../../grader/files/files-below.js';
import { findRegions, type Region } from './find-markers.js';
import { isHidden } from './strip-hidden.js';
import { findMarkdownRegions } from '../markers/strip-markdown.js';

/** One hidden line, trimmed, with its origin. Lines too short or generic to identify a solution are skipped. */
export interface HiddenLine {
  file: string;
  line: number;
  text: string;
}

const MEANINGFUL = /[A-Za-z_$][\w$]*.*[=(+\-*/]/; // an assignment, call or arithmetic, not `}` or `return;`

/** Hidden lines of the solution code (solutions/<course>/) and of the instructions (courses/<course>/*.md). */
export function hiddenLines(root: string, course: Course): HiddenLine[] {
  const found: HiddenLine[] = [];
  const scan = (dir: string, pick: (name: string) => 'code' | 'prose' | null): void => {
    for (const path of filesBelow(join(root, dir))) {
      const kind = pick(basename(path));
      if (!kind) continue;
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      const regions: Region[] =
        kind === 'code' ? findRegions(text, file, course.labels) : findMarkdownRegions(text, file, course.labels);
      for (const region of regions.filter((r) => isHidden(r.labels, 'normal'))) {
        text
          .slice(region.bodyStart, region.bodyEnd)
          .split(/\r?\n/)
          .forEach((raw, index) => {
            const line = region.open.line + 1 + index;
            if (kind === 'code') {
              const code = raw.replace(/\/\/.*$/, '').trim();
              if (code.length >= 12 && MEANINGFUL.test(code)) found.push({ file, line, text: code });
            } else {
              // Markup and entities change on the way to HTML: look for the longest run of plain text instead.
              const plain =
                (raw.match(/[\w ,.;:()+-]+/g) ?? []).map((run) => run.trim()).sort((a, b) => b.length - a.length)[0] ??
                '';
              if (plain.length >= 20) found.push({ file, line, text: plain });
            }
          });
      }
    }
  };
  scan(join('solutions', course.id), (name) => (name.endsWith('.ts') ? 'code' : null));
  scan(join('courses', course.id), (name) => (name.endsWith('.md') ? 'prose' : null));
  return found;
}

/** Where a hidden line appears in `content`, ignoring differences in spaces (minifiers drop them). */
export function findLeaks(content: string, lines: readonly HiddenLine[]): HiddenLine[] {
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  const haystack = squeeze(content);
  return lines.filter((line) => haystack.includes(squeeze(line.text).replace(/;$/, '')));
}
