// The hyperparameter-search exercise: grid and random search, checked on made-up costs with seeded draws (so
// every trial can be checked), then on the real thing: Momentum's steps to converge, against PyTorch's grid. The
// settings each search should try come from the fixture generator: this suite compares lists and searches nothing.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, test } from 'vitest';
import { fixtureSearch, searchCases, type SearchSpace, type Setting } from './harness/fixtures.js';
import { forEachTarget } from '../harness/grade-targets.js';
import { hiddenTestName } from '../harness/hidden-tests.js';
import {
  describeFailure,
  expectNoFailure,
  isNotImplemented,
  SessionProblem,
  startSession,
  type Session,
} from '../harness/learner-session.js';
import { bowlSteps, seededRandom } from './harness/seeded-random.js';
import { bestFinding, gridFinding, gridSizeFinding, randomFinding, stepsFinding } from './harness/search-findings.js';
import type { Job } from '../sandbox/sandbox-protocol.js';
import type { Argument } from './drivers.js';

const COURSE = 'optimizers';
const FILE = 'hyperparameter-search.ts';

interface Trial {
  learningRate: number;
  momentum: number;
  steps: number;
}

const cases = searchCases();
const space = cases.space;
/** The settings the generator says a visible search tries. */
const gridOf = (budget: number): Setting[] => cases.grid.find((c) => c.budget === budget)!.trials;
const drawnOf = (seed: number): Setting[] => cases.random.find((c) => c.seed === seed)!.trials;
const bowl = { $function: 'bowl', bestLearningRate: 3e-3, bestMomentum: 0.9 } as const;
const bowlOf = (t: { learningRate: number; momentum: number }) =>
  bowlSteps(t.learningRate, t.momentum, bowl.bestLearningRate, bowl.bestMomentum);
const search = fixtureSearch();
const realSpace = { learningRate: search.learningRate, momentum: search.momentum };
const stepsToConverge = { $function: 'export', module: 'steps-to-converge.ts', exportName: 'stepsToConverge' } as const;
// Each way of picking wrong picks another trial (search-findings.ts, bestFinding): the first one kept (6), the most
// steps that converged (9), a run that did not converge, the later of the tie (4, 4), the last one (7).
const sample = [
  { learningRate: 0.01, momentum: 0.5, steps: 6 },
  { learningRate: 0.02, momentum: 0.6, steps: 9 },
  { learningRate: 0.03, momentum: 0.7, steps: Infinity },
  { learningRate: 0.04, momentum: 0.8, steps: 4 },
  { learningRate: 0.05, momentum: 0.9, steps: 4 },
  { learningRate: 0.06, momentum: 0.95, steps: 7 },
];
/** The trial bestTrial should pick from `sample`: the first of the two that took 4 steps. */
const SAMPLE_PICK = 3;

/**
 * Lists on which a pick that works on `sample` can still go wrong, each with the index of the trial to pick and
 * why: the best trial first, a tie whose earlier trial has the larger learning rate, no trial that converged.
 */
const EDGE_LISTS: Array<{ name: string; trials: Trial[]; pick: number; why: string }> = [
  {
    name: 'best first',
    trials: [
      { learningRate: 0.07, momentum: 0.5, steps: 3 },
      { learningRate: 0.02, momentum: 0.6, steps: 5 },
      { learningRate: 0.01, momentum: 0.9, steps: 9 },
    ],
    pick: 0,
    why: 'the first trial takes the fewest steps (3): the best can be the first one',
  },
  {
    name: 'best tie',
    trials: [
      { learningRate: 0.05, momentum: 0.7, steps: 4 },
      { learningRate: 0.01, momentum: 0.4, steps: 4 },
    ],
    pick: 0,
    why: 'both take 4 steps, and a tie goes to the earlier trial, whatever its settings',
  },
  {
    name: 'best none',
    trials: [
      { learningRate: 0.03, momentum: 0.8, steps: Infinity },
      { learningRate: 0.08, momentum: 0.6, steps: Infinity },
    ],
    pick: 0,
    why: 'no trial converged: every one has steps = Infinity, a tie, so the earliest (return one of the trials)',
  },
];

const call = (name: string, exportName: string, ...args: Argument[]): Job => ({
  name,
  driver: 'call',
  input: { module: FILE, exportName, args },
});
const JOBS: Job[] = [
  // Budgets 20, 1 and 8: √8 ≈ 2.83, rounded down a 2 × 2 grid; rounded to the nearest, 3 × 3 (9 runs, over it).
  ...cases.grid.map(({ budget }) => call(`grid ${budget}`, 'gridSearch', space as unknown as Argument, budget, bowl)),
  ...cases.random.map(({ budget, seed }) =>
    call(`random ${seed}`, 'randomSearch', space as unknown as Argument, budget, bowl, { $function: 'random', seed }),
  ),
  call('best', 'bestTrial', sample as unknown as Argument),
  ...EDGE_LISTS.map((list) => call(list.name, 'bestTrial', list.trials as unknown as Argument)),
  call('grid real', 'gridSearch', realSpace as unknown as Argument, search.budget, stepsToConverge),
];

