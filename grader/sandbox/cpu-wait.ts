// How long a sandbox waited for a CPU while it was ready to run (Linux's schedstat), so that a session's time limit
// counts the learner's own time: on a busy machine (a class graded with more jobs than cores, a loaded CI runner)
// correct code is not stopped for the time the machine gave to other processes.
import { readdir, readFile } from 'node:fs/promises';

/** Run-queue waits so far, in ms, by thread id: every thread of the sandbox's process and the processes below it. */
export type CpuWaits = ReadonlyMap<number, number>;

/** The second field of /proc/<pid>/schedstat: nanoseconds spent ready to run but waiting for a CPU. */
export function parseSchedstat(text: string): number | undefined {
  const waitNs = Number(text.trim().split(/\s+/)[1]);
  return Number.isFinite(waitNs) ? waitNs / 1e6 : undefined;
}

/**
 * The longest wait any one thread of the sandbox added since `before`. Not their sum: threads wait side by side, and
 * the wrappers only wait for Node.js. The learner's code runs on Node.js's main thread, which also waits for the
 * garbage collector's threads: one of theirs may be the longest.
 */
export function waitedSince(before: CpuWaits, now: CpuWaits): number {
  let longest = 0;
  for (const [tid, ms] of now) longest = Math.max(longest, ms - (before.get(tid) ?? 0));
  return longest;
}

/**
 * When a session given `limitMs` of its own time is stopped, counted from its start: later by the time it waited
 * for a CPU, but never later than twice the limit, so that code that never ends costs a busy machine a bounded time.
 */
export const deadlineMs = (limitMs: number, waitedMs: number): number =>
  limitMs + Math.min(Math.max(0, waitedMs), limitMs);

const read = (file: string): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined);

/**
 * The waits of `pid` and the processes below it (the sandbox's wrappers start Node.js as their child). Empty where
 * the system keeps no such counts (not Linux, or /proc hidden): the limit is then plain wall-clock time.
 */
export async function cpuWaits(pid: number | undefined): Promise<CpuWaits> {
  const waits = new Map<number, number>();
  const visit = async (id: number, depth: number): Promise<void> => {
    const threads = await readdir(`/proc/${id}/task`).catch(() => [] as string[]);
    const [children] = await Promise.all([
      depth < 4 ? read(`/proc/${id}/task/${id}/children`) : undefined,
      ...threads.map(async (tid) => {
        const stat = await read(`/proc/${id}/task/${tid}/schedstat`);
        const ms = stat === undefined ? undefined : parseSchedstat(stat);
        if (ms !== undefined) waits.set(Number(tid), ms);
      }),
    ]);
    const below = (children ?? '').split(/\s+/).filter(Boolean).map(Number);
    await Promise.all(below.map((child) => visit(child, depth + 1)));
  };
  if (pid !== undefined) await visit(pid, 0);
  return waits;
}
