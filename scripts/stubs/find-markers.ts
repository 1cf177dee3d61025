// Finds the `// Hide: …` markers of a TypeScript file among its real comments (never inside strings or template
// literals) and pairs them into regions; a comment that looks like a marker but is not one is an error.
import { ts } from 'ts-morph';
import { readComment } from '../markers/marker-lookalike.js';
import { knownLabels, pairRegions, parseLabels, type Marker, type Region } from '../markers/hide-regions.js';
import { SourceError, lineAndColumn } from '../markers/source-error.js';

export {
  RESERVED_LABELS,
  knownLabels,
  pairRegions,
  parseLabels,
  type Marker,
  type Region,
} from '../markers/hide-regions.js';

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
