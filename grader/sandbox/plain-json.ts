// The JSON text of what leaves the sandbox, written with functions taken before any learner code loads: a toJSON
// put on Object.prototype or Array.prototype, a setter or a replaced built-in cannot change what the grader reads.

import { decodeNumbers } from './sandbox-protocol.js';

const { isArray } = Array;
const parse = JSON.parse;
const { getOwnPropertyDescriptor, hasOwn } = Object;
const { ownKeys } = Reflect;
const { isFinite } = Number;
// On a string, JSON.stringify quotes it and looks nothing up.
const quote: (text: string) => string = JSON.stringify;

/** Deeper than any driver's output: a cycle, or a learner's value nested on purpose, stops here. */
export const MAX_DEPTH = 100;

/** A property's value when it is an own data property; undefined for an accessor (never called) or none. */
function ownValue(object: object, key: string | number): unknown {
  const property = getOwnPropertyDescriptor(object, key);
  return property !== undefined && hasOwn(property, 'value') ? property.value : undefined;
}

/**
 * `value` as JSON.stringify(value, encodeNumbers) writes it (NaN and ±Infinity as strings), reading own data
 * properties only: no toJSON is called, no getter, no method that learner code could have replaced. An accessor is
 * left out as undefined is. Undefined where JSON.stringify gives undefined (undefined, a function, a symbol).
 * Throws a TypeError on a BigInt and a RangeError below MAX_DEPTH levels of nesting.
 */
export function plainJson(value: unknown, depth = 0): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return isFinite(value) ? `${value}` : quote(`${value}`);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('a BigInt cannot be sent as JSON: use a number');
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (depth >= MAX_DEPTH) throw new RangeError(`a value nested more than ${MAX_DEPTH} levels deep cannot be sent`);
  if (isArray(value)) {
    const length = ownValue(value, 'length') as number;
    let text = '[';
    for (let i = 0; i < length; i++) text += `${i > 0 ? ',' : ''}${plainJson(ownValue(value, i), depth + 1) ?? 'null'}`;
    return `${text}]`;
  }
  const keys = ownKeys(value);
  let text = '{';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (typeof key !== 'string' || getOwnPropertyDescriptor(value, key)?.enumerable !== true) continue;
    const json = plainJson(ownValue(value, key), depth + 1);
    if (json !== undefined) text += `${text === '{' ? '' : ','}${quote(key)}:${json}`;
  }
  return `${text}}`;
}

/** `value` as the grader will read it: a copy through plainJson, NaN and ±Infinity restored; undefined stays so. */
export const plainCopy = (value: unknown): unknown =>
  value === undefined ? undefined : parse(plainJson(value) ?? 'null', decodeNumbers);
