// Runs the learner's code on the page's own thread, for the playground: no message round trip, so a slider's
// new run is drawn in the same frame. The loop guard the site's build puts in exercises/ stops an endless loop.
import type { LearnerOutcome, LearnerRequest } from './learner-protocol.js';
import { clearDeadline, setDeadline, withDeadline } from '../../../../site/client/loop-guard.js';

/** How long one batch of runs may take before the learner's loops are stopped. */
export const PAGE_RUN_LIMIT_MS = 1000;
/** How long loading the learner's modules may take (their top-level code runs then). */
const LOAD_LIMIT_MS = 15000;

export type PageRunner = (requests: LearnerRequest[]) => LearnerOutcome[];

/** Loads the learner's modules; a module that fails to load or throws makes its runs report why. */
export async function loadPageRunner(): Promise<PageRunner> {
  setDeadline(LOAD_LIMIT_MS);
  try {
    const { loadLearnerModules, runRequest } = await import('./run-plan.js');
    const modules = await loadLearnerModules();
    return (requests) => withDeadline(PAGE_RUN_LIMIT_MS, () => requests.map((request) => runRequest(modules, request)));
  } catch (error) {
    const message = `your code could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    return (requests) => requests.map(() => ({ status: 'failed', message }));
  } finally {
    clearDeadline();
  }
}
