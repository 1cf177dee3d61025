// The same `Hide` regions in instructions: `<!-- Hide: all -->` … `<!-- Hide: none -->` on lines of their own,
// outside fenced code blocks, so hints and answers in the text follow the same variants as the code.
import { readComment } from './marker-lookalike.js';
import { SourceError } from './source-error.js';
import {
  isHidden,
  knownLabels,
  pairRegions,
  parseLabels,
  type Marker,
  type Region,
  type Variant,
} from './hide-regions.js';

const MARKER = /^(\s*)<!--\s*hide\s*:(.*?)-->\s*$/i;
const LOOSE_MARKER = /<!--\s*hide\s*:/i;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g; // one line's HTML comments; one left open runs to the line's end
const FENCE = /^\s*(```|~~~)/;

export function findMarkdownRegions(text: string, file: string, labels: readonly string[] = []): Region[] {
  const known = knownLabels(labels);
  const markers: Marker[] = [];
  let fence: string | null = null;
  let offset = 0;
  let line = 0;
  for (const raw of text.split(/(?<=\n)/)) {
    line++;
    const start = offset;
    offset += raw.length;
    const content = raw.replace(/\r?\n$/, '');
    const fenceMatch = FENCE.exec(content);
    if (fenceMatch) {
      fence = fence === null ? fenceMatch[1]! : fence === fenceMatch[1] ? null : fence;
      continue;
    }
    if (fence !== null) continue; // examples of markers in code blocks are text
    const match = MARKER.exec(content);
    if (!match) {
      const loose = LOOSE_MARKER.exec(content);
      if (loose) {
        throw new SourceError(
          file,
          line,
          loose.index + 1,
          'a `<!-- Hide: … -->` marker must be alone on its line',
          'move the marker to a line of its own',
        );
      }
      for (const comment of content.matchAll(COMMENT)) {
        const reading = readComment(comment[0], 'html', known);
        if (reading.kind === 'near-miss') {
          throw new SourceError(
            file,
            line,
            comment.index + 1,
            reading.problem,
            `did you mean \`${reading.suggestion}\`? A marker is alone on its line: \`<!-- Hide: all -->\` … \`<!-- Hide: none -->\`. If this is a remark, not a marker, reword it so that it does not start with \`Hide\``,
          );
        }
      }
      continue;
    }
    const where = { line, column: match[1]!.length + 1 };
    markers.push({
      labels: parseLabels(match[2] ?? '', file, where, known),
      start,
      end: offset,
      line,
      column: where.column,
      indent: match[1]!,
    });
  }
  return pairRegions(markers, file);
}

/** Instructions for one variant: hidden prose is simply left out (prose needs no placeholder). */
export function stripMarkdown(text: string, file: string, labels: readonly string[], variant: Variant): string {
  let out = '';
  let cursor = 0;
  for (const region of findMarkdownRegions(text, file, labels)) {
    out += text.slice(cursor, region.open.start);
    if (!isHidden(region.labels, variant)) out += text.slice(region.bodyStart, region.bodyEnd);
    cursor = region.close.labels[0] === 'none' ? region.close.end : region.close.start;
  }
  return out + text.slice(cursor);
}
