// The stripper on small files: markers are real comments only, regions become placeholders (with a throw
// where a function is left open), everything else is kept byte for byte, and bad markers are named by line.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRegions } from '../scripts/stubs/find-markers.js';
import { SourceError } from '../scripts/stubs/source-error.js';
import { stripHidden, wordCount } from '../scripts/stubs/strip-hidden.js';

const stub = (text: string, variant = 'normal', labels: string[] = []) => stripHidden(text, 'x.ts', findRegions(text, 'x.ts', labels), variant);

function sourceError(text: string, labels: string[] = []): SourceError {
  try {
    findRegions(text, 'lesson.ts', labels);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('regions become placeholders', () => {
  test('a method body left open gets the size hint and a throw naming the method', () => {
    const text = ['export class SGD {', '  step(): void {', '    // Hide: all', '    this.x -= 1;', '    // Hide: none', '  }', '  x = 0;', '}', ''].join('\n');
    expect(stub(text)).toBe(
      ['export class SGD {', '  step(): void {', '    // TODO: ~3 words', "    throw new Error('not implemented yet: write SGD.step()');", '  }', '  x = 0;', '}', ''].join('\n'),
    );
  });

  test('a region followed by more statements gets no throw, so the rest stays reachable', () => {
    const text = ['function f(): number {', '  let y = 1;', '  // Hide: all', '  y += 2;', '  // Hide: none', '  return y;', '}', ''].join('\n');
    expect(stub(text)).toBe(['function f(): number {', '  let y = 1;', '  // TODO: ~2 words', '  return y;', '}', ''].join('\n'));
  });

  test('a function that loses its return gets a throw naming it', () => {
    const text = ['export const answer = (): number => {', '  // Hide: all', '  return 42;', '  // Hide: none', '};', ''].join('\n');
    expect(stub(text)).toContain("throw new Error('not implemented yet: write answer()');");
  });

  test('a region in a class body becomes a placeholder only', () => {
    const text = ['class A {', '  // Hide: all', '  private v = new Float64Array(2);', '  // Hide: none', '}', ''].join('\n');
    expect(stub(text)).toBe(['class A {', '  // TODO: ~5 words', '}', ''].join('\n'));
  });

  test('CRLF line endings and a BOM are kept', () => {
    const text = '\uFEFFconst a = 1;\r\nfunction f() {\r\n  // Hide: all\r\n  return a;\r\n  // Hide: none\r\n}\r\n';
    const out = stub(text);
    expect(out.startsWith('\uFEFFconst a = 1;\r\n')).toBe(true);
    expect(out).toContain('  // TODO: ~2 words\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('imports only the hidden code used are dropped; the others stay', () => {
    const text = ["import { a, b } from './m.js';", "import { c } from './n.js';", 'export function f(): number {', '  const x = a;', '  // Hide: all', '  return x + b + c;', '  // Hide: none', '}', ''].join('\n');
    const out = stub(text);
    expect(out).toContain("import { a } from './m.js';");
    expect(out).not.toContain('./n.js');
  });

  test('a file without markers is returned unchanged', () => {
    const text = "// a comment that mentions Hide: all in prose\nexport const s = '// Hide: all';\n";
    expect(stub(text)).toBe(text);
  });

  test('labels hide only in their variant; solution lines show only to learners', () => {
    const text = ['function f(): number {', '  // Hide: hard', '  const k = 2;', '  // Hide: solution', '  const k = 0;', '  // Hide: none', '  return k;', '}', ''].join('\n');
    expect(stub(text, 'normal', ['hard'])).toContain('  const k = 2;\n  const k = 0;\n');
    expect(stub(text, 'hard', ['hard'])).toContain('  // TODO: ~3 words\n  const k = 0;\n');
    expect(stub(text, 'solution', ['hard'])).toBe(['function f(): number {', '  const k = 2;', '  return k;', '}', ''].join('\n'));
  });
});

describe('markers are found only as real line comments', () => {
  test.each([
    ['a string', "const s = '// Hide: all';"],
    ['a template literal', 'const s = `\n// Hide: all\n`;'],
    ['a block comment', '/*\n// Hide: all\n*/'],
  ])('text inside %s is ignored', (_, text) => {
    expect(findRegions(text, 'x.ts')).toEqual([]);
  });
});

describe('bad markers are reported with file, line and a fix', () => {
  test.each([
    ['a region never closed', 'const a = 1;\n// Hide: all\nconst b = 2;\n', 2, /never closed/],
    ['none with nothing open', 'const a = 1;\n// Hide: none\n', 2, /no region open/],
    ['a misspelt label', '// Hide: al\nconst a = 1;\n// Hide: none\n', 1, /unknown label `al`.*did you mean `all`/s],
    ['no label', 'const a = 1;\n  // Hide:\nconst b = 1;\n', 2, /no label/],
    ['an empty region', '// Hide: all\n// Hide: none\n', 1, /empty/],
    ['a marker after code', 'const a = 1; // Hide: all\n', 1, /alone on its line/],
  ])('%s', (_, text, line, problem) => {
    const error = sourceError(text);
    expect(error.file).toBe('lesson.ts');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(problem);
    expect(error.message).toMatch(/^lesson\.ts:\d+:\d+: /);
    expect(error.fix.length).toBeGreaterThan(10);
  });
});

test('the size hint counts the words of code, not comments', () => {
  expect(wordCount('a[i] = mu * a[i] + (1 - mu) * g[i]; // a ← μ·a')).toBe(9);
});

describe('properties over generated files', () => {
  // A file is a list of blocks: visible lines, or a hidden region whose lines carry a unique secret.
  const identifier = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
  const block = fc.oneof(
    fc.record({ hidden: fc.constant(false), names: fc.array(identifier, { minLength: 1, maxLength: 3 }) }),
    fc.record({ hidden: fc.constant(true), names: fc.array(identifier, { minLength: 1, maxLength: 3 }), label: fc.constantFrom('all', 'solution') }),
  );

  const render = (blocks: Array<{ hidden: boolean; names: string[]; label?: string }>, eol: string) => {
    let secret = 0;
    const lines: string[] = [];
    const solutionLines: string[] = [];
    for (const b of blocks) {
      if (b.hidden) lines.push(`  // Hide: ${b.label}`);
      for (const name of b.names) {
        const line = b.hidden ? `  const ${name}_secret${secret++} = ${b.label === 'all' ? 1 : 2};` : `  const ${name}_open = 0;`;
        lines.push(line);
        if (!(b.hidden && b.label === 'solution')) solutionLines.push(line);
      }
      if (b.hidden) lines.push('  // Hide: none');
    }
    const wrap = (body: string[]) => ['export function f(): void {', ...body, '}', ''].join(eol);
    return { text: wrap(lines), solution: wrap(solutionLines) };
  };

  test('no line of an `all` region reaches the stub, and every other line does', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (blocks, eol) => {
        const { text } = render(blocks, eol);
        const out = stub(text);
        for (const b of blocks) {
          for (const name of b.names) {
            if (b.hidden && b.label === 'all') expect(out).not.toMatch(new RegExp(`${name}_secret\\d+ = 1`));
          }
        }
        expect(out).not.toMatch(/Hide:/);
        for (const line of text.split(eol)) if (line.includes('_open')) expect(out).toContain(line);
      }),
    );
  });

  test('the solution variant is the input minus markers and placeholder lines', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (blocks, eol) => {
        const { text, solution } = render(blocks, eol);
        expect(stub(text, 'solution')).toBe(solution);
      }),
    );
  });
});
