// The processes kept between one submission's sessions (grader/sandbox/idle-sandboxes.ts): handed back only under the
// key they were given with, only when their runner found them reusable, and never more than the limit at once.
import { expect, test } from 'vitest';
import { IdleSandboxes } from '../grader/sandbox/idle-sandboxes.js';

/** A stand-in for a sandbox: its name, whether its runner found it reusable, and whether it was ended. */
function sandbox(name: string, reusable = true) {
  const stub = { name, reusable, disposed: false, dispose: () => ((stub.disposed = true), Promise.resolve()) };
  return stub;
}

test("one submission's sandbox is never handed to another submission", () => {
  const idle = new IdleSandboxes<ReturnType<typeof sandbox>>(4);
  const alice = sandbox('alice');
  idle.give('alice', alice);
  expect(idle.take('bob')).toBeUndefined();
  expect(idle.take('alice')).toBe(alice);
  expect(idle.take('alice')).toBeUndefined();
});

test('a sandbox its runner did not find as it was is not kept', () => {
  const idle = new IdleSandboxes<ReturnType<typeof sandbox>>(4);
  idle.give('alice', sandbox('alice', false));
  expect(idle.take('alice')).toBeUndefined();
});

test('past the limit, the sandbox that waited longest is ended, and the others stay', () => {
  const idle = new IdleSandboxes<ReturnType<typeof sandbox>>(2);
  const [a, b, c] = [sandbox('a'), sandbox('b'), sandbox('c')];
  idle.give('a', a);
  idle.give('b', b);
  idle.give('c', c);
  expect(a.disposed).toBe(true);
  expect(idle.take('a')).toBeUndefined();
  expect([idle.take('b'), idle.take('c')]).toEqual([b, c]);
  expect(b.disposed || c.disposed).toBe(false);
});

test('a run that ends ends every waiting sandbox', async () => {
  const idle = new IdleSandboxes<ReturnType<typeof sandbox>>(4);
  const kept = [sandbox('a'), sandbox('a'), sandbox('b')];
  for (const s of kept) idle.give(s.name, s);
  await Promise.all(idle.disposeAll());
  expect(kept.every((s) => s.disposed)).toBe(true);
  expect(idle.take('a')).toBeUndefined();
});

test("a session's source serves the key's own waiting sandbox first, else a spare, and says when a kept one served", async () => {
  const idle = new IdleSandboxes<ReturnType<typeof sandbox>>(4);
  const spare = sandbox('spare');
  let served = 0;
  const source = idle.source(
    () => Promise.resolve(spare),
    () => served++,
  );
  const alice = sandbox('alice');
  source.give('alice', alice);
  expect(source.kept('bob')).toBeUndefined();
  expect(await source.take('alice')).toBe(alice);
  expect(await source.take('alice')).toBe(spare);
  source.give('alice', alice);
  expect(source.kept('alice')).toBe(alice);
  expect(served).toBe(2);
});
