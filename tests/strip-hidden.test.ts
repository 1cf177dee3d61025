// The stripper on small files: markers are real comments only, regions become placeholders (with a throw
// where a function is left open), everything else is kept byte for byte, bad markers and near misses of markers
// are named by line, and a region that cuts across declarations is refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRegions, knownLabels } from '../scripts/stubs/find-markers.js';
import { commentWords, looksLikeMarker, readComment } from '../scripts/markers/marker-lookalike.js';
import { expectWholeSyntax } from '../scripts/stubs/region-structure.js';
import { SourceError } from '../scripts/markers/source-error.js';
import { stripHidden, wordCount } from '../scripts/stubs/strip-hidden.js';

const stub = (text: string, variant = 'normal', labels: string[] = []) =>
  stripHidden(text, 'x.ts', findRegions(text, 'x.ts', labels), variant);

function sourceError(
  text: string,
  labels: string[] = [],
  check: (text: string) => unknown = (t) => findRegions(t, 'lesson.ts', labels),
): SourceError {
  try {
    check(text);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('regions become placeholders', () => {
  test('a method body left open gets the size hint and a throw naming the method', () => {
    const text = [
      'export class SGD {',
      '  step(): void {',
      '    // Hide: all',
      '    this.x -= 1;',
      '    // Hide: none',
      '  }',
      '  x = 0;',
      '}',
      '',
    ].join('\n');
    expect(stub(text)).toBe(
      [
        'export class SGD {',
        '  step(): void {',
        '    // TODO: ~3 words',
        "    throw new Error('not implemented yet: write SGD.step()');",
        '  }',
        '  x = 0;',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('a region followed by more statements gets no throw, so the rest stays reachable', () => {
    const text = [
      'function f(): number {',
      '  let y = 1;',
      '  // Hide: all',
      '  y += 2;',
      '  // Hide: none',
      '  return y;',
      '}',
      '',
    ].join('\n');
    expect(stub(text)).toBe(
      ['function f(): number {', '  let y = 1;', '  // TODO: ~2 words', '  return y;', '}', ''].join('\n'),
    );
  });

  test('a function that loses its return gets a throw naming it', () => {
    const text = [
      'export const answer = (): number => {',
      '  // Hide: all',
      '  return 42;',
      '  // Hide: none',
      '};',
      '',
    ].join('\n');
    expect(stub(text)).toContain("throw new Error('not implemented yet: write answer()');");
  });

  test('a region in a class body becomes a placeholder only', () => {
    const text = ['class A {', '  // Hide: all', '  private v = new Float64Array(2);', '  // Hide: none', '}', ''].join(
      '\n',
    );
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
    const text = [
      "import { a, b } from './m.js';",
      "import { c } from './n.js';",
      'export function f(): number {',
      '  const x = a;',
      '  // Hide: all',
      '  return x + b + c;',
      '  // Hide: none',
      '}',
      '',
    ].join('\n');
    const out = stub(text);
    expect(out).toContain("import { a } from './m.js';");
    expect(out).not.toContain('./n.js');
  });

  test('a file without markers is returned unchanged', () => {
    const text = "// a comment that mentions Hide: all in prose\nexport const s = '// Hide: all';\n";
    expect(stub(text)).toBe(text);
  });

  test('labels hide only in their variant; solution lines show only to learners', () => {
    const text = [
      'function f(): number {',
      '  // Hide: hard',
      '  const k = 2;',
      '  // Hide: solution',
      '  const k = 0;',
      '  // Hide: none',
      '  return k;',
      '}',
      '',
    ].join('\n');
    expect(stub(text, 'normal', ['hard'])).toContain('  const k = 2;\n  const k = 0;\n');
    expect(stub(text, 'hard', ['hard'])).toContain('  // TODO: ~3 words\n  const k = 0;\n');
    expect(stub(text, 'solution', ['hard'])).toBe(
      ['function f(): number {', '  const k = 2;', '  return k;', '}', ''].join('\n'),
    );
  });
});

describe('markers are found only as real comments', () => {
  test.each([
    ['a string', "const s = '// Hide: all';"],
    ['a string, near misses', "const s = '/* Hide: all */ /// Hide: all // Hide all';"],
    ['a template literal', 'const s = `\n// Hide: all\n`;'],
    ['a template literal, near misses', 'const s = `\n/* Hide: all */\n// Hide all\n#region Hide\n`;'],
    ['a regular expression', 'const r = /\\/\\/ Hide all/;'],
  ])('text inside %s is ignored', (_, text) => {
    expect(findRegions(text, 'x.ts')).toEqual([]);
  });

  test('a block comment that only mentions a marker further down is prose', () => {
    expect(findRegions('/**\n * Regions are marked like this:\n * // Hide: all\n */\nconst a = 1;\n', 'x.ts')).toEqual(
      [],
    );
  });

  test('any text inside a template literal is ignored, however much it looks like markers', () => {
    const piece = fc.constantFrom(
      '// Hide: all',
      '// Hide: none',
      '/* Hide: all */',
      '/// Hide',
      '// Hide all',
      '<!-- Hide -->',
      '#region Hide',
      'hide',
      ':',
      '\n',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `const s = \`${pieces.join('')}\`;\n`;
        expect(findRegions(text, 'x.ts')).toEqual([]);
      }),
    );
  });
});

describe('comments that look like markers but are not are errors, with the marker they were meant as', () => {
  // What an instructor may type instead of a marker; each would ship the lines below it to learners.
  test.each([
    ['/// Hide: all', '// Hide: all', /more than two slashes/],
    ['//// Hide: none', '// Hide: none', /more than two slashes/],
    ['// Hide all', '// Hide: all', /not followed by a colon/],
    ['// Hide; all', '// Hide: all', /not followed by a colon/],
    ['// HIDE - all', '// Hide: all', /not followed by a colon/],
    ['// hide = all', '// Hide: all', /not followed by a colon/],
    ['// Hide：all', '// Hide: all', /not followed by a colon/],
    ['// Hide, none', '// Hide: none', /not followed by a colon/],
    ['// Hide al', '// Hide: all', /not followed by a colon/],
    ['// Hide hrad', '// Hide: hard', /not followed by a colon/],
    ['// Hide', '// Hide: all', /no colon and no label/],
    ['/* Hide: all */', '// Hide: all', /is a block comment/],
    ['/** Hide: solution */', '// Hide: solution', /is a block comment/],
    ['/*\n * Hide: none\n */', '// Hide: none', /is a block comment/],
    ['/* // Hide: all */', '// Hide: all', /is a block comment/],
    ['// #region Hide', '// Hide: all', /#region` markers are not supported/],
    ['//#region Hide: hard', '// Hide: hard', /#region` markers are not supported/],
  ])('`%s`', (comment, suggestion, problem) => {
    const error = sourceError(`const a = 1;\n  ${comment}\nconst b = 2;\n`, ['hard']);
    expect(error.message).toMatch(/^lesson\.ts:2:3: /);
    expect(error.problem).toMatch(problem);
    expect(error.problem).toContain('would reach learners');
    expect(error.fix).toContain(`did you mean \`${suggestion}\`?`);
  });

  test('a near miss after code on the same line is caught too', () => {
    expect(sourceError('const a = 1; /* Hide: all */\n').message).toMatch(/^lesson\.ts:1:14: .*block comment/);
  });

  test('`// Hide:` with nothing and a misspelt label suggest the marker', () => {
    expect(sourceError('const a = 1;\n// Hide:\n').fix).toMatch(/did you mean `\/\/ Hide: all`/);
    expect(sourceError('// Hide: al\nconst a = 1;\n// Hide: none\n').fix).toMatch(/did you mean `all`/);
  });

  test.each([
    '// hide the cursor',
    '// Hides the velocity',
    '// hidden state, kept between steps',
    '// hide all columns below the fold',
    '// Hide, then show it again',
    '// hide() is called on resize',
    '// hide it',
    '/** Hide the velocity from callers */',
    '/* hiding is done by the caller */',
    '// #endregion',
    '// #region helpers',
    '// we hide: nothing',
  ])('prose is left alone: `%s`', (comment) => {
    expect(findRegions(`const a = 1;\n${comment}\nconst b = 2;\n`, 'x.ts', ['hard'])).toEqual([]);
  });

  test('valid markers may space and case as they like', () => {
    for (const marker of ['//Hide:all', '// Hide : all', '//   hide:   ALL', '// HIDE: All']) {
      const text = `function f(): void {\n  ${marker}\n  g();\n  // Hide: none\n}\n`;
      expect(findRegions(text, 'x.ts').map((r) => r.labels)).toEqual([['all']]);
    }
  });

  const known = knownLabels(['hard']);
  const label = fc.constantFrom('all', 'none', 'solution', 'hard');
  const spaces = fc.stringMatching(/^ {0,3}$/);
  const anyCase = (word: string) =>
    fc
      .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
      .map((up) => [...word].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));

  test('property: every spelling of `//`, Hide, colon and a label is a marker of that label', () => {
    fc.assert(
      fc.property(spaces, anyCase('hide'), spaces, spaces, label, (a, hide, b, c, l) => {
        expect(readComment(`//${a}${hide}${b}:${c}${l}`, 'line', known)).toEqual({
          kind: 'marker',
          rawLabels: `${c}${l}`,
        });
      }),
    );
  });

  // Ways to get a marker wrong: each keeps `hide` and the label, and must be caught with that label suggested.
  const mistakes: Array<(hide: string, l: string) => string> = [
    (hide, l) => `/// ${hide}: ${l}`,
    (hide, l) => `/* ${hide}: ${l} */`,
    (hide, l) => `/** ${hide}: ${l} */`,
    (hide, l) => `// ${hide} ${l}`,
    (hide, l) => `// ${hide}; ${l}`,
    (hide, l) => `// ${hide} - ${l}`,
    (hide, l) => `// ${hide}=${l}`,
    (hide, l) => `// #region ${hide}: ${l}`,
  ];

  test('property: a marker gotten wrong in any of these ways is an error at its line suggesting the right one', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: mistakes.length - 1 }),
        anyCase('hide'),
        label,
        fc.nat({ max: 4 }),
        (which, hide, l, above) => {
          const text = `${'const a = 1;\n'.repeat(above)}  ${mistakes[which]!(hide, l)}\nconst b = 2;\n`;
          const error = sourceError(text, ['hard']);
          expect(error.line).toBe(above + 1);
          expect(error.column).toBe(3);
          expect(error.fix).toContain(`did you mean \`// Hide: ${l}\`?`);
        },
      ),
    );
  });

  test('property: a comment whose first word is not `hide` is prose, whatever follows', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((w) => !/^hide$/i.test(w));
    const tail = fc
      .array(fc.constantFrom('Hide', 'hide:', 'all', 'none', ';', ':', '-', ' '), { maxLength: 6 })
      .map((t) => t.join(' '));
    fc.assert(
      fc.property(word, tail, fc.constantFrom('line', 'block') as fc.Arbitrary<'line' | 'block'>, (w, t, syntax) => {
        const raw = syntax === 'line' ? `// ${w} ${t}` : `/* ${w} ${t} */`;
        expect(readComment(raw, syntax, known)).toEqual({ kind: 'prose' });
      }),
    );
  });

  test('property: `hide` followed by a word that is no label (nor a typo of one) is prose', () => {
    const word = fc.stringMatching(/^[a-z]{5,10}$/).filter((w) => !looksLikeMarker(`hide ${w}`, known));
    fc.assert(
      fc.property(word, fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 4 }), (w, more) => {
        expect(readComment(`// hide ${[w, ...more].join(' ')}`, 'line', known)).toEqual({ kind: 'prose' });
      }),
    );
    // …and the filter above leaves almost every word through: prose is not flagged wholesale.
    const sample = fc.sample(fc.stringMatching(/^[a-z]{5,10}$/), { numRuns: 500, seed: 1 });
    expect(sample.filter((w) => looksLikeMarker(`hide ${w}`, known)).length).toBeLessThan(10);
  });

  test('comment words drop the comment punctuation only', () => {
    expect(commentWords('/// Hide: all', 'line')).toBe('Hide: all');
    expect(commentWords('/**\n * Hide: none\n */', 'block')).toBe('Hide: none');
    expect(commentWords('// #region Hide', 'line')).toBe('Hide');
    expect(commentWords('<!-- Hide all -->', 'html')).toBe('Hide all');
  });
});

