// A failure of the learner's code as the one sentence a widget shows above the reference it falls back to: what to
// write, what threw and where, or which call never returned.
import type { LearnerFailure } from './learner-failure.js';
import type { WorkerEnd } from './worker-runner.js';

export interface StatusLine {
  tone: 'todo' | 'error';
  text: string;
}

export function failureMessage(failure: LearnerFailure, fallback: string): StatusLine {
  switch (failure.status) {
    case 'not-implemented':
      return { tone: 'todo', text: `${failure.message} (reached in ${failure.during}). ${fallback}` };
    case 'threw':
      return { tone: 'error', text: `Your code threw in ${failure.during}: ${failure.message}. ${fallback}` };
    case 'timed-out':
      return {
        tone: 'error',
        text: `Your code was still running after ${failure.afterMs / 1000} s, in ${failure.during}: is there a loop that never ends? ${fallback}`,
      };
  }
}

/** The sentence for a worker that ended without an answer. */
export function workerMessage(end: Exclude<WorkerEnd, { kind: 'done' }>, fallback: string): StatusLine {
  return end.kind === 'silent'
    ? {
        tone: 'error',
        text: `Your code did not answer within ${end.afterMs / 1000} s: is there a loop that never ends? ${fallback}`,
      }
    : { tone: 'error', text: `Your code could not be run: ${end.message}. ${fallback}` };
}
