// The generator's checks and outputs beyond one file's regions: markdown markers, syntax errors and lost
// exports named at the solution's line, and all-or-nothing writes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateFile } from '../scripts/stubs/generate-stubs.js';
import { SourceError } from '../scripts/markers/source-error.js';
import { stripMarkdown } from '../scripts/markers/strip-markdown.js';
import { MANIFEST, writeAll } from '../scripts/stubs/write-outputs.js';

function errorOf(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('markdown instructions', () => {
  const page = [
    '# Momentum',
    'Everyone reads this.',
    '<!-- Hide: all -->',
    'The answer is 42.',
    '<!-- Hide: hard -->',
    'A hint for the normal variant.',
    '<!-- Hide: none -->',
    '```md',
    '<!-- Hide: all -->',
    '```',
    'The end.',
    '',
  ].join('\n');

  test('hidden prose is left out of learner variants and markers never appear', () => {
    const normal = stripMarkdown(page, 'm.md', ['hard'], 'normal');
    expect(normal).not.toContain('42');
    expect(normal).toContain('A hint for the normal variant.');
    expect(normal.split('```')[0]).not.toContain('<!-- Hide');
    expect(normal).toContain('```md\n<!-- Hide: all -->\n```'); // an example inside a code block is text
    const hard = stripMarkdown(page, 'm.md', ['hard'], 'hard');
    expect(hard).not.toContain('A hint');
    expect(stripMarkdown(page, 'm.md', ['hard'], 'solution')).toContain('The answer is 42.');
  });

  test.each([
    ['<!-- Hide all -->', '<!-- Hide: all -->', 1],
    ['Some text. <!-- hide; none -->', '<!-- Hide: none -->', 12],
    ['<!--Hide-->', '<!-- Hide: all -->', 1],
  ])(
    'a comment that looks like a marker but is not, `%s`, is an error suggesting the marker',
    (line, suggestion, column) => {
      const error = errorOf(() => stripMarkdown(`intro\n${line}\nsecret\n`, 'courses/x/sgd.md', [], 'normal'));
      expect(error.message).toMatch(new RegExp(`^courses/x/sgd\\.md:2:${column}: `));
      expect(error.fix).toContain(`did you mean \`${suggestion}\`?`);
    },
  );

  test('HTML comments of prose, and near misses inside code blocks, are left alone', () => {
    const text = 'intro\n<!-- hide the answer until the quiz is over -->\n```md\n<!-- Hide all -->\n```\n';
    expect(stripMarkdown(text, 'm.md', [], 'normal')).toBe(text);
  });

  test('an unclosed region in the text is named by file and line', () => {
    const error = errorOf(() => stripMarkdown('intro\n<!-- Hide: all -->\nsecret\n', 'courses/x/sgd.md', [], 'normal'));
    expect(error.message).toMatch(/^courses\/x\/sgd\.md:2:1: .*never closed/);
  });
});

describe('solution files', () => {
  test('a syntax error is reported at the solution line, not at a stub', () => {
    const error = errorOf(() =>
      generateFile('export function f(): number {\n  return 1 +;\n}\n', 'solutions/c/f.ts', [], 'normal'),
    );
    expect(error.file).toBe('solutions/c/f.ts');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/syntax error: Expression expected/);
  });

  test('a region that hides an export is refused at the region line', () => {
    const text = [
      'export const kept = 1;',
      '// Hide: all',
      'export function lost(): number {',
      '  return 2;',
      '}',
      '// Hide: none',
      '',
    ].join('\n');
    const error = errorOf(() => generateFile(text, 'solutions/c/g.ts', [], 'normal'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/hides the export `lost`/);
  });

  test('a region that runs from one function into the next is refused at the region line', () => {
    const text = [
      'export function a(): number {',
      '  const x = 1;',
      '  // Hide: all',
      '  return x;',
      '}',
      '',
      'export function b(): number {',
      '  // Hide: none',
      '  return 2;',
      '}',
      '',
    ].join('\n');
    const error = errorOf(() => generateFile(text, 'solutions/c/m.ts', [], 'solution'));
    expect(error.message).toMatch(
      /^solutions\/c\/m\.ts:3:3: the region opened by `\/\/ Hide: all` starts inside `a\(\)` and ends inside `b\(\)`/,
    );
  });

  test('the solution variant drops markers and placeholder lines only', () => {
    const text = [
      'export function f(): number {',
      '  // Hide: all',
      '  return 1;',
      '  // Hide: solution',
      '  return 0;',
      '  // Hide: none',
      '}',
      '',
    ].join('\n');
    expect(generateFile(text, 'solutions/c/f.ts', [], 'solution')).toBe(
      ['export function f(): number {', '  return 1;', '}', ''].join('\n'),
    );
    expect(generateFile(text, 'solutions/c/f.ts', [], 'normal')).toBe(
      ['export function f(): number {', '  // TODO: ~2 words', '  return 0;', '}', ''].join('\n'),
    );
  });
});

describe('writing', () => {
  test('a failure half-way through the swap leaves every file as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'atomic-'));
    try {
      for (const name of ['a.ts', 'b.ts', 'c.ts']) writeFileSync(join(root, name), `old ${name}\n`);
      const files = new Map(['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((name) => [name, `new ${name}\n`]));
      let renames = 0;
      const failing = {
        rename: (from: string, to: string) =>
          ++renames === 5
            ? (() => {
                throw new Error('disk full');
              })()
            : renameSync(from, to),
      };
      expect(() => writeAll(root, '.', files, [...files.keys()], failing)).toThrow('disk full');
      expect(readdirSync(root).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
      for (const name of ['a.ts', 'b.ts', 'c.ts']) expect(readFileSync(join(root, name), 'utf8')).toBe(`old ${name}\n`);
      writeAll(root, '.', files, [...files.keys()]);
      expect(readFileSync(join(root, 'd.ts'), 'utf8')).toBe('new d.ts\n');
      expect(existsSync(join(root, MANIFEST))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