describe('a region must hold whole declarations and statements', () => {
  const cut = (lines: string[]) =>
    sourceError(lines.join('\n'), [], (text) => expectWholeSyntax(text, 'lesson.ts', findRegions(text, 'lesson.ts')));

  test('one that runs from the end of a function into the next is refused: the stub would merge them', () => {
    const error = cut([
      'function a(): number {',
      '  const x = 1;',
      '  // Hide: all',
      '  return x;',
      '}',
      '',
      'function b(): number {',
      '  // Hide: none',
      '  return 2;',
      '}',
      '',
    ]);
    expect(error.message).toMatch(
      /^lesson\.ts:3:3: the region opened by `\/\/ Hide: all` starts inside `a\(\)` and ends inside `b\(\)`, so the stub would merge/,
    );
    expect(error.fix).toBe(
      'close the region before the end of `a()` (above line 5) and open another in `b()` (below line 7)',
    );
  });

  test.each([
    [
      'methods of a class',
      [
        'class A {',
        '  f(): void {',
        '    // Hide: all',
        '    g();',
        '  }',
        '  h(): void {',
        '    // Hide: none',
        '  }',
        '}',
        '',
      ],
      /starts inside `A\.f\(\)` and ends inside `A\.h\(\)`/,
    ],
    [
      'the branches of an `if`',
      [
        'function f(x: boolean): void {',
        '  if (x) {',
        '    // Hide: all',
        '    g();',
        '  } else {',
        '    h();',
        '    // Hide: none',
        '  }',
        '}',
        '',
      ],
      /starts inside the `if` branch at line 2 and ends inside the `else` branch at line 5/,
    ],
    [
      'the end of a function only',
      ['function a(): void {', '  g();', '  // Hide: all', '  h();', '}', 'const k = 1;', '// Hide: none', ''],
      /starts inside `a\(\)` and ends after it/,
    ],
    [
      'the head of a function only',
      ['// Hide: all', 'function a(): void {', '  g();', '  // Hide: none', '  h();', '}', ''],
      /starts before `a\(\)` and ends inside it/,
    ],
    [
      'two arrow functions passed to a call',
      ['run(() => {', '  g();', '  // Hide: all', '  h();', '}, () => {', '  // Hide: none', '  k();', '});', ''],
      /starts inside the arrow function at line 1 and ends inside the arrow function at line 5/,
    ],
  ])('so is one that cuts %s', (_, lines, message) => {
    expect(cut(lines).problem).toMatch(message);
  });

  test.each([
    [
      'whole functions at the top level',
      ['// Hide: all', 'function a(): void {}', 'function b(): void {}', '// Hide: none', ''],
    ],
    [
      'the tail of a body',
      [
        'function a(): number {',
        '  const x = 1;',
        '  // Hide: all',
        '  const y = x + 1;',
        '  return y;',
        '  // Hide: none',
        '}',
        '',
      ],
    ],
    [
      'class members',
      ['class A {', '  // Hide: all', '  private v = 1;', '  f(): void {}', '  // Hide: none', '}', ''],
    ],
    ['arguments of a call', ['f(', '  // Hide: all', '  1,', '  2,', '  // Hide: none', ');', '']],
  ])('a region holding %s is fine', (_, lines) => {
    const text = lines.join('\n');
    expect(() => expectWholeSyntax(text, 'x.ts', findRegions(text, 'x.ts'))).not.toThrow();
  });

  test('property: markers anywhere among the lines of several functions cut exactly when they open and close in different places', () => {
    // The file: functions f0…f(n-1), each with a few statements. A marker goes before a line; the place of a line is
    // the function it is inside (its statements and closing brace) or the top level (a header, the end of the file).
    const shape = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(shape, fc.nat(), fc.nat(), (sizes, x, y) => {
        const lines: Array<{ text: string; place: number | 'top' }> = [];
        sizes.forEach((size, f) => {
          lines.push({ text: `function f${f}(): void {`, place: 'top' });
          for (let i = 0; i < size; i++) lines.push({ text: `  g${f}_${i}();`, place: f });
          lines.push({ text: '}', place: f });
        });
        lines.push({ text: '', place: 'top' });
        const open = x % (lines.length - 1);
        const close = open + 1 + (y % (lines.length - 1 - open));
        const withMarkers = lines.flatMap((line, i) => [
          ...(i === open ? ['// Hide: all'] : []),
          ...(i === close ? ['// Hide: none'] : []),
          line.text,
        ]);
        const text = withMarkers.join('\n');
        const regions = findRegions(text, 'x.ts');
        const cuts = lines[open]!.place !== lines[close]!.place;
        if (!cuts) expect(() => expectWholeSyntax(text, 'x.ts', regions)).not.toThrow();
        else {
          const error = sourceError(text, [], (t) => expectWholeSyntax(t, 'x.ts', findRegions(t, 'x.ts')));
          expect(error.line).toBe(open + 1);
          const inside = (place: number | 'top') => (place === 'top' ? null : `\`f${place}()\``);
          for (const place of [lines[open]!.place, lines[close]!.place])
            if (inside(place)) expect(error.problem).toContain(inside(place));
        }
      }),
      { numRuns: 300 },
    );
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
    fc.record({
      hidden: fc.constant(true),
      names: fc.array(identifier, { minLength: 1, maxLength: 3 }),
      label: fc.constantFrom('all', 'solution'),
    }),
  );

  const render = (blocks: Array<{ hidden: boolean; names: string[]; label?: string }>, eol: string) => {
    let secret = 0;
    const lines: string[] = [];
    const solutionLines: string[] = [];
    for (const b of blocks) {
      if (b.hidden) lines.push(`  // Hide: ${b.label}`);
      for (const name of b.names) {
        const line = b.hidden
          ? `  const ${name}_secret${secret++} = ${b.label === 'all' ? 1 : 2};`
          : `  const ${name}_open = 0;`;
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
