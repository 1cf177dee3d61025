// What the runner takes away from the learner's code before loading it, inside the sandboxed process: the
// `process` object (exit, kill, env, getBuiltinModule, binding) and the network globals. Imports of Node.js
// modules are refused when bundling (a computed import() becomes a require(), which an ES module lacks), and
// code from strings is disallowed by a flag, so learner code has no way left to a built-in module, a file
// descriptor or a signal.
export function withdrawGlobals(): void {
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'process'] as const)
    Reflect.deleteProperty(globalThis, name);
}