/**
 * The instructor's hidden cases (hidden/, never in a student kit): other spaces, budgets, seeds and lists, with the
 * settings each search should try and the trial bestTrial should pick, from the fixture generator.
 */
interface HiddenSearch {
  grid: Array<{ space: SearchSpace; budget: number; trials: Setting[] }>;
  random: Array<{ space: SearchSpace; budget: number; seed: number; trials: Setting[] }>;
  best: Array<{ trials: Trial[]; pick: number }>;
}
const HIDDEN = new URL('hidden/search-cases.json', import.meta.url);
const hiddenSearch: HiddenSearch = existsSync(HIDDEN)
  ? (JSON.parse(readFileSync(HIDDEN, 'utf8')) as HiddenSearch)
  : { grid: [], random: [], best: [] };
/** Each hidden case: its job, and whether what came back is right (it throws, or says false, when not). */
const HIDDEN_CASES: Array<{ job: Job; right: (session: Session, name: string) => boolean | void }> = [
  ...hiddenSearch.grid.map(({ space, budget, trials: expected }, i) => ({
    job: call(`hidden grid ${i}`, 'gridSearch', space as unknown as Argument, budget, bowl),
    right: (s: Session, name: string) => {
      const { trials } = trialsOf(s, name, 'hidden');
      expectTrials(trials, expected, 'gridSearch');
    },
  })),
  ...hiddenSearch.random.map(({ space, budget, seed, trials: expected }, i) => ({
    job: call(`hidden random ${i}`, 'randomSearch', space as unknown as Argument, budget, bowl, {
      $function: 'random',
      seed,
    }),
    right: (s: Session, name: string) => {
      const { trials } = trialsOf(s, name, 'hidden');
      expectTrials(trials, expected, 'randomSearch');
    },
  })),
  ...hiddenSearch.best.map(({ trials, pick }, i) => ({
    job: call(`hidden best ${i}`, 'bestTrial', trials as unknown as Argument),
    right: (s: Session, name: string) => {
      const picked = called(s, name, 'hidden').value as Trial | null;
      const expected = trials[pick]!;
      return (
        picked?.learningRate === expected.learningRate &&
        picked.momentum === expected.momentum &&
        picked.steps === expected.steps
      );
    },
  })),
];
// Hidden jobs run last, after every visible result has been sent.
for (const { job } of HIDDEN_CASES) JOBS.push({ ...job, hidden: true });

