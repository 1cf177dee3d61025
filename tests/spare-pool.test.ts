// The sandboxes booted ahead of the sessions (grader/sandbox/spare-pool.ts): one per session a run asks for and
// none more, and between runs only what watch mode keeps for the next save.
import { expect, test } from 'vitest';
import { SparePool } from '../grader/sandbox/spare-pool.js';

/** A pool over numbered stand-ins for sandboxes, counting how many were booted. */
function pool(spares: number, idleSpares: number) {
  let booted = 0;
  const sparePool = new SparePool(() => Promise.resolve(++booted), spares, idleSpares);
  return { pool: sparePool, booted: () => booted };
}

test('one spare boots while the grader starts, and a run of six sessions boots six sandboxes in all', async () => {
  const { pool: spares, booted } = pool(1, 0);
  expect(booted()).toBe(1);
  spares.beginRun(6);
  const taken = await Promise.all(Array.from({ length: 6 }, () => spares.take()));
  expect(taken).toEqual([1, 2, 3, 4, 5, 6]);
  expect(booted()).toBe(6);
  spares.endRun();
  expect(booted()).toBe(6);
  expect(spares.drain()).toEqual([]);
});

test('a single session boots one sandbox, not a second to throw away', async () => {
  const { pool: spares, booted } = pool(1, 0);
  spares.beginRun(1);
  await spares.take();
  spares.endRun();
  expect(booted()).toBe(1);
});

test('watch mode keeps one booted between runs, ready for the next save', async () => {
  const { pool: spares, booted } = pool(1, 1);
  spares.beginRun(2);
  await spares.take();
  await spares.take();
  expect(booted()).toBe(2);
  spares.endRun();
  expect(booted()).toBe(3);
  spares.beginRun(1);
  expect(await spares.take()).toBe(3);
  expect(booted()).toBe(3);
});

test('a run asking for more than it said still gets its sandboxes, started when asked', async () => {
  const { pool: spares, booted } = pool(1, 0);
  spares.beginRun(1);
  await spares.take();
  expect(await spares.take()).toBe(2);
  expect(booted()).toBe(2);
});

test('a run that asks for fewer leaves its spares to be disposed of', async () => {
  const { pool: spares } = pool(2, 0);
  spares.beginRun(5);
  await spares.take();
  spares.endRun();
  expect(await Promise.all(spares.drain())).toEqual([2, 3]);
});
