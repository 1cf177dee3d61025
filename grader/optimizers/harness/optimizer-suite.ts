// The tests every optimizer exercise shares: follow PyTorch on every fixture case, keep state per instance,
// use the accumulated gradient, and let zeroGrad() clear it. The learner's class runs in a sandbox; every
// verdict below is computed here, on the plain numbers it sent back.
import { beforeAll, test } from 'vitest';
import { bestDivergence, formatPoint, sameResponse } from './compare-trajectories.js';
import { matchingMistake, driftSparkline } from './diagnose.js';
import {
  fixtureCases,
  hiddenCases,
  longerCase,
  mistakeNotes,
  probeScenarios,
  VARIANT_NAMES,
  VARIANT_NOTES,
  type FixtureCase,
  type LongerCase,
  type OptimizerId,
  type Point,
} from './fixtures.js';
import { forEachTarget, loadHiddenExport } from '../../harness/grade-targets.js';
import {
  describeFailure,
  expectNoFailure,
  isNotImplemented,
  SessionProblem,
  startSession,
  type JobReading,
} from '../../harness/learner-session.js';
import type { Job, JobResult } from '../../sandbox/sandbox-protocol.js';
import { hiddenTestName } from '../../harness/hidden-tests.js';
import type { RunSpec } from '../drivers.js';
import { fitProbes } from './fit-probes.js';
import { probeDiagnosis, probeFindings, type ProbeResponse, type ProbeScenario } from './probe-findings.js';
import type { RuleFitter } from './rule-fit-contract.js';

export interface OptimizerSpec {
  id: OptimizerId;
  file: string;
  className: string;
}

const COURSE = 'optimizers';
const INTERLEAVED_STEPS = 100;

/**
 * The rule fit, where the hidden folder holds it (the instructor's repository, Gradescope's autograder): grading for
 * the record also names a mistake by fitting the update rule; a student kit's grade names the catalogued ones only.
 */
export const ruleFit = await loadHiddenExport<RuleFitter>(COURSE, 'rule-fit.ts', 'fitVerdict');

/** The scenarios of the probe job: the fit's own cost sandbox time, so they run only where a fit reads them. */
export function probesFor(optimizer: OptimizerId, fit: RuleFitter | undefined): ProbeScenario[] {
  const scenarios = probeScenarios(optimizer);
  return fit ? [...scenarios, ...fitProbes(scenarios)] : scenarios;
}

const runSpec = (c: FixtureCase): RunSpec => ({
  start: c.start,
  options: c.options,
  nSteps: c.nSteps,
  backwardsPerStep: c.backwardsPerStep,
});

function describeOptions(c: FixtureCase): string {
  const options = Object.entries(c.options)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${c.nSteps} steps from (${c.start.join(', ')}), ${options}`;
}

/**
 * What two instances stepping in turn share, from the first move of one of them: a move that is PyTorch's times the
 * other instance's learning rate over its own is made with the other's learning rate (the first move of every
 * optimizer here is α times the rest). '' when the move says nothing of the kind.
 */
export function sharedOptionWords(
  c: FixtureCase,
  other: FixtureCase,
  trajectory: readonly Point[],
  className: string,
): string {
  const expected = Object.values(c.expected)[0];
  const [mine, theirs] = [trajectory, expected ?? []].map((t) =>
    t.length >= 2 ? [t[1]![0] - t[0]![0], t[1]![1] - t[0]![1]] : [],
  );
  const [lr, otherLr] = [c.options.learningRate, other.options.learningRate];
  if (!lr || !otherLr || lr === otherLr || mine!.length < 2) return '';
  const ratios = [0, 1].filter((k) => theirs![k] !== 0).map((k) => mine![k]! / theirs![k]!);
  const want = otherLr / lr;
  if (ratios.length === 0 || !ratios.every((q) => Math.abs(q - want) <= 1e-6 * Math.abs(want))) return '';
  return (
    `the ${className} with learningRate ${lr} steps with the other instance's learning rate, ${otherLr}: its first ` +
    `move is ${Number(want.toPrecision(4))}× PyTorch's. The instances share one learning rate, kept where each ` +
    'new optimizer overwrites it (a module-level variable or a static field): keep it on `this`, ' +
    'this.learningRate, set in the constructor'
  );
}

/**
 * What a known mistake would explain (or else what the probes found), and how the drift grows: the lines added below
 * a failure.
 */
