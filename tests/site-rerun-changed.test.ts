// The playground reruns only the optimizers an input changed; what it hands back is what a full rerun would.
import { describe, expect, it } from 'vitest';
import type { CustomRun, LearnerOutcome, LearnerRequest } from '../courses/optimizers/site/client/learner-protocol.js';
import { rerunChanged } from '../courses/optimizers/site/client/rerun-changed.js';
import { objectiveById } from '../courses/optimizers/site/shared/objectives.js';

const sgd = (learningRate: number, objective: CustomRun['objective'] = 'banana'): CustomRun => ({
  kind: 'custom',
  optimizer: 'sgd',
  options: { learningRate },
  objective,
  start: [-1, 2],
  nSteps: 10,
});
const adam = (learningRate: number): CustomRun => ({
  kind: 'custom',
  optimizer: 'adam',
  options: { learningRate, momentumGrad: 0.9, momentumGradSquared: 0.999, epsilon: 1e-8 },
  objective: 'banana',
  start: [-1, 2],
  nSteps: 10,
});

/** A runner that records what it was asked to run and answers each request with a fresh outcome. */
function recordingRunner(
  answer: (request: LearnerRequest) => LearnerOutcome = () => ({ status: 'failed', message: '' }),
) {
  const asked: LearnerRequest[][] = [];
  const run = (requests: LearnerRequest[]): LearnerOutcome[] => {
    asked.push(requests);
    return requests.map(answer);
  };
  return { asked, run };
}

describe('rerunChanged', () => {
  it('runs every request first, then only those whose settings changed, and keeps the order asked', () => {
    const { asked, run } = recordingRunner();
    const rerun = rerunChanged();
    const first = rerun(run, [sgd(0.01), adam(0.1)]);
    expect(asked.at(-1)).toEqual([sgd(0.01), adam(0.1)]);
    const second = rerun(run, [sgd(0.01), adam(0.2)]);
    expect(asked.at(-1)).toEqual([adam(0.2)]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    const third = rerun(run, [adam(0.2), sgd(0.01)]);
    expect(asked.at(-1)).toEqual([]);
    expect(third).toEqual([second[1], second[0]]);
  });

  it('runs again after another value in between, and for a typed function that is a new object', () => {
    const { asked, run } = recordingRunner();
    const rerun = rerunChanged();
    rerun(run, [sgd(0.01)]);
    rerun(run, [sgd(0.02)]);
    rerun(run, [sgd(0.01)]);
    expect(asked.at(-1)).toEqual([sgd(0.01)]);
    const typed = { ...objectiveById('banana'), id: 'formula' as const };
    rerun(run, [sgd(0.01, typed)]);
    rerun(run, [sgd(0.01, typed)]);
    expect(asked.at(-1)).toEqual([]);
    rerun(run, [sgd(0.01, { ...typed })]);
    expect(asked.at(-1)).toHaveLength(1);
  });

  it('runs a request again whose last run was stopped by the time limit', () => {
    const { asked, run } = recordingRunner(() => ({ status: 'timed-out', afterMs: 1000 }));
    const rerun = rerunChanged();
    rerun(run, [sgd(0.01)]);
    rerun(run, [sgd(0.01)]);
    expect(asked).toEqual([[sgd(0.01)], [sgd(0.01)]]);
  });
});
