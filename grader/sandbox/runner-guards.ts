// What the runner takes away from the learner's code before loading it, inside the sandboxed process: the
// `process` object (exit, kill, env, getBuiltinModule, binding), the network globals and the console's streams.
// Imports of Node.js modules are refused when bundling (a computed import() becomes a require(), which an ES module
// lacks), and code from strings is disallowed by a flag, so learner code has no way left to a built-in module, a
// file descriptor, a socket or a signal. And how the runner tells that a session changed no built-in, so that the
// next one may run in the same process.
export function withdrawGlobals(): void {
  for (const name of NETWORK_GLOBALS) Reflect.deleteProperty(globalThis, name);
  // Opened now, not at the learner's first print: a pipe opened during a session would keep its process from being
  // reused (the runner finds a handle that was not there before).
  void [process.stdout, process.stderr];
  Reflect.deleteProperty(globalThis, 'process');
  Reflect.defineProperty(globalThis, 'console', {
    value: streamlessConsole(console),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/** The methods of the Console standard (console.spec.whatwg.org): what a learner prints with. */
const CONSOLE_METHODS = [
  'assert',
  'clear',
  'count',
  'countReset',
  'debug',
  'dir',
  'dirxml',
  'error',
  'group',
  'groupCollapsed',
  'groupEnd',
  'info',
  'log',
  'table',
  'time',
  'timeEnd',
  'timeLog',
  'trace',
  'warn',
] as const;

/**
 * A console that prints through `original` and holds nothing else. Node.js's own keeps the process's stdout and
 * stderr as `_stdout` and `_stderr`: sockets whose constructor (net.Socket) and handle (a libuv pipe) open any
 * file descriptor or connect to any Unix socket, which Node.js's permission model does not check. A learner's
 * prints still reach the grader's pipes, as before.
 */
function streamlessConsole(original: Console): Console {
  const { apply } = Reflect;
  const printer: Partial<Record<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>> = {};
  for (const name of CONSOLE_METHODS) {
    const method = original[name] as (...args: unknown[]) => void;
    if (typeof method === 'function') printer[name] = (...args) => void apply(method, original, args);
  }
  return printer as Console;
}

/**
 * fetch, WebSocket and EventSource, and the classes of their module. From Node.js 22 on, a first read of any of
 * them loads that module, which makes an HTTP client at once: a global of its own (so every process would look
 * changed after its first session) and an HTTP parser whose memory the sandbox's limits refuse, which ends the
 * process a moment later, in whatever session is running. Taken away unread, they never load.
 */
const NETWORK_GLOBALS = [
  'fetch',
  'WebSocket',
  'EventSource',
  'Headers',
  'Request',
  'Response',
  'FormData',
  'MessageEvent',
  'CloseEvent',
] as const;

// Taken when this module loads, before any learner code. The look below calls nothing else that learner code could
// replace (no array or set methods, no iterators): indexes and own properties only, so it cannot be made to lie.
const { ownKeys, getPrototypeOf, isExtensible } = Reflect;
const { getOwnPropertyDescriptor, is } = Object;
const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * The built-ins as they are now, to compare with a later look: the global object, every object or function it
 * holds and their prototypes, each with its prototype, extensibility and every own property (value or accessors).
 */
export function realmFingerprint(): unknown[] {
  const objects: object[] = [globalThis];
  const globals = ownKeys(globalThis);
  for (let i = 0; i < globals.length; i++) {
    const value = getOwnPropertyDescriptor(globalThis, globals[i]!)?.value as unknown;
    if (!isObject(value)) continue;
    objects[objects.length] = value;
    const prototype = getOwnPropertyDescriptor(value, 'prototype')?.value as unknown;
    if (isObject(prototype)) objects[objects.length] = prototype;
  }
  const print: unknown[] = [];
  const add = (value: unknown) => void (print[print.length] = value);
  for (let o = 0; o < objects.length; o++) {
    const object = objects[o]!;
    add(object);
    add(getPrototypeOf(object));
    add(isExtensible(object));
    const keys = ownKeys(object);
    for (let k = 0; k < keys.length; k++) {
      const descriptor = getOwnPropertyDescriptor(object, keys[k]!)!;
      add(keys[k]);
      add(descriptor.value);
      add(descriptor.get);
      add(descriptor.set);
      add(descriptor.writable);
      add(descriptor.configurable);
    }
  }
  return print;
}

export function sameFingerprint(before: unknown[], after: unknown[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (!is(before[i], after[i])) return false;
  return true;
}
