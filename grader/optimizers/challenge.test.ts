// The challenge: the learner's entry (optimizer, options, step count) must end within 1e-2 of (1, 1), run with
// the learner's own optimizer, which must itself follow PyTorch on every fixture case. Where the instructor's
// solutions are present (never in a student kit), the entry must also win with a reference optimizer of the form
// the learner's follows (ε inside or outside the root), so an optimizer that is honest on the fixtures but
// shortcuts on other settings wins nothing.
import { test } from 'vitest';
import { OPTIMIZERS as TABLE, RACE } from '../../courses/optimizers/manifest.js';
import { fixtureCases, type OptimizerId, type Point } from './harness/fixtures.js';
import { expectNoFailure, runSession, SessionProblem } from '../harness/learner-session.js';
import { forEachTarget, loadHiddenExport, loadReferenceExport } from '../harness/grade-targets.js';
import { followedVariants } from './harness/compare-trajectories.js';
import { trajectoryProblem } from './harness/optimizer-suite.js';
import { runTrajectory, type OptimizerClass } from './harness/run-optimizer.js';
import type { Job } from '../sandbox/sandbox-protocol.js';
import { reportFigures, type Figure } from '../harness/exercise-figures.js';

const COURSE = 'optimizers';
const { goal: GOAL, start: START, goalRadius: RADIUS, challengeMaxSteps: MAX_STEPS } = RACE;
/**
 * What a reference run of an honest entry must do: come within REFERENCE_SLACK × the goal's radius of it, at some
 * step up to REFERENCE_STEPS(n). Two correct optimizers of the same form part by round-off (another order of
 * operations, float32 state), and near the goal Adam and RMSprop swing: after a thousand steps one may be inside
 * while the other has just swung out. A shortcut taken only on the entry's own settings gains at most 5 % of the
 * steps (one step on a short entry: an entry of 1 step whose honest run first passes the goal at step 6 loses).
 */
const REFERENCE_SLACK = 1.1;
const REFERENCE_STEPS = (nSteps: number): number => Math.ceil(nSteps * 1.05);

const OPTIMIZERS = Object.fromEntries(
  TABLE.map((o) => [o.id, { file: o.file, className: o.className, options: o.hyperparameters.map((h) => h.name) }]),
) as Record<OptimizerId, { file: string; className: string; options: string[] }>;

interface Entry {
  optimizer: OptimizerId;
  options: Record<string, number>;
  nSteps: number;
}

function checkEntry(entry: unknown): Entry {
  const e = entry as Partial<Entry> | null;
  if (!e || typeof e !== 'object')
    throw new SessionProblem('challengeEntry() must return an object { optimizer, options, nSteps }');
  // Own keys only: 'constructor' or '__proto__' is no optimizer.
  if (!e.optimizer || !Object.hasOwn(OPTIMIZERS, e.optimizer)) {
    throw new SessionProblem(
      `challengeEntry().optimizer must be one of ${Object.keys(OPTIMIZERS)
        .map((k) => `'${k}'`)
        .join(', ')}; got ${JSON.stringify(e.optimizer)}`,
    );
  }
  if (!Number.isInteger(e.nSteps) || e.nSteps! < 1 || e.nSteps! > MAX_STEPS) {
    throw new SessionProblem(
      `challengeEntry().nSteps must be a whole number from 1 to ${MAX_STEPS}; got ${JSON.stringify(e.nSteps)}`,
    );
  }
  for (const name of OPTIMIZERS[e.optimizer].options) {
    const value = e.options?.[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SessionProblem(
        `challengeEntry().options.${name} must be a finite number for ${e.optimizer}; got ${JSON.stringify(value)}`,
      );
    }
  }
  return e as Entry;
}

const distanceToGoal = ([x, y]: Point): number => Math.hypot(x - GOAL[0], y - GOAL[1]);

