// The `Hide` regions' grammar that needs no TypeScript parser: labels, pairing markers into regions, and which
// variant a region is hidden from. The markdown stripper builds on it, so the site reads instructions without ts-morph.
import { SourceError } from './source-error.js';
import { nearestLabel } from './marker-lookalike.js';

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

/** `normal` and the course's labels are learner variants; `solution` is the instructor's clean copy. */
export type Variant = string;

export function isHidden(labels: readonly string[], variant: Variant): boolean {
  if (variant === 'solution') return labels.includes('solution');
  if (labels.includes('solution')) return false; // placeholder code meant for learners
  return labels.includes('all') || labels.includes(variant);
}
