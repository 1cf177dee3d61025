// The tests every optimizer exercise shares: follow PyTorch on every fixture case, keep state per instance,
// use the accumulated gradient, and let zeroGrad() clear it. Each suite file adds its own name and reference.
import { test } from 'vitest';
import { bestDivergence, formatPoint } from './compare-trajectories.js';
import { fixtureCases, VARIANT_NAMES, type FixtureCase, type OptimizerId } from './fixtures.js';
import { learnerPath, loadLearnerExport } from './load-learner.js';
import { advance, backward, LearnerThrew, startRun, type OptimizerClass } from './run-optimizer.js';

export interface OptimizerSpec {
  id: OptimizerId;
  file: string;
  className: string;
}

const COURSE = 'optimizers';

/** Learner exceptions become messages a student can act on; "not implemented yet" stays recognisable. */
function explain(error: unknown, file: string): never {
  if (error instanceof LearnerThrew) {
    const inner = error.cause instanceof Error ? error.cause.message : String(error.cause);
    if (/^not implemented yet/i.test(inner)) throw new Error(inner);
    const where = error.cause instanceof Error ? firstLearnerFrame(error.cause, file) : '';
    throw new Error(`${error.message}${where ? ` (${where})` : ''}`);
  }
  throw error;
}

function firstLearnerFrame(error: Error, file: string): string {
  const line = (error.stack ?? '').split('\n').find((frame) => frame.includes(file));
  const match = line && /([^\s(]+):(\d+):(\d+)\)?\s*$/.exec(line);
  return match ? `${file}:${match[2]}` : '';
}

function describeOptions(c: FixtureCase): string {
  const options = Object.entries(c.options).map(([k, v]) => `${k} ${v}`).join(', ');
  return `${c.nSteps} steps from (${c.start.join(', ')}), ${options}`;
}

function failureMessage(c: FixtureCase, divergence: NonNullable<ReturnType<typeof bestDivergence>>): string {
  const { step, expected, actual, variant } = divergence;
  const when = step === 0 ? 'at the start' : `after update ${step} of ${c.nSteps - 1}`;
  const nonFinite = actual && actual.some((v) => !Number.isFinite(v)) ? ' The values are not finite: look for a division by zero or an overflow.' : '';
  return (
    `${c.name} (${describeOptions(c)}): the trajectory leaves ${VARIANT_NAMES[variant] ?? variant} ${when}: ` +
    `expected ${formatPoint(expected)}, got ${formatPoint(actual)}.${nonFinite}`
  );
}

export function defineOptimizerSuite(spec: OptimizerSpec): void {
  const file = learnerPath(COURSE, spec.file);
  let loaded: Promise<OptimizerClass> | undefined;
  const load = (): Promise<OptimizerClass> => (loaded ??= loadLearnerExport<OptimizerClass>(COURSE, spec.file, spec.className, 'class'));

  const follow = (Optimizer: OptimizerClass, c: FixtureCase, nSteps = c.nSteps) => {
    const run = startRun(Optimizer, c.start, c.options);
    return { run, next: () => advance(run, c.backwardsPerStep), nSteps };
  };

  for (const c of fixtureCases(spec.id)) {
    test(`follows PyTorch: ${c.name}`, async () => {
      const Optimizer = await load();
      const trajectory = (() => {
        try {
          const { run, next } = follow(Optimizer, c);
          for (let i = 0; i < c.nSteps; i++) next();
          return run.trajectory;
        } catch (error) {
          return explain(error, file);
        }
      })();
      const divergence = bestDivergence(trajectory, c.expected);
      if (divergence) throw new Error(failureMessage(c, divergence));
    });
  }

  test('two optimizers at once keep their own state', async () => {
    const Optimizer = await load();
    const [first, second] = fixtureCases(spec.id).filter((c) => c.backwardsPerStep === 1 && c.nSteps >= 50).slice(-2) as [FixtureCase, FixtureCase];
    const nSteps = Math.min(first.nSteps, second.nSteps, 100);
    try {
      const a = follow(Optimizer, first);
      const b = follow(Optimizer, second);
      for (let i = 0; i < nSteps; i++) {
        a.next();
        b.next();
      }
      for (const [c, run] of [[first, a.run], [second, b.run]] as const) {
        const truncated = Object.fromEntries(Object.entries(c.expected).map(([k, t]) => [k, t.slice(0, nSteps)]));
        const divergence = bestDivergence(run.trajectory, truncated);
        if (divergence) {
          throw new Error(
            `with two ${spec.className} instances stepping in turn, ${failureMessage({ ...c, nSteps }, divergence)} ` +
              'Alone it may pass: keep every running average on `this`, not in a variable shared by all instances.',
          );
        }
      }
    } catch (error) {
      explain(error, file);
    }
  });

  test('zeroGrad() clears the accumulated gradient', async () => {
    const Optimizer = await load();
    const [c] = fixtureCases(spec.id) as [FixtureCase];
    try {
      const run = startRun(Optimizer, c.start, c.options);
      advance(run);
      backward(run.parameter);
      run.optimizer.zeroGrad();
      const grad = run.parameter.grad;
      if (grad !== null && Array.from(grad).some((v) => v !== 0)) {
        throw new Error(
          `after zeroGrad(), parameters.grad is still [${Array.from(grad).join(', ')}]; set it to null, or the next backward pass adds to the old gradient`,
        );
      }
    } catch (error) {
      explain(error, file);
    }
  });
}

