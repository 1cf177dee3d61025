// What the runner takes away from the learner's code before loading it, inside the sandboxed process: the
// `process` object (exit, kill, env, getBuiltinModule, binding), the network globals, Intl's segmenter, the
// console's streams, and any `then` on the prototypes of what a driver returns.
// Imports of Node.js modules are refused when bundling (a computed import() becomes a require(), which an ES module
// lacks), and code from strings is disallowed by a flag, so learner code has no way left to a built-in module, a
// file descriptor, a socket or a signal. And how the runner tells that a session changed no built-in, so that the
// next one may run in the same process.
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import { PRINTED_LIMIT } from './sandbox-protocol.js';

// Taken when this module loads, before any learner code. The look below calls nothing else that learner code could
// replace (no array methods, no iterators; the set of objects seen through WeakSet's own functions, taken here):
// indexes and own properties only, so it cannot be made to lie. The learner's console counts its prints with them.
const { ownKeys, getPrototypeOf, isExtensible, apply } = Reflect;
const { getOwnPropertyDescriptor, is } = Object;
const { max } = Math;
const { captureStackTrace } = Error;
const ObjectSet = WeakSet;
const { has: seenHas, add: seenAdd } = WeakSet.prototype;
const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

const TYPED_ARRAYS: Array<{ prototype: object }> = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];
/**
 * The prototypes of what a driver's result is made of (plain objects, arrays, typed arrays). The runner awaits a
 * driver, and awaiting reads `then` on the value it returns: a `then` that learner code put on one of these would be
 * handed the result, and could hand back another.
 */
const RESULT_PROTOTYPES: object[] = [
  Object.prototype,
  Array.prototype,
  getPrototypeOf(Int8Array.prototype) as object,
  ...TYPED_ARRAYS.map((typed) => typed.prototype),
];

export function withdrawGlobals(prints: LearnerPrints): void {
  // Awaiting a promise reads its `constructor` (to decide whether to wrap it) and calls its `then`: Promise's own
  // are fixed as they are, and so is the species its derived promises take, so that the runner's await of a
  // driver's promise reaches no learner code.
  for (const key of ['then', 'constructor'] as const)
    Reflect.defineProperty(Promise.prototype, key, {
      value: Promise.prototype[key],
      writable: false,
      enumerable: false,
      configurable: false,
    });
  Reflect.defineProperty(Promise, Symbol.species, { value: Promise, writable: false, configurable: false });
  // Own, undefined, fixed for good: a result's `then` is found here, before any prototype learner code could slip
  // in above, and can be neither replaced nor removed.
  for (const proto of RESULT_PROTOTYPES)
    Reflect.defineProperty(proto, 'then', {
      value: undefined,
      writable: false,
      enumerable: false,
      configurable: false,
    });
  // No new property on the prototypes every array and object of a result inherits from: an accessor for an index
  // there ('0', '1', …) would catch each entry a driver appends (list[list.length] = x, push) before it lands, and
  // put the learner's in its place; a new `toJSON` or `output` would change how results read. Array's methods are
  // fixed too: a replaced push would hand the learner every point a driver records. Other built-ins stay
  // replaceable (the look after the session sees that).
  Object.freeze(Array.prototype);
  Reflect.preventExtensions(Object.prototype);
  for (const name of NETWORK_GLOBALS) Reflect.deleteProperty(globalThis, name);
  Reflect.deleteProperty(globalThis, 'process');
  Reflect.deleteProperty(Intl, 'Segmenter');
  Reflect.defineProperty(globalThis, 'console', {
    value: prints.console,
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

export interface LearnerPrints {
  /** The console learner code gets. */
  console: Console;
  /** What was printed since the last call, cut at PRINTED_LIMIT characters (saying how much more there was). */
  take(): string;
}

/**
 * A console for learner code that holds nothing but its print methods. Node.js's own keeps the process's stdout
 * and stderr as `_stdout` and `_stderr`: sockets whose constructor (net.Socket) and handle (a libuv pipe) open any
 * file descriptor or connect to any Unix socket, which Node.js's permission model does not check. What it prints is
 * formatted by a Console of Node.js's own writing into memory, kept for the job's result (`take`), and passed on to
 * `out` (the process's stdout, which the grader keeps for when the process ends early). `folder` is the sandbox's,
 * where the learner's files are.
 */
export function learnerPrints(out: NodeJS.WritableStream, folder: string): LearnerPrints {
  const write = out.write.bind(out);
  let kept = '';
  let more = 0;
  const sink = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      const text = `${chunk as string}`;
      const room = max(PRINTED_LIMIT - kept.length, 0);
      kept += text.length <= room ? text : apply(''.slice, text, [0, room]);
      more += max(text.length - room, 0);
      write(text);
      done();
    },
  });
  const formatter = new Console({ stdout: sink, stderr: sink, colorMode: false });
  const printer: Partial<Record<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>> = {};
  for (const name of CONSOLE_METHODS) {
    const method = formatter[name] as (...args: unknown[]) => void;
    printer[name] = (...args) => void apply(method, formatter, args);
  }
  // The runner's and the drivers' frames, and the sandbox's folder, would say nothing to a student: a trace lists
  // the frames of the learner's own files, each named as the file is in the exercise folder.
  const error = formatter.error;
  printer.trace = function trace(...args: unknown[]) {
    const holder: { stack?: string } = {};
    captureStackTrace(holder, trace);
    const frames = (holder.stack ?? '')
      .split('\n')
      .slice(1)
      .filter((frame) => /\.[cm]?tsx?:\d+:\d+\)?$/.test(frame))
      .map((frame) => frame.replaceAll(`file://${folder}/`, '').replaceAll(`${folder}/`, ''));
    apply(error, formatter, [`Trace: ${format(...args)}${frames.map((frame) => `\n${frame}`).join('')}`]);
  };
  return {
    console: printer as Console,
    take() {
      const text = more > 0 ? `${kept}… (${more} more characters)` : kept;
      kept = '';
      more = 0;
      return text;
    },
  };
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

