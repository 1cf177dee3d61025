// The numbers JSON cannot carry (NaN, ±Infinity) survive the trip through encodeNumbers, whichever way the text
// is read back: the reviver for a sandbox's small results, parseWithNumbers for a course's large fixtures. What
// leaves a sandbox is written by plainJson, as JSON.stringify with encodeNumbers writes it, but past any toJSON,
// getter or built-in the learner's code replaced.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MAX_DEPTH, plainCopy, plainJson } from '../grader/sandbox/plain-json.js';
import { decodeNumbers, encodeNumbers, parseWithNumbers } from '../grader/sandbox/sandbox-protocol.js';

const numbers = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    numbers,
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
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

test('plainJson writes what JSON.stringify with encodeNumbers writes, for any plain value', () => {
  fc.assert(
    fc.property(values, (value) => {
      expect(plainJson(value)).toBe(JSON.stringify(value, encodeNumbers));
    }),
  );
  expect(plainJson(undefined)).toBeUndefined();
  expect(plainJson(() => 1)).toBeUndefined();
  expect(plainJson(new Float64Array([0.5, NaN]))).toBe(JSON.stringify(new Float64Array([0.5, NaN]), encodeNumbers));
});

test("plainJson calls no toJSON, getter or replaced built-in: the value's own data is what it writes", () => {
  const value = { steps: [[1, 2]], nan: NaN };
  const saved = { isFinite: Number.isFinite, stringify: JSON.stringify, parse: JSON.parse };
  try {
    Object.defineProperty(Array.prototype, 'toJSON', { configurable: true, value: () => 'forged' });
    Object.defineProperty(Object.prototype, 'toJSON', { configurable: true, value: () => 'forged' });
    Number.isFinite = () => true;
    JSON.stringify = () => '"forged"';
    JSON.parse = () => 'forged';
    expect(plainJson(value)).toBe('{"steps":[[1,2]],"nan":"NaN"}');
    expect(plainCopy(value)).toStrictEqual(value);
  } finally {
    Reflect.deleteProperty(Array.prototype, 'toJSON');
    Reflect.deleteProperty(Object.prototype, 'toJSON');
    Object.assign(Number, { isFinite: saved.isFinite });
    Object.assign(JSON, { stringify: saved.stringify, parse: saved.parse });
  }
  const getters = Object.defineProperty({ kept: 1 }, 'read', {
    enumerable: true,
    get: () => {
      throw new Error('a getter was called');
    },
  });
  expect(plainJson(getters)).toBe('{"kept":1}');
  expect(plainJson(Object.defineProperty([1, 2], 1, { get: () => 3 }))).toBe('[1,null]');
});

test('plainJson refuses a BigInt and a cycle, as JSON.stringify does, with an error of its own', () => {
  expect(() => plainJson({ n: 1n })).toThrow(TypeError);
  const cycle: unknown[] = [];
  cycle.push(cycle);
  expect(() => plainJson(cycle)).toThrow(
    new RangeError(`a value nested more than ${MAX_DEPTH} levels deep cannot be sent`),
  );
});
