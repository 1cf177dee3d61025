// Runs requests against the learner's code in a fresh worker and always settles: a batch that takes longer
// than the time limit (an endless loop, say) is reported as timed out and its worker terminated.
import { WORKER_READY, type LearnerOutcome, type LearnerRequest } from './learner-protocol.js';

/** How long the learner's code may run once loaded. */
export const RUN_LIMIT_MS = 2000;
/** How long loading may take: the dev server compiles modules on first request, which can be slow. */
const LOAD_LIMIT_MS = 15000;

/** Every request's outcome, in order; `signal` drops a batch whose answer is no longer wanted (a newer slider value). */
export function runLearnerBatch(requests: LearnerRequest[], signal?: AbortSignal): Promise<LearnerOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./learner-worker.ts', import.meta.url), { type: 'module', name: 'learner-code' });
    const all = (outcome: LearnerOutcome): LearnerOutcome[] => requests.map(() => outcome);
    let timer = setTimeout(
      () => finish(all({ status: 'failed', message: `your code did not load within ${LOAD_LIMIT_MS / 1000} s` })),
      LOAD_LIMIT_MS,
    );
    const finish = (outcomes: LearnerOutcome[]): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcomes);
    };
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      worker.terminate();
      reject(signal.reason);
    });
    worker.addEventListener('message', (event: MessageEvent<LearnerOutcome[] | typeof WORKER_READY>) => {
      if (event.data !== WORKER_READY) return finish(event.data);
      clearTimeout(timer);
      timer = setTimeout(() => finish(all({ status: 'timed-out', afterMs: RUN_LIMIT_MS })), RUN_LIMIT_MS);
      worker.postMessage(requests);
    });
    // Fired when a learner module fails to load or throws at import time.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(all({ status: 'failed', message: event.message || 'your code could not be loaded (see the browser console)' }));
    });
  });
}

export async function runLearner(request: LearnerRequest): Promise<LearnerOutcome> {
  const [outcome] = await runLearnerBatch([request]);
  return outcome;
}

/**
 * Like runLearnerBatch, but keeps one worker loaded between batches (the playground reruns on every input, and
 * starting a worker and loading the learner's modules each time costs more than the runs). The worker is
 * replaced after a batch that failed, timed out or was dropped, so an endless loop still cannot keep it.
 */
export function learnerRunner(): (requests: LearnerRequest[], signal?: AbortSignal) => Promise<LearnerOutcome[]> {
  let current: { worker: Worker; ready: Promise<string | null> } | null = null;
  const start = (): { worker: Worker; ready: Promise<string | null> } => {
    const worker = new Worker(new URL('./learner-worker.ts', import.meta.url), { type: 'module', name: 'learner-code' });
    const ready = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(`your code did not load within ${LOAD_LIMIT_MS / 1000} s`), LOAD_LIMIT_MS);
      const onMessage = (event: MessageEvent): void => {
        if (event.data !== WORKER_READY) return;
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(null);
      };
      // Fired when a learner module fails to load or throws at import time.
      const onError = (event: ErrorEvent): void => {
        event.preventDefault();
        clearTimeout(timer);
        resolve(event.message || 'your code could not be loaded (see the browser console)');
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    });
    return { worker, ready };
  };
  return (requests, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      current ??= start();
      const mine = current;
      const all = (outcome: LearnerOutcome): LearnerOutcome[] => requests.map(() => outcome);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const cleanup = (): void => {
        done = true;
        clearTimeout(timer);
        mine.worker.removeEventListener('message', onMessage);
        mine.worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
      const discard = (): void => {
        if (current === mine) current = null;
        mine.worker.terminate();
      };
      const onMessage = (event: MessageEvent<LearnerOutcome[] | typeof WORKER_READY>): void => {
        if (event.data === WORKER_READY) return;
        cleanup();
        resolve(event.data);
      };
      const onError = (event: ErrorEvent): void => {
        event.preventDefault();
        cleanup();
        discard();
        resolve(all({ status: 'failed', message: event.message || 'your code failed (see the browser console)' }));
      };
      const onAbort = (): void => {
        cleanup();
        discard();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      void mine.ready.then((failure) => {
        if (done) return;
        if (failure !== null) {
          cleanup();
          discard();
          return resolve(all({ status: 'failed', message: failure }));
        }
        mine.worker.addEventListener('message', onMessage);
        mine.worker.addEventListener('error', onError);
        timer = setTimeout(() => {
          cleanup();
          discard();
          resolve(all({ status: 'timed-out', afterMs: RUN_LIMIT_MS }));
        }, RUN_LIMIT_MS);
        mine.worker.postMessage(requests);
      });
    });
}
