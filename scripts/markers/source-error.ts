// An error in an instructor's file, reported the way compilers do: file:line:col, what is wrong, how to fix it.

export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number, // 1-based
    readonly column: number, // 1-based
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}\n  fix: ${fix}`);
    this.name = 'SourceError';
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
