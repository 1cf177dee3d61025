// The numbers JSON cannot carry (NaN, ±Infinity) survive the trip through encodeNumbers, whichever way the text
// is read back: the reviver for a sandbox's small results, parseWithNumbers for a course's large fixtures.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decodeNumbers, encodeNumbers, parseWithNumbers } from '../grader/sandbox/sandbox-protocol.js';

const numbers = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    numbers,
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
})).value;

test('parseWithNumbers reads encodeNumbers text exactly as JSON.parse with decodeNumbers does', () => {
  fc.assert(
    fc.property(values, (value) => {
      const text = JSON.stringify(value, encodeNumbers) ?? 'null';
      expect(parseWithNumbers(text)).toStrictEqual(JSON.parse(text, decodeNumbers));
    }),
  );
});

test('non-finite numbers come back as numbers, at any depth, in arrays and objects alike', () => {
  const text = JSON.stringify({ a: [1, NaN, { b: -Infinity }], c: Infinity, d: 'text' }, encodeNumbers);
  expect(text).toBe('{"a":[1,"NaN",{"b":"-Infinity"}],"c":"Infinity","d":"text"}');
  expect(parseWithNumbers(text)).toStrictEqual({ a: [1, NaN, { b: -Infinity }], c: Infinity, d: 'text' });
  expect(parseWithNumbers('"NaN"')).toBeNaN();
});
