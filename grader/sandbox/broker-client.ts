// The test workers' side of the sandbox broker: send a session, get its response. Nothing heavy is loaded here.
import { BroadcastChannel } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import type { SessionRequest, SessionResponse } from './bundle-and-run.js';

/** What travels on the broker's channel (structured clones: NaN and ±Infinity need no encoding). */
export type BrokerMessage =
  | { kind: 'request'; id: string; request: SessionRequest }
  | { kind: 'response'; id: string; response: SessionResponse; problem?: undefined }
  | { kind: 'response'; id: string; problem: string; response?: undefined };

/** The grader could not run the session (its own failure, such as a sandbox that cannot start). */
export class BrokerProblem extends Error {
  override name = 'BrokerProblem';
}

const channels = new Map<
  string,
  { channel: BroadcastChannel; pending: Map<string, (message: BrokerMessage) => void> }
>();

function open(name: string) {
  let open = channels.get(name);
  if (!open) {
    const channel = new BroadcastChannel(name);
    const pending = new Map<string, (message: BrokerMessage) => void>();
    channel.onmessage = (event) => {
      const message = (event as { data: BrokerMessage }).data;
      if (message?.kind === 'response') pending.get(message.id)?.(message);
    };
    channel.unref(); // a worker with nothing pending must be free to exit (see runThroughBroker)
    open = { channel, pending };
    channels.set(name, open);
  }
  return open;
}

/** Asks the broker on channel `name` to bundle and run a session. */
export function runThroughBroker(name: string, request: SessionRequest): Promise<SessionResponse> {
  const { channel, pending } = open(name);
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    pending.set(id, (message) => {
      pending.delete(id);
      if (pending.size === 0) channel.unref();
      if (message.kind !== 'response') return;
      if (message.response) resolve(message.response);
      else reject(new BrokerProblem(message.problem));
    });
    channel.ref();
    channel.postMessage({ kind: 'request', id, request } satisfies BrokerMessage);
  });
}
