// Keeps sandboxed processes started ahead of time in the grading process and runs each suite's session there:
// Node.js boots while vitest starts, and test workers never load esbuild. Workers reach the broker over a
// BroadcastChannel, which exists only between the threads of this process: no socket or file that a sandbox
// (another process) could find and talk to.
import { BroadcastChannel } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import {
  bundleAndRun,
  prepareBundles,
  type BundleMemo,
  type SandboxSource,
  type SessionRequest,
} from './bundle-and-run.js';
import { prewarmBundler } from './bundler-process.js';
import type { BrokerMessage } from './broker-client.js';
import { openSandbox, SandboxStartError, sandboxFoldersRemoved, type Sandbox } from './run-sandboxed.js';
import { IdleSandboxes } from './idle-sandboxes.js';
import { SparePool } from './spare-pool.js';

/**
 * Processes kept for their submission's next session, at most: each holds a Node.js heap. Two for each submission
 * of a class's batch (grade-class.ts): a class of 100 took 27 s with 16, 28 s with 12, 33 s with 8.
 */
const IDLE_LIMIT = 16;

export interface Broker {
  /** The channel's name, for the test workers (through vitest's `provide`). */
  channelName: string;
  /** Settles when the first sandbox has booted; rejects with a SandboxStartError if none can start here. */
  booted: Promise<void>;
  /** Set when a sandbox could not start during the run: the grader's failure, to be reported as such. */
  startFailure(): SandboxStartError | undefined;
  /** Starts bundling a target's files for a run about to begin, so that its first sessions need not wait. */
  prepare(target: Pick<SessionRequest, 'dir' | 'shownAs' | 'upload'>, course: string, files: string[]): void;
  /** A run begins that will ask for about `sessions` sandboxes: no more are booted ahead than it can use. */
  beginRun(sessions: number): void;
  /** The run is over: its folders may go, and the bundles made from them with them. */
  endRun(): void;
  close(): Promise<void>;
}

/**
 * Serves sandbox runs, keeping `spares` processes booted and waiting while a run may still ask for them, and
 * `idleSpares` between runs (see SparePool).
 */
export function startBroker(spares: number, idleSpares: number): Broker {
  const channelName = `grader-sandbox-broker-${randomUUID()}`;
  const pool = new SparePool(openSandbox, spares, idleSpares);
  let failure: SandboxStartError | undefined;
  prewarmBundler();
  const booted = (async () => (await pool.first)?.booted)();
  booted.catch(() => {});
  // Processes a session left as it found them, by sandboxKey: only that submission's next sessions run there.
  const idle = new IdleSandboxes<Sandbox>(IDLE_LIMIT);
  const source: SandboxSource = idle.source(
    () => pool.take(),
    () => pool.served(),
  );

  let bundles: BundleMemo = new Map();
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = async (event) => {
    const message = (event as { data: BrokerMessage }).data;
    if (message?.kind !== 'request') return;
    const request = {
      ...message.request,
      timeLimitMs: Math.min(message.request.timeLimitMs, TIME_LIMIT_SECONDS * 1000),
    };
    try {
      channel.postMessage({
        kind: 'response',
        id: message.id,
        response: await bundleAndRun(request, source, bundles),
      } satisfies BrokerMessage);
    } catch (error) {
      if (error instanceof SandboxStartError) failure ??= error;
      const problem = error instanceof Error ? error.message : String(error);
      channel.postMessage({ kind: 'response', id: message.id, problem } satisfies BrokerMessage);
    }
  };
  return {
    channelName,
    booted,
    startFailure: () => failure,
    prepare: (target, course, files) => prepareBundles(target, course, files, bundles),
    beginRun: (sessions) => pool.beginRun(sessions),
    endRun() {
      bundles = new Map();
      void Promise.all(idle.disposeAll());
      pool.endRun();
    },
    async close() {
      channel.close();
      await Promise.all([...idle.disposeAll(), ...pool.drain().map(async (sandbox) => (await sandbox).dispose())]);
      await sandboxFoldersRemoved();
    },
  };
}
