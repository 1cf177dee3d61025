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
    const worker = new Worker(new URL('./learner-worker.ts', import.meta.url), {
      type: 'module',
      name: 'learner-code',
    });
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
      finish(
        all({ status: 'failed', message: event.message || 'your code could not be loaded (see the browser console)' }),
      );
    });
  });
}

export async function runLearner(request: LearnerRequest): Promise<LearnerOutcome> {
  const [outcome] = await runLearnerBatch([request]);
  return outcome;
}
