// "Did you mean …?": the edit distance behind it, by its defining properties, and the suggestion it makes.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { closestName, editDistance } from '../grader/course/closest-name.js';

const word = fc.string({ unit: fc.constantFrom(...'abcdefg-'), maxLength: 12 });

test('the edit distance is zero exactly for equal names, symmetric, and bounded by the lengths', () => {
  fc.assert(
    fc.property(word, word, (a, b) => {
      const d = editDistance(a, b);
      expect(d === 0).toBe(a === b);
      expect(editDistance(b, a)).toBe(d);
      expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }),
  );
});

test('one letter added, dropped, changed, or two neighbours swapped is one edit', () => {
  fc.assert(
    fc.property(
      word.filter((w) => w.length >= 2),
      fc.nat(),
      (w, at) => {
        const i = at % (w.length - 1);
        const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        expect(editDistance(w, swapped)).toBe(w[i] === w[i + 1] ? 0 : 1);
        expect(editDistance(w, w.slice(0, i) + w.slice(i + 1))).toBe(1);
        expect(editDistance(w, w.slice(0, i) + 'z' + w.slice(i))).toBe(1);
        expect(editDistance(w, w.slice(0, i) + 'z' + w.slice(i + 1))).toBe(1);
      },
    ),
  );
});

test('the suggestion is the one nearest name within two edits, and none when two are as near', () => {
  const ids = ['sgd', 'momentum', 'rmsprop', 'adam', 'value', 'mlp'];
  expect(closestName('sdg', ids)).toBe('sgd');
  expect(closestName('ADMA', ids)).toBe('adam');
  expect(closestName('momentm', ids)).toBe('momentum');
  expect(closestName('xyz', ids)).toBeUndefined();
  expect(closestName('ab', ['abc', 'abd'])).toBeUndefined();
  expect(closestName('taget', ['target', 'format', 'out'])).toBe('target');
  // Two edits in four letters change half the word: --host is another option, not a typo of --port.
  expect(closestName('host', ['port', 'help'])).toBeUndefined();
  expect(closestName('prot', ['port', 'help'])).toBe('port');
  expect(closestName('sg', ids)).toBe('sgd');
});
