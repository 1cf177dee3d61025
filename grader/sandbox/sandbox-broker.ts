// Keeps sandboxed processes started ahead of time in the grading process and runs each suite's session there:
// Node.js boots while vitest starts, and test workers never load esbuild. Workers reach the broker over a
// BroadcastChannel, which exists only between the threads of this process: no socket or file that a sandbox
// (another process) could find and talk to.
import { BroadcastChannel } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { bundleAndRun } from './bundle-and-run.js';
import { prewarmBundler } from './bundler-process.js';
import type { BrokerMessage } from './broker-client.js';
import { openSandbox, SandboxStartError, type Sandbox } from './run-sandboxed.js';

export interface Broker {
  /** The channel's name, for the test workers (through vitest's `provide`). */
  channelName: string;
  /** Settles when the first sandbox has booted; rejects with a SandboxStartError if none can start here. */
  booted: Promise<void>;
  /** Set when a sandbox could not start during the run: the grader's failure, to be reported as such. */
  startFailure(): SandboxStartError | undefined;
  close(): Promise<void>;
}

/** Serves sandbox runs, keeping `spares` processes booted and waiting. */
export function startBroker(spares: number): Broker {
  const channelName = `grader-sandbox-broker-${randomUUID()}`;
  const ready: Array<Promise<Sandbox>> = [];
  let failure: SandboxStartError | undefined;
  const refill = () => {
    while (ready.length < spares) ready.push(openSandbox());
  };
  refill();
  prewarmBundler();
  const booted = (async () => (await ready[0]!).booted)();
  booted.catch(() => {});
  const take = (): Promise<Sandbox> => {
    const sandbox = ready.shift() ?? openSandbox();
    refill();
    return sandbox;
  };

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
        response: await bundleAndRun(request, take()),
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
    async close() {
      channel.close();
      await Promise.all(ready.splice(0).map(async (sandbox) => (await sandbox).dispose()));
    },
  };
}
