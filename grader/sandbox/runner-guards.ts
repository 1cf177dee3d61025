// What the runner takes away from the learner's code before loading it, inside the sandboxed process: the
// `process` object (exit, kill, env, getBuiltinModule, binding) and the network globals. Imports of Node.js
// modules are refused when bundling (a computed import() becomes a require(), which an ES module lacks), and
// code from strings is disallowed by a flag, so learner code has no way left to a built-in module, a file
// descriptor or a signal. And how the runner tells that a session changed no built-in, so that the next one
// may run in the same process.
export function withdrawGlobals(): void {
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'process'] as const)
    Reflect.deleteProperty(globalThis, name);
}

// Taken when this module loads, before any learner code: code that replaces them cannot hide its changes.
const { ownKeys, getPrototypeOf, isExtensible } = Reflect;
const { getOwnPropertyDescriptor } = Object;
const { is } = Object;
const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * The built-ins as they are now, to compare with a later look: the global object, every object or function it
 * holds and their prototypes, each with its prototype, extensibility and every own property (value or accessors).
 */
export function realmFingerprint(): unknown[] {
  const objects = new Set<object>([globalThis]);
  for (const key of ownKeys(globalThis)) {
    const value = getOwnPropertyDescriptor(globalThis, key)?.value as unknown;
    if (!isObject(value)) continue;
    objects.add(value);
    const prototype = getOwnPropertyDescriptor(value, 'prototype')?.value as unknown;
    if (isObject(prototype)) objects.add(prototype);
  }
  const print: unknown[] = [];
  for (const object of objects) {
    print.push(object, getPrototypeOf(object), isExtensible(object));
    for (const key of ownKeys(object)) {
      const descriptor = getOwnPropertyDescriptor(object, key)!;
      print.push(key, descriptor.value, descriptor.get, descriptor.set, descriptor.writable, descriptor.configurable);
    }
  }
  return print;
}

export function sameFingerprint(before: unknown[], after: unknown[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (!is(before[i], after[i])) return false;
  return true;
}
