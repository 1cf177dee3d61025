// Talks to a worker that runs the learner's code and always settles: a worker that says nothing for too long (an
// endless loop the loop guard could not reach, say) is terminated and reported as silent, one that fails to load as
// crashed. Every message after the worker's "ready" resets the clock, so long runs that report progress may go on.
import { WORKER_READY } from './worker-ready.js';

export type WorkerEnd = { kind: 'done' } | { kind: 'silent'; afterMs: number } | { kind: 'crashed'; message: string };

export interface WorkerLimits {
  /** How long loading may take: the dev server compiles modules on first request, which can be slow. */
  loadMs: number;
  /** How long the worker may go without a message once it runs. */
  idleMs: number;
}

/** Posts `request` once the worker is ready; `onMessage` returns true at the last message it expects. */
export function runWorker<M>(
  worker: Worker,
  request: unknown,
  onMessage: (message: M) => boolean,
  limits: WorkerLimits,
): Promise<WorkerEnd> {
  return new Promise((resolve) => {
    let timer = 0;
    const finish = (end: WorkerEnd): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(end);
    };
    const wait = (ms: number): void => {
      clearTimeout(timer);
      timer = window.setTimeout(() => finish({ kind: 'silent', afterMs: ms }), ms);
    };
    wait(limits.loadMs);
    worker.addEventListener('message', (event: MessageEvent<M | typeof WORKER_READY>) => {
      if (event.data === WORKER_READY) {
        wait(limits.idleMs);
        worker.postMessage(request);
        return;
      }
      if (onMessage(event.data)) finish({ kind: 'done' });
      else wait(limits.idleMs);
    });
    // Fired when the worker's script, or a learner module it imports statically, fails to load.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish({ kind: 'crashed', message: event.message || 'your code could not be loaded (see the browser console)' });
    });
  });
}