/** The prototype of V8's call sites, which only Error.prepareStackTrace is handed. */
function callSitePrototype(): object {
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  const sites = new Error().stack as unknown as object[];
  Error.prepareStackTrace = prepare;
  return getPrototypeOf(sites[0]!) as object;
}

/** The prototype of what `make` returns, once it is made and let go (a timer cleared, say). */
function prototypeOfMade<T extends object>(make: () => T, letGo: (made: T) => void = () => {}): object {
  const made = make();
  letGo(made);
  return getPrototypeOf(made) as object;
}

/** The prototype of iterator helpers (`[].values().map(…)`), where Node.js has them (22 on). */
function iteratorHelperPrototype(): object[] {
  const values = [].values() as unknown as { map?: (f: (x: unknown) => unknown) => object };
  return typeof values.map === 'function' ? [prototypeOfMade(() => values.map!((x) => x))] : [];
}

/**
 * Objects of the realm that no global leads to through properties and prototypes: the prototypes of the built-in
 * iterators, generators and async functions, of Node.js's timers and immediates, V8's call sites and the iterators of
 * URLSearchParams and web streams, reached here through values made for the purpose. The look is a second guard: a
 * process that ran a hidden test's job never runs a visible test's again (bundle-and-run.ts).
 * Intl's segments are not here: making one loads ICU's break-iterator data, about a tenth of a sandbox's start
 * (9–30 ms), for an API no exercise needs, so `Intl.Segmenter` is withdrawn instead and no segment is ever made.
 */
const UNNAMED_INTRINSICS = [
  getPrototypeOf([][Symbol.iterator]()),
  getPrototypeOf(new Map()[Symbol.iterator]()),
  getPrototypeOf(new Set()[Symbol.iterator]()),
  getPrototypeOf(''[Symbol.iterator]()),
  getPrototypeOf(/./[Symbol.matchAll]('')),
  getPrototypeOf(function* () {}),
  getPrototypeOf(async function () {}),
  getPrototypeOf(async function* () {}),
  prototypeOfMade(() => setTimeout(() => {}, 0), clearTimeout),
  prototypeOfMade(() => setImmediate(() => {}), clearImmediate),
  callSitePrototype(),
  prototypeOfMade(() => new URLSearchParams().entries()),
  prototypeOfMade(() => (new ReadableStream() as unknown as { values(): object }).values()),
  // Iterator helpers, from Node.js 22 on.
  ...iteratorHelperPrototype(),
] as object[];

/**
 * The realm as it is now, to compare with a later look: every object reachable from the global object and the
 * intrinsics above, through own properties (values and accessors) and prototypes, each with its prototype,
 * extensibility and every own property's descriptor. Learner code can then leave nothing behind for a later
 * session, not on a built-in function nor on a prototype no global names, that the next look would not see.
 */
export function realmFingerprint(): unknown[] {
  const seen = new ObjectSet<object>();
  const queue: object[] = [];
  const visit = (value: unknown) => {
    if (isObject(value) && !apply(seenHas, seen, [value])) {
      apply(seenAdd, seen, [value]);
      queue[queue.length] = value;
    }
  };
  visit(globalThis);
  for (let i = 0; i < UNNAMED_INTRINSICS.length; i++) visit(UNNAMED_INTRINSICS[i]);
  const print: unknown[] = [];
  const add = (value: unknown) => void (print[print.length] = value);
  for (let o = 0; o < queue.length; o++) {
    const object = queue[o]!;
    const prototype = getPrototypeOf(object);
    add(object);
    add(prototype);
    add(isExtensible(object));
    visit(prototype);
    const keys = ownKeys(object);
    for (let k = 0; k < keys.length; k++) {
      const descriptor = getOwnPropertyDescriptor(object, keys[k]!)!;
      add(keys[k]);
      add(descriptor.value);
      add(descriptor.get);
      add(descriptor.set);
      add(descriptor.writable);
      add(descriptor.enumerable);
      add(descriptor.configurable);
      visit(descriptor.value);
      visit(descriptor.get);
      visit(descriptor.set);
    }
  }
  return print;
}

export function sameFingerprint(before: unknown[], after: unknown[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (!is(before[i], after[i])) return false;
  return true;
}
