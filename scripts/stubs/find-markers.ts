// Finds the `// Hide: …` markers of a TypeScript file among its real comments (never inside strings or template
// literals) and pairs them into regions; a comment that looks like a marker but is not one is an error.
import { ts } from 'ts-morph';
import { nearestLabel, readComment } from './marker-lookalike.js';
import { SourceError, lineAndColumn } from './source-error.js';

export const RESERVED_LABELS = ['all', 'none', 'solution'] as const;

export interface Marker {
  labels: string[]; // lower case
  start: number; // offset of the first character of the marker's line
  end: number; // offset just past the marker's line terminator
  line: number;
  column: number;
  indent: string;
}

/** Lines between an opening marker and the next marker; hidden from some variants. */
export interface Region {
  open: Marker;
  close: Marker; // `none`, or the marker that opens the next region
  labels: string[];
  bodyStart: number; // offset of the first hidden line
  bodyEnd: number; // offset just past the last hidden line
}

/** Every comment, line or block, that the TypeScript scanner sees as trivia, in file order. */
function comments(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const seen = new Set<number>();
  const found: ts.CommentRange[] = [];
  const visit = (node: ts.Node): void => {
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      // Trailing ranges are the comments after code on the same line; leading ranges are all the others.
      const ranges = [
        ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
        ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
      ];
      for (const range of ranges) {
        if (!seen.has(range.pos)) {
          seen.add(range.pos);
          found.push(range);
        }
      }
      return;
    }
    children.forEach(visit);
  };
  visit(sourceFile);
  return found.sort((a, b) => a.pos - b.pos);
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function parseLabels(
  raw: string,
  file: string,
  where: { line: number; column: number },
  known: readonly string[],
): string[] {
  const labels = raw.split(',').map((label) => label.trim().toLowerCase());
  if (labels.every((label) => label === '')) {
    throw new SourceError(
      file,
      where.line,
      where.column,
      '`// Hide:` has no label',
      'did you mean `// Hide: all` (to start a hidden region) or `// Hide: none` (to end one)?',
    );
  }
  for (const label of labels) {
    if (label === '' || !/^[a-z][a-z0-9-]*$/.test(label)) {
      throw new SourceError(
        file,
        where.line,
        where.column,
        `\`${raw.trim()}\` is not a list of labels`,
        'separate labels with commas, e.g. `// Hide: hard, exam`',
      );
    }
    if (!known.includes(label)) {
      const nearest = nearestLabel(label, known);
      throw new SourceError(
        file,
        where.line,
        where.column,
        `unknown label \`${label}\``,
        nearest ? `did you mean \`${nearest}\`? Labels: ${known.join(', ')}` : `use one of: ${known.join(', ')}`,
      );
    }
  }
  if (labels.includes('none') && labels.length > 1) {
    throw new SourceError(
      file,
      where.line,
      where.column,
      '`none` cannot be combined with other labels',
      'end the region with `// Hide: none` on its own line',
    );
  }
  return labels;
}

/**
 * The markers and regions of one file. `labels` lists the variant labels the course declares
 * (beside all, none and solution). Throws SourceError for anything an instructor must fix.
 */
export function findRegions(text: string, file: string, labels: readonly string[] = []): Region[] {
  const known = knownLabels(labels);
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const markers: Marker[] = [];
  for (const range of comments(sourceFile)) {
    const syntax = range.kind === ts.SyntaxKind.SingleLineCommentTrivia ? 'line' : 'block';
    const reading = readComment(text.slice(range.pos, range.end), syntax, known);
    if (reading.kind === 'prose') continue;
    const where = lineAndColumn(text, range.pos);
    if (reading.kind === 'near-miss') {
      throw new SourceError(
        file,
        where.line,
        where.column,
        reading.problem,
        `did you mean \`${reading.suggestion}\`? A marker is a line comment alone on its line: \`//\`, \`Hide:\`, then labels (${known.join(', ')}). If this is a remark, not a marker, reword it so that it does not start with \`Hide\``,
      );
    }
    const start = range.pos - (where.column - 1);
    const before = text.slice(start, range.pos);
    if (before.trim() !== '') {
      throw new SourceError(
        file,
        where.line,
        where.column,
        'a `// Hide:` marker must be alone on its line',
        'move the marker to a line of its own above or below the code',
      );
    }
    markers.push({
      labels: parseLabels(reading.rawLabels, file, where, known),
      start,
      end: lineEnd(text, range.end),
      line: where.line,
      column: where.column,
      indent: before,
    });
  }

  return pairRegions(markers, file);
}

/** The labels a file may use: the reserved ones and the course's variant labels. */
export function knownLabels(labels: readonly string[]): string[] {
  return [...RESERVED_LABELS, ...labels.map((l) => l.toLowerCase())];
}

/** Pairs markers into regions: each marker but `none` opens a region that the next marker closes. */
export function pairRegions(markers: readonly Marker[], file: string): Region[] {
  const regions: Region[] = [];
  let open: Marker | null = null;
  for (const marker of markers) {
    if (open) {
      if (marker.start === open.end) {
        throw new SourceError(
          file,
          open.line,
          open.column,
          `the region opened by \`// Hide: ${open.labels.join(', ')}\` is empty`,
          'put the lines to hide between the markers, or delete the marker',
        );
      }
      regions.push({ open, close: marker, labels: open.labels, bodyStart: open.end, bodyEnd: marker.start });
    } else if (marker.labels[0] === 'none') {
      throw new SourceError(
        file,
        marker.line,
        marker.column,
        '`// Hide: none` with no region open',
        'delete this marker, or open a region above it with `// Hide: all`',
      );
    }
    open = marker.labels[0] === 'none' ? null : marker;
  }
  if (open) {
    throw new SourceError(
      file,
      open.line,
      open.column,
      `the region opened by \`// Hide: ${open.labels.join(', ')}\` is never closed`,
      'end it with `// Hide: none` on its own line',
    );
  }
  return regions;
}
