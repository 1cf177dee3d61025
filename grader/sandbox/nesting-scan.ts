// A cheap look at a learner file before esbuild parses it: where its brackets nest absurdly deep. esbuild parses by
// recursion, and a few thousand nested brackets cost it seconds and gigabytes (a million crash it).
// Pure and linear. It is a first line only: nesting without brackets (`!!!…`, `a => a => …`) is left to the
// bundler process's memory and time limits.

/** Far beyond readable code (the exercises nest about 6 deep), far below what strains esbuild. */
export const MAX_NESTING = 100;

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
/** `if (…) /re/` is a regular expression, `f(…) / 2` a division. */
const STATEMENT_PAREN = new Set(['if', 'while', 'for', 'with']);

type Frame = 'paren' | 'statement-paren' | 'bracket' | 'brace' | 'template';

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 36 ||
  code === 95 ||
  code === 35 ||
  code > 127;

/**
 * The index of the first bracket (`(`, `[`, `{` or a template's `${`) that nests deeper than `limit`, or undefined.
 * Comments, strings and template text are skipped. Where `/` is ambiguous it is taken for a regular expression,
 * and the opening brackets inside one still count (without its closing ones): a wrong guess can only overstate the
 * depth, never hide it.
 */
export function firstTooDeep(source: string, limit = MAX_NESTING): number | undefined {
  const stack: Frame[] = [];
  const n = source.length;
  let regexMayStart = true;
  let lastWord = '';
  let i = 0;

  /** Scans template text from `from`; true when it stopped at a `${` (then `i` is past it). */
  const templateText = (from: number): boolean => {
    for (let j = from; j < n; j++) {
      const c = source[j];
      if (c === '\\') j++;
      else if (c === '`') {
        i = j + 1;
        return false;
      } else if (c === '$' && source[j + 1] === '{') {
        i = j + 2;
        return true;
      }
    }
    i = n;
    return false;
  };

  while (i < n) {
    const c = source[i]!;
    const code = source.charCodeAt(i);
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      regexMayStart = false;
    } else if (c === '`' || (c === '}' && stack.at(-1) === 'template')) {
      const start = i;
      if (c === '}') stack.pop();
      if (templateText(i + 1)) {
        stack.push('template');
        if (stack.length > limit) return start;
        regexMayStart = true;
      } else regexMayStart = false;
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push(
        c === '[' ? 'bracket' : c === '{' ? 'brace' : STATEMENT_PAREN.has(lastWord) ? 'statement-paren' : 'paren',
      );
      if (stack.length > limit) return i;
      regexMayStart = true;
      lastWord = '';
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      const frame = stack.pop();
      // After a block's `}` a regular expression may follow; after an object literal's, a division: guess the former.
      regexMayStart = frame === 'statement-paren' || c === '}';
      lastWord = '';
      i++;
    } else if (c === '/' && regexMayStart) {
      let j = i + 1;
      let inClass = false;
      let opened = 0;
      for (; j < n && source[j] !== '\n'; j++) {
        const r = source[j];
        if (r === '\\') j++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        if (r === '(' || r === '[' || r === '{') {
          opened++;
          if (stack.length + opened > limit) return j;
        }
      }
      i = j + 1;
      regexMayStart = false;
    } else if (isWordChar(code)) {
      let j = i + 1;
      while (j < n && isWordChar(source.charCodeAt(j))) j++;
      lastWord = source.slice(i, j);
      regexMayStart = REGEX_AFTER_WORD.has(lastWord);
      i = j;
    } else {
      // an operator or punctuation: what follows starts an expression
      regexMayStart = true;
      lastWord = '';
      i++;
    }
  }
  return undefined;
}

/** 1-based line and 0-based column of `index`, as esbuild reports locations. */
export function lineAndColumn(source: string, index: number): { line: number; column: number; lineText: string } {
  const before = index === 0 ? -1 : source.lastIndexOf('\n', index - 1);
  let line = 1;
  for (let at = source.indexOf('\n'); at !== -1 && at < index; at = source.indexOf('\n', at + 1)) line++;
  const end = source.indexOf('\n', index);
  return { line, column: index - before - 1, lineText: source.slice(before + 1, end === -1 ? undefined : end) };
}