forEachTarget((target) =>
  test('your entry ends within 1e-2 of the minimum (1, 1)', async ({ task }) => {
    // One sandbox run: the entry, the chosen optimizer's fixture cases (a shortcut optimizer could "reach" the
    // goal without optimizing, so it must follow PyTorch everywhere), and the entry's own run.
    const ids = Object.keys(OPTIMIZERS) as OptimizerId[];
    const jobs: Job[] = [
      { name: 'entry', driver: 'call', input: { module: 'challenge.ts', exportName: 'challengeEntry' } },
    ];
    for (const id of ids) {
      const { file, className } = OPTIMIZERS[id];
      fixtureCases(id).forEach((c, i) => {
        const run = { start: c.start, options: c.options, nSteps: c.nSteps, backwardsPerStep: c.backwardsPerStep };
        jobs.push({
          name: `${id} case ${i}`,
          driver: 'trajectory',
          input: { module: file, exportName: className, run, ifChosen: { entry: 'entry', optimizer: id } },
        });
      });
    }
    const optimizers = Object.fromEntries(
      ids.map((id) => [id, { module: OPTIMIZERS[id].file, exportName: OPTIMIZERS[id].className }]),
    );
    jobs.push({
      name: 'entry run',
      driver: 'entryRun',
      input: { entry: 'entry', optimizers, start: START, maxSteps: MAX_STEPS },
    });
    const session = await runSession(
      target,
      COURSE,
      ['challenge.ts'],
      jobs,
      ids.map((id) => OPTIMIZERS[id].file),
    );

    const called = session.result('entry');
    expectNoFailure(called);
    const entry = checkEntry((called.output as { value: unknown }).value);
    const chosen = OPTIMIZERS[entry.optimizer];
    const unavailable = session.unavailable[chosen.file];
    if (unavailable) throw new SessionProblem(`${unavailable} (the challenge runs your own ${chosen.className})`);
    // The accepted forms (ε inside or outside the root) the learner's optimizer follows on every case.
    let forms: string[] | undefined;
    fixtureCases(entry.optimizer).forEach((c, i) => {
      const result = session.result(`${entry.optimizer} case ${i}`);
      expectNoFailure(result);
      if (!Array.isArray(result.output) || trajectoryProblem(c, result.output as Point[])) {
        throw new SessionProblem(
          `your ${chosen.className} does not follow PyTorch yet (run \`npm run grade ${entry.optimizer}\`): the challenge needs a correct optimizer`,
        );
      }
      const followed = followedVariants(result.output as Point[], c.expected);
      forms = forms ? forms.filter((f) => followed.includes(f)) : followed;
    });
    const run = session.result('entry run');
    expectNoFailure(run);
    const trajectory = (run.output as Point[] | undefined) ?? [];
    expectWithinGoal(trajectory, entry, chosen.className);

    const references = await referencesFor(entry.optimizer, chosen.file, chosen.className, forms ?? []);
    const allowed = Number((RADIUS * REFERENCE_SLACK).toPrecision(6));
    const within = Math.min(REFERENCE_STEPS(entry.nSteps), MAX_STEPS);
    const runs = references.map(({ Optimizer, name }) => {
      const points = runTrajectory(Optimizer, START, entry.options, within);
      return {
        name,
        closest: Math.min(...points.map(distanceToGoal)),
        reached: points.some((p) => distanceToGoal(p) <= allowed),
      };
    });
    // One honest reference of the learner's form that gets there is enough.
    if (runs.length > 0 && !runs.some((r) => r.reached)) {
      const { name, closest } = runs[0]!;
      throw new SessionProblem(
        `your own ${chosen.className} ends within ${RADIUS} of (1, 1), but ${name}, the grader's own, never comes ` +
          `within ${allowed} of it in ${within} steps (${Number.isFinite(closest) ? `closest ${closest.toPrecision(5)}` : 'it diverges'}): ` +
          `an entry must win with any correct ${chosen.className}, give or take round-off. Look at how your ` +
          `${chosen.className} treats these settings: it takes a shortcut the update rule does not.`,
      );
    }
    // Passed: the scorecard shows how well, and the kit keeps the fewest steps as the learner's best.
    reportFigures(task, challengeFigures(entry.nSteps, distanceToGoal(trajectory[trajectory.length - 1]!)));
  }),
);

/** The challenge's figures: steps (fewer is better), then the final distance from the minimum. */
function challengeFigures(nSteps: number, distance: number): Figure[] {
  return [
    { name: 'steps', value: nSteps, text: `${nSteps} step${nSteps === 1 ? '' : 's'}`, better: 'lower' },
    { name: 'distance', value: distance, text: `${distance.toPrecision(2)} from (1, 1)` },
  ];
}

/**
 * The instructor's reference optimizers of the forms the learner's follows: the official solution (the workshop's
 * form, `reference` or `epsInside`) and, from the hidden folder, PyTorch's ε outside the root (`epsOutside`). None
 * in a student kit, which has neither.
 */
async function referencesFor(
  optimizer: OptimizerId,
  file: string,
  className: string,
  forms: string[],
): Promise<Array<{ Optimizer: OptimizerClass; name: string }>> {
  const official = await loadReferenceExport<OptimizerClass>(COURSE, file, className);
  if (!official) return [];
  const outside = (
    await loadHiddenExport<Record<string, OptimizerClass>>(COURSE, 'epsilon-outside.ts', 'EPSILON_OUTSIDE')
  )?.[optimizer];
  const references = [];
  if (!forms.includes('epsOutside') || forms.length > 1 || !outside)
    references.push({ Optimizer: official, name: `the reference ${className}` });
  if (forms.includes('epsOutside') && outside)
    references.push({ Optimizer: outside, name: `the reference ${className} (ε outside the root, as yours)` });
  return references;
}

function expectWithinGoal(trajectory: Point[], entry: Entry, runBy: string): void {
  const last = trajectory[trajectory.length - 1];
  const distance = last ? distanceToGoal(last) : Infinity;
  if (!last) throw new SessionProblem(`your ${runBy} returned no trajectory`);
  if (!(distance <= RADIUS)) {
    const firstInside = trajectory.findIndex((p) => distanceToGoal(p) <= RADIUS);
    const closest = Math.min(...trajectory.map(distanceToGoal));
    throw new SessionProblem(
      `after ${entry.nSteps} steps of ${runBy} the trajectory ends at (${last.map((v) => v.toPrecision(6)).join(', ')}), ` +
        `${Number.isFinite(distance) ? distance.toPrecision(5) : 'infinitely far'} from (1, 1); it must be within ${RADIUS}. ` +
        (firstInside >= 0
          ? // The trajectory's rows are the points before each step: row i is the last one of nSteps = i + 1.
            `It was inside at row ${firstInside}, then overshot: nSteps = ${firstInside + 1} ends there, or damp it.`
          : Number.isFinite(closest)
            ? `It never got closer than ${closest.toPrecision(5)}: try more steps or a larger learning rate.`
            : 'It diverged: try a smaller learning rate.'),
    );
  }
}
