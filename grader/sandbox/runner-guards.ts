// What the runner takes away from the learner's code before loading it, inside the sandboxed process: the
// `process` object (exit, kill, env, getBuiltinModule, binding) and the network globals. Static and literal
// dynamic imports of Node.js modules are refused when bundling, and code from strings is disallowed by a flag,
// so learner code has no way left to a built-in module, a file descriptor or a signal.
export const MESSAGE_LIMIT = 2 * 1024;

/** Cuts text the learner's code produced (an exception message, a file name) to a length a report can carry. */
export function capText(text: string, limit = MESSAGE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (cut: ${text.length - limit} more characters)`;
}

/** Removes the globals learner code could use to reach outside its sandbox; returns the process for the runner. */
export function withdrawGlobals(): NodeJS.Process {
  const own = globalThis.process;
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'process'] as const) {
    Reflect.deleteProperty(globalThis, name);
  }
  return own;
}