function diagnosis(
  optimizer: OptimizerId,
  c: FixtureCase,
  trajectory: Point[],
  expected: Point[],
  probed = '',
): string {
  const matched = matchingMistake(trajectory, c.mistakes);
  const note = matched ? mistakeNotes(optimizer)[matched] : undefined;
  // The first steps of a trajectory can match a mistake by coincidence (ε hardly matters with large gradients); the
  // probes, on controlled inputs, are more specific: when they found something else, their finding is kept.
  const mistake = note && (!probed || probed.includes(note)) ? note : undefined;
  const lines = [
    mistake ? `Diagnosis: this is a typical mistake: ${mistake}.` : probed,
    `Drift per step: ${driftSparkline(trajectory, expected)}  (▁ within tolerance … █ off by 1 or more)`,
    `See both trajectories on the site: npm run site, then the ${optimizer} page.`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** null when the trajectory follows one accepted variant; otherwise where it leaves the closest one. */
export function trajectoryProblem(
  c: FixtureCase,
  trajectory: Point[],
  nSteps = c.nSteps,
  optimizer?: OptimizerId,
  probed: () => string = () => '',
): string | null {
  const expected = Object.fromEntries(Object.entries(c.expected).map(([k, t]) => [k, t.slice(0, nSteps)]));
  const divergence = bestDivergence(trajectory, expected);
  if (!divergence) return null;
  const { step, variant } = divergence;
  const when = step === 0 ? 'at the start' : `after update ${step} of ${nSteps - 1}`;
  const nonFinite = divergence.actual?.some((v) => !Number.isFinite(v))
    ? ' The values are not finite: look for a division by zero or an overflow.'
    : '';
  const sentence =
    `${c.name} (${describeOptions({ ...c, nSteps })}): the trajectory leaves ${VARIANT_NAMES[variant] ?? variant} ${when}: ` +
    `expected ${formatPoint(divergence.expected)}, got ${formatPoint(divergence.actual)}.${nonFinite}` +
    (VARIANT_NOTES[variant] ? ` ${VARIANT_NOTES[variant]}` : '');
  return optimizer ? `${sentence}\n${diagnosis(optimizer, c, trajectory, expected[variant]!, probed())}` : sentence;
}

/**
 * null when the points follow one accepted variant of a run on a longer parameter; otherwise where they leave the
 * one followed longest, and which coordinates are off there (only those beyond the second: a loop or state sized
 * for the banana's two).
 */
export function longerProblem(c: LongerCase, points: readonly number[][]): string | null {
  let worst: { step: number; expected: number[]; got: number[] | undefined } | null = null;
  for (const expected of Object.values(c.expected)) {
    const step = expected.findIndex((row, k) => !row.every((v, i) => sameResponse(points[k]?.[i] ?? NaN, v)));
    if (step === -1) return null;
    if (!worst || step > worst.step) worst = { step, expected: expected[step]!, got: points[step] };
  }
  const { step, expected, got } = worst!;
  const off = expected.map((v, i) => i).filter((i) => !sameResponse(got?.[i] ?? NaN, expected[i]!));
  const beyondTwo = off.length > 0 && off.every((i) => i >= 2);
  return (
    `${c.name} (start ${formatPoint(c.start)}): after update ${step + 1}, θ should be ${formatPoint(expected)}, got ${formatPoint(got)}.` +
    (beyondTwo
      ? `\nDiagnosis: only coordinate${off.length > 1 ? 's' : ''} ${off.map((i) => i + 1).join(', ')} ${off.length > 1 ? 'are' : 'is'} wrong: ` +
        'step() works on two coordinates only. Loop over every coordinate (i < theta.length), and make every ' +
        'state array as long as parameters.data.'
      : '')
  );
}

/** A result's output; a failure is thrown with the probes' diagnosis, if any, below what the code threw. */
function outputOf<T>(result: JobResult, probed: () => string): T {
  if (result.failure) {
    const problem = describeFailure(result.failure);
    const diagnosis = probed();
    throw new SessionProblem(diagnosis ? { ...problem, message: `${problem.message}\n${diagnosis}` } : problem);
  }
  return result.output as T;
}

export function defineOptimizerSuite(spec: OptimizerSpec): void {
  const cases = fixtureCases(spec.id);
  const [first, second] = cases.filter((c) => c.backwardsPerStep === 1 && c.nSteps >= 50).slice(-2) as [
    FixtureCase,
    FixtureCase,
  ];
  const rounds = Math.min(first.nSteps, second.nSteps, INTERLEAVED_STEPS);
  const module = spec.file;
  const exportName = spec.className;
  const hidden = hiddenCases(spec.id);
  const longer = longerCase(spec.id);
  const probes = probesFor(spec.id, ruleFit);
  const run = (name: string, c: FixtureCase): Job => ({
    name,
    driver: 'trajectory',
    input: { module, exportName, run: runSpec(c) },
  });
  const jobs: Job[] = [
    ...cases.map((c, i) => run(`case ${i}`, c)),
    {
      name: 'interleaved',
      driver: 'interleaved',
      input: { module, exportName, runs: [runSpec(first), runSpec(second)], rounds },
    },
    { name: 'grad after zero', driver: 'gradAfterZero', input: { module, exportName, run: runSpec(cases[0]!) } },
    {
      name: 'longer',
      driver: 'fedGradients',
      input: { module, exportName, start: longer.start, gradients: longer.gradients, options: longer.options },
    },
    // Controlled inputs, no loss: the numbers the diagnosis words its findings from (harness/probe-findings.ts).
    {
      name: 'probe',
      driver: 'probe',
      input: { module, exportName, scenarios: probes.map(({ expected: _e, mistakes: _m, ...s }) => s) },
    },
    // Hidden jobs run last, after every visible result has been sent, so nothing the learner's code saw in them
    // can reach a visible test's message.
    ...hidden.map((c, i): Job => ({ ...run(`hidden ${i}`, c), hidden: true })),
  ];

  forEachTarget((target) => {
    const session = startSession(target, COURSE, [spec.file], jobs);
    beforeAll(() => session.settled);
    const resultOf = (name: string, as?: JobReading): JobResult => session.get().result(name, as);
    let probed: string | undefined;
    /** The probes' diagnosis ('' when they found nothing or could not run), worked out once, and only for a failure. */
    const probeLine = (): string => {
      if (probed === undefined) {
        let responses: Array<ProbeResponse | null> = [];
        try {
          const result = resultOf('probe', 'quiet');
          if (!result.failure && Array.isArray(result.output)) responses = result.output as Array<ProbeResponse | null>;
        } catch {
          // A probe run that timed out or crashed diagnoses nothing; the tests say what went wrong.
        }
        probed = probeDiagnosis(probeFindings(probes, responses, mistakeNotes(spec.id), ruleFit));
      }
      return probed;
    };

    cases.forEach((c, index) => {
      test(`follows PyTorch: ${c.name}`, () => {
        const trajectory = outputOf<Point[]>(resultOf(`case ${index}`), probeLine);
        const failure = trajectoryProblem(c, trajectory, c.nSteps, spec.id, probeLine);
        if (failure) throw new SessionProblem(failure);
      });
    });

    test('two optimizers at once keep their own state', () => {
      const trajectories = outputOf<Point[][]>(resultOf('interleaved'), probeLine);
      /** Whether the case, run by one instance alone, follows PyTorch for the rounds compared here. */
      const passesAlone = (c: FixtureCase): boolean => {
        const result = resultOf(`case ${cases.indexOf(c)}`);
        return !result.failure && trajectoryProblem(c, (result.output as Point[]).slice(0, rounds), rounds) === null;
      };
      [first, second].forEach((c, i) => {
        const failure = trajectoryProblem(c, trajectories[i] ?? [], rounds);
        if (failure) {
          const alone = passesAlone(c);
          const shared = alone
            ? sharedOptionWords(c, i === 0 ? second : first, trajectories[i] ?? [], spec.className)
            : '';
          throw new SessionProblem(
            `with two ${spec.className} instances stepping in turn, ${failure} ` +
              (shared
                ? `Alone it passes.\nDiagnosis: ${shared}.`
                : alone
                  ? 'Alone it passes: keep every running average, counter and option on `this`, not in a variable ' +
                    'shared by all instances.'
                  : 'It fails alone too (see the tests above): fix those first.') +
              (probeLine() && !shared ? `\n${probeLine()}` : ''),
          );
        }
      });
    });

    // What a hidden test checks stays hidden: its message says only that it failed, and what kind of test it is.
    hidden.forEach((c, i) => {
      test(hiddenTestName(i + 1), () => {
        // A hidden failure says only that it failed.
        const result = session.get().result(`hidden ${i}`, 'hidden');
        // Code not written yet says so with the first visible case's words, from a process no hidden case ran in.
        const first = session.get().result('case 0');
        if (isNotImplemented(result) && isNotImplemented(first))
          throw new SessionProblem(describeFailure(first.failure!));
        const trajectory = result.failure ? undefined : (result.output as Point[]);
        if (!trajectory || trajectoryProblem(c, trajectory)) {
          throw new SessionProblem(
            "this hidden test runs your optimizer from another start, with other hyperparameters, and its trajectory leaves PyTorch's",
          );
        }
      });
    });

    test(`step() moves every coordinate: ${longer.name}`, () => {
      const failure = longerProblem(longer, outputOf<number[][]>(resultOf('longer'), probeLine));
      if (failure) throw new SessionProblem(failure);
    });

    test('zeroGrad() clears the accumulated gradient', () => {
      const result = resultOf('grad after zero');
      expectNoFailure(result);
      const grad = result.output as number[] | null;
      if (grad !== null && grad.some((v) => v !== 0)) {
        throw new SessionProblem(
          `after zeroGrad(), parameters.grad is still [${grad.join(', ')}]; set it to null, or the next backward pass adds to the old gradient`,
        );
      }
    });
  });
}
