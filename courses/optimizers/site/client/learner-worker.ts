// Web Worker that runs the learner's own optimizer classes from exercises/optimizers on a 2-D function.
// It lives in a worker so that an endless loop in learner code can be stopped by terminating the worker.
import { WORKER_READY, type LearnerRequest } from './learner-protocol.js';
import { loadLearnerModules, runRequest } from './run-plan.js';

// The DOM lib types `self` as a Window; in a dedicated worker postMessage takes the message alone.
const scope = self as unknown as { postMessage(message: unknown): void };

const modules = await loadLearnerModules();
self.addEventListener('message', (event: MessageEvent<LearnerRequest[]>) => {
  scope.postMessage(event.data.map((request) => runRequest(modules, request)));
});
scope.postMessage(WORKER_READY);
