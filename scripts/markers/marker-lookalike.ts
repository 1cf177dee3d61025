// Reads one comment as a marker, as a near miss of one (an error: it would silently ship the solution) or as prose.
// Pure: it sees the comment's text only; finding comments (never inside strings or templates) is the caller's job.

/** How a comment reads: a marker (its raw label text), a near miss (why, and the marker it was probably meant as), or prose. */
export type CommentReading =
  | { kind: 'marker'; rawLabels: string }
  | { kind: 'near-miss'; problem: string; suggestion: string }
  | { kind: 'prose' };

/** The syntax a comment comes in: `//` and `/* … *\/` in TypeScript, `<!-- … -->` in markdown. */
export type CommentSyntax = 'line' | 'block' | 'html';

// A valid marker, as it always was: `//` (exactly two slashes), `Hide`, any spaces, a colon, then the labels.
// Spaces are free (`//Hide:all`, `// Hide : all`) and case does not matter (`// HIDE: ALL`).
const LINE_MARKER = /^\/\/(?!\/)\s*hide\s*:(.*)$/is;
const HTML_MARKER = /^<!--\s*hide\s*:(.*?)-->$/is;

// Characters that, right after `hide` (spaces allowed between), show the comment was meant as a marker:
// `// Hide; all`, `// HIDE - all`, `// hide= all`, `// Hide| all`, `// Hide> all`, `// Hide：all`. Commas and full
// stops are not, as prose uses them (`// Hide, then show …`), and neither is a parenthesis (`// hide() is called`).
const SEPARATOR = /^[:;=|>\-–—：]/u;

// VS Code's folding comments: `// #region Hide`, `// #endregion`.
const REGION = /^#\s*(?:end)?region\b[\s:]*/i;

function stripDelimiters(raw: string, syntax: CommentSyntax): string {
  if (syntax === 'line') return raw.replace(/^\/\/+/, '');
  if (syntax === 'block') return raw.replace(/^\/\*+/, '').replace(/\*+\/$/, '');
  return raw.replace(/^<!--/, '').replace(/-->$/, '');
}

/**
 * What a comment says once its punctuation is gone: the delimiters (`//`, `///`, `/*`, `*\/`, `<!--`, `-->`), then any
 * run of slashes, stars, `#` and spaces in front of the text, so that `/// Hide`, `/** Hide`, `/* // Hide` and
 * `// # Hide` all start at `Hide`. A `#region` / `#endregion` word in front is dropped too (`// #region Hide: all`).
 */
export function commentWords(raw: string, syntax: CommentSyntax): string {
  const body = stripDelimiters(raw, syntax);
  return body
    .replace(/^[\s/*]+/, '')
    .replace(REGION, '')
    .replace(/^[\s/*#]+/, '')
    .trim();
}

const hasRegionPrefix = (raw: string, syntax: CommentSyntax): boolean =>
  REGION.test(stripDelimiters(raw, syntax).replace(/^[\s/*]+/, ''));

/**
 * Whether the words of a comment (see commentWords) look like an attempted marker. They do when, ignoring case,
 * they start with the word `hide` and then
 * - nothing at all (`// Hide`), or
 * - one of the separators above, spaces allowed before it (`// Hide; all`, `// HIDE - all`, `// Hide:`), or
 * - only labels, or words within one edit of a label (two for words of four letters or more), separated by
 *   spaces, commas or full stops (`// Hide all`, `// Hide al`, `// hide none`, `// Hide, all`, `// Hide hrad, exam`).
 * Prose that merely starts with the verb is not one: `// hide the cursor`, `// Hides the velocity`,
 * `// hide all columns below`, `// Hide, then show it`, `// hidden state`, `// hide() is called` (a word that is
 * not a label follows, or `hide` is part of a longer word, or a parenthesis follows).
 */
export function looksLikeMarker(words: string, known: readonly string[]): boolean {
  const match = /^hide(?![\p{L}\p{N}_$])(.*)$/isu.exec(words);
  if (!match) return false;
  const rest = match[1]!.trim();
  if (rest === '' || SEPARATOR.test(rest)) return true;
  const list = rest.split(/[\s,.]+/).filter(Boolean);
  return list.every((word) => labelFor(word, known) !== undefined);
}

/**
 * The label a word is, or is a typo of: within one edit, or two for words of four letters or more (a swap of two
 * letters is two edits: `hrad`). Short words need to be closer, so that `it` or `nan` are not taken for `all`, `none`.
 */
function labelFor(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (known.includes(lower)) return lower;
  if (!/^[a-z][a-z0-9-]*$/.test(lower)) return undefined;
  return nearestLabel(lower, known, lower.length >= 4 ? 2 : 1);
}

/** The marker a near miss was most probably meant as: its words as labels where they read as labels, else `all`. */
export function suggestedMarker(words: string, known: readonly string[], syntax: CommentSyntax): string {
  const rest = words.replace(/^hide/i, '');
  const labels = rest
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== '' && !/^-+$/.test(w))
    .map((w) => labelFor(w, known));
  const chosen = labels.length > 0 && labels.every((l) => l !== undefined) ? [...new Set(labels)].join(', ') : 'all';
  return syntax === 'html' ? `<!-- Hide: ${chosen} -->` : `// Hide: ${chosen}`;
}

/** Why a comment that looks like a marker is not one, in the instructor's terms. */
function nearMissProblem(raw: string, words: string, syntax: CommentSyntax): string {
  const shown = `\`${oneLine(raw)}\``;
  const consequence = 'so it would stay an ordinary comment and the code below it would reach learners';
  if (syntax === 'block') return `${shown} looks like a \`// Hide\` marker but is a block comment, ${consequence}`;
  if (syntax === 'line' && /^\/\/\//.test(raw))
    return `${shown} looks like a \`// Hide\` marker but starts with more than two slashes, ${consequence}`;
  if (hasRegionPrefix(raw, syntax))
    return `${shown} looks like a \`Hide\` marker but \`#region\` markers are not supported, ${consequence}`;
  if (/^hide\s*$/i.test(words)) return `${shown} looks like a marker but has no colon and no label, ${consequence}`;
  return `${shown} looks like a marker but \`Hide\` is not followed by a colon, ${consequence}`;
}

/** The comment as a message shows it: on one line, and short. */
function oneLine(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/**
 * Reads one comment (its full text, delimiters included). `known` is every label the file may use, lower case.
 * A `<!-- … -->` or `//` comment in the marker's exact form is a marker whatever its labels (parseLabels judges
 * them); anything else that looksLikeMarker is a near miss.
 */
export function readComment(raw: string, syntax: CommentSyntax, known: readonly string[]): CommentReading {
  const exact = (syntax === 'line' ? LINE_MARKER : syntax === 'html' ? HTML_MARKER : null)?.exec(raw);
  if (exact) return { kind: 'marker', rawLabels: exact[1] ?? '' };
  const words = commentWords(raw, syntax);
  if (!looksLikeMarker(words, known)) return { kind: 'prose' };
  return {
    kind: 'near-miss',
    problem: nearMissProblem(raw, words, syntax),
    suggestion: suggestedMarker(words, known, syntax),
  };
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known label closest to `label`, if it is within `within` edits. */
export function nearestLabel(label: string, known: readonly string[], within = 2): string | undefined {
  const ranked = known.map((k) => [editDistance(label, k), k] as const).sort((x, y) => x[0] - y[0]);
  return ranked[0] && ranked[0][0] <= within ? ranked[0][1] : undefined;
}