/** A `call` job's output: the function's value and how often each function passed to it was called. */
const called = (session: Session, name: string, as?: 'hidden'): { value: unknown; calls: number[] } => {
  const result = session.result(name, as);
  expectNoFailure(result);
  return result.output as { value: unknown; calls: number[] };
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const describeTrial = (t: Trial) =>
  `(learningRate ${t.learningRate.toPrecision(6)}, momentum ${t.momentum.toPrecision(6)})`;

function trialsOf(session: Session, name: string, as?: 'hidden'): { trials: Trial[]; calls: number[] } {
  const { value, calls } = called(session, name, as);
  if (!Array.isArray(value)) throw new SessionProblem('the search must return the list of its trials');
  return { trials: value as Trial[], calls };
}

/** `explain` words what the trials as a whole show (search-findings.ts), for the first wrong trial's message. */
function expectTrials(
  trials: Trial[],
  expected: Array<{ learningRate: number; momentum: number }>,
  what: string,
  explain: () => string = () => gridFinding(trials, expected),
  /** What the number of trials tried says, when it is wrong. */
  explainCount: () => string = () => '',
) {
  if (trials.length !== expected.length) {
    const finding = explainCount();
    throw new SessionProblem(
      `${what} should try ${expected.length} settings; it tried ${trials.length}` +
        (finding ? `\nDiagnosis: ${finding}.` : ''),
    );
  }
  expected.forEach((e, i) => {
    const t = trials[i]!;
    if (!close(t.learningRate, e.learningRate) || !close(t.momentum, e.momentum)) {
      const finding = explain();
      throw new SessionProblem(
        `${what}: trial ${i + 1} should be ${describeTrial({ ...e, steps: 0 })}, but is ${describeTrial(t)}` +
          (finding ? `\nDiagnosis: ${finding}.` : ''),
      );
    }
    if (t.steps !== bowlOf(t)) {
      const finding = stepsFinding(t, (learningRate, momentum) => bowlOf({ learningRate, momentum }));
      throw new SessionProblem(
        `${what}: trial ${i + 1} should record the steps evaluate() returned (${bowlOf(t)}), not ${t.steps}` +
          (finding ? `\nDiagnosis: ${finding}.` : ''),
      );
    }
  });
}

forEachTarget((target) => {
  const session = startSession(target, COURSE, [FILE, 'steps-to-converge.ts'], JOBS);
  beforeAll(() => session.settled);
  const ready = (): Session => session.get();

  test('grid search tries a ⌊√budget⌋ × ⌊√budget⌋ grid, log-spaced learning rates, within the budget', async () => {
    const s = ready();
    const { trials, calls } = trialsOf(s, 'grid 20');
    const sized = (tried: Trial[], budget: number) => () =>
      gridSizeFinding(tried.length, budget, gridOf(budget).length);
    expectTrials(trials, gridOf(20), 'gridSearch(space, budget 20)', undefined, sized(trials, 20));
    if (calls[0] !== 16)
      throw new SessionProblem(
        `gridSearch(space, budget 20) should train 16 times (one per trial); it trained ${calls[0]} times`,
      );
    const one = trialsOf(s, 'grid 1').trials;
    expectTrials(one, gridOf(1), 'gridSearch(space, budget 1)', undefined, sized(one, 1));
    const eight = trialsOf(s, 'grid 8');
    expectTrials(eight.trials, gridOf(8), 'gridSearch(space, budget 8)', undefined, sized(eight.trials, 8));
    if (eight.calls[0] !== 4)
      throw new SessionProblem(
        `gridSearch(space, budget 8) should train 4 times (k = ⌊√8⌋ = 2); it trained ${eight.calls[0]} times`,
      );
  });

  test('random search draws each trial from the generator, learning rate then momentum', async () => {
    const s = ready();
    for (const seed of [7, 8]) {
      const { trials, calls } = trialsOf(s, `random ${seed}`);
      const expected = drawnOf(seed);
      const draws = (() => {
        const again = seededRandom(seed);
        return Array.from({ length: 48 }, () => again());
      })();
      expectTrials(trials, expected, `randomSearch(space, budget 12, seed ${seed})`, () =>
        randomFinding(trials, draws, space, calls[1]),
      );
      if (calls[0] !== 12 || calls[1] !== 24) {
        throw new SessionProblem(
          `randomSearch(budget 12) should train 12 times and draw 24 numbers; it trained ${calls[0]} times and drew ${calls[1]}`,
        );
      }
    }
  });

  test('bestTrial picks the fewest steps, the earliest on a tie, a run that did not converge only when none did', async () => {
    const best = called(ready(), 'best').value as Trial | undefined;
    if (!best || best.learningRate !== sample[SAMPLE_PICK]!.learningRate) {
      const finding = bestFinding(sample, best, SAMPLE_PICK);
      throw new SessionProblem(
        `bestTrial should pick the trial with learningRate 0.04 (4 steps, the first of two), not ${best ? describeTrial(best) : 'nothing'}` +
          (finding ? `\nDiagnosis: ${finding}.` : ''),
      );
    }
    for (const list of EDGE_LISTS) {
      const picked = called(ready(), list.name).value as Trial | null | undefined;
      const expected = list.trials[list.pick]!;
      const same =
        typeof picked === 'object' &&
        picked !== null &&
        picked.learningRate === expected.learningRate &&
        picked.momentum === expected.momentum &&
        picked.steps === expected.steps;
      if (!same)
        throw new SessionProblem(
          `bestTrial([${list.trials.map((t) => `{ learningRate: ${t.learningRate}, steps: ${t.steps} }`).join(', ')}]) ` +
            `should pick trial ${list.pick + 1}, ${describeTrial(expected)}, not ${picked ? describeTrial(picked) : 'nothing'}: ${list.why}.`,
        );
    }
  });

  test("on Momentum's real cost, grid search finds what PyTorch's grid says is best", async () => {
    const { trials } = trialsOf(ready(), 'grid real');
    expectTrials(
      trials.map((t) => ({ ...t, steps: bowlOf(t) })),
      search.learningRates.flatMap((learningRate) => search.momenta.map((momentum) => ({ learningRate, momentum }))),
      `gridSearch(the challenge's space, budget ${search.budget})`,
      undefined,
      () => gridSizeFinding(trials.length, search.budget, search.learningRates.length * search.momenta.length),
    );
    const flat = search.steps.flat();
    trials.forEach((t, i) => {
      const expected = flat[i]!;
      // A float32 learner may hit the target a step or two apart; a different outcome is a wrong Momentum.
      const same = expected === Infinity ? t.steps === null || t.steps === Infinity : Math.abs(t.steps - expected) <= 2;
      if (!same) {
        throw new SessionProblem(
          `with ${describeTrial(t)}, Momentum needed ${t.steps} steps; PyTorch needs ${expected}: check your Momentum (npm run grade momentum)`,
        );
      }
    });
  });

  // What a hidden test checks stays hidden: its message says only that it failed, and what kind of test it is.
  HIDDEN_CASES.forEach(({ job, right }, i) => {
    test(hiddenTestName(i + 1), () => {
      const s = ready();
      const own = s.result(job.name, 'hidden');
      const first = s.result('grid 20');
      // Code not written yet says so with a visible job's words, sent before any hidden case ran.
      if (isNotImplemented(own) && isNotImplemented(first)) throw new SessionProblem(describeFailure(first.failure!));
      let ok: boolean;
      try {
        ok = right(s, job.name) !== false;
      } catch {
        ok = false;
      }
      if (!ok)
        throw new SessionProblem(
          'this hidden test runs your search in another space, with another budget or seed (or bestTrial on another list), and its answer is not the one the instructions describe',
        );
    });
  });
});
