// The search findings (grader/optimizers/harness/search-findings.ts) on made-up trial lists: a wrong spacing, loops
// swapped, draws taken in another order are named from the trials' structure; right trials and lists with no
// recognisable structure say nothing.
import { expect, test } from 'vitest';
import {
  bestFinding,
  gridFinding,
  gridSizeFinding,
  randomFinding,
  stepsFinding,
  type Setting,
} from '../grader/optimizers/harness/search-findings.js';
import { seededRandom } from '../grader/optimizers/harness/seeded-random.js';

const lrs = [1e-3, 1e-2, 1e-1];
const mus = [0.5, 0.7, 0.9];
const grid = (outer: 'learningRate' | 'momentum', lr = lrs, mu = mus): Setting[] =>
  outer === 'learningRate'
    ? lr.flatMap((learningRate) => mu.map((momentum) => ({ learningRate, momentum })))
    : mu.flatMap((momentum) => lr.map((learningRate) => ({ learningRate, momentum })));

test('the expected grid says nothing; an unrecognisable one says nothing', () => {
  expect(gridFinding(grid('learningRate'), grid('learningRate'))).toBe('');
  const odd = grid('learningRate').map((s, i) => ({ ...s, learningRate: s.learningRate * (1 + i / 7) }));
  expect(gridFinding(odd, grid('learningRate'))).toBe('');
});

test('learning rates spaced in value instead of log10 are named, and momenta spaced in log10', () => {
  expect(gridFinding(grid('learningRate', [1e-3, 0.0505, 0.1]), grid('learningRate'))).toMatch(
    /learning rates are spaced evenly in value \(linearly\), between the right ends/,
  );
  expect(gridFinding(grid('learningRate', lrs, [0.1, 1, 10]), grid('learningRate'))).toMatch(
    /momentums are spaced evenly in log10/,
  );
});

test('the loops swapped: the same settings, momentum in the outer loop', () => {
  expect(gridFinding(grid('momentum'), grid('learningRate'))).toMatch(
    /your learning rate changes first; the learning rate belongs in the outer loop/,
  );
});

test('random draws: momentum first, the learning rate drawn in value, or draws skipped', () => {
  const space = { learningRate: [1e-4, 1e-1], momentum: [0.3, 0.99] } as const;
  const random = seededRandom(3);
  const draws = Array.from({ length: 40 }, () => random());
  const [a, b] = space.learningRate;
  const [m, n] = space.momentum;
  const trial = (u: number, v: number, linear = false): Setting => ({
    learningRate: linear ? a + u * (b - a) : a * (b / a) ** u,
    momentum: m + v * (n - m),
  });
  const k = Array.from({ length: 6 }, (_, i) => i);
  expect(
    randomFinding(
      k.map((i) => trial(draws[2 * i]!, draws[2 * i + 1]!)),
      draws,
      space,
    ),
  ).toBe('');
  expect(
    randomFinding(
      k.map((i) => trial(draws[2 * i + 1]!, draws[2 * i]!)),
      draws,
      space,
    ),
  ).toMatch(/draws its momentum first/);
  expect(
    randomFinding(
      k.map((i) => trial(draws[2 * i]!, draws[2 * i + 1]!, true)),
      draws,
      space,
    ),
  ).toMatch(/learning rate is drawn evenly in value/);
  expect(
    randomFinding(
      k.map((i) => trial(draws[3 * i]!, draws[3 * i + 1]!)),
      draws,
      space,
    ),
  ).toMatch(/some draws are skipped or used twice/);
});

test('a grid fraction of i / k instead of i / (k − 1) is named: the last value short of the upper bound', () => {
  // Three values per coordinate at fractions 0, 1/3, 2/3: in log10 for the learning rate, in value for the momentum.
  const short = [1e-3, 10 ** (-3 + 2 / 3), 10 ** (-3 + 4 / 3)];
  expect(gridFinding(grid('learningRate', short), grid('learningRate'))).toMatch(
    /learning rates start at the lower bound but stop one step short of the upper one: your last is 0\.02154, it should be 0\.1.*i \/ \(k − 1\), not i \/ k/,
  );
  expect(gridFinding(grid('learningRate', lrs, [0.5, 0.5 + 0.4 / 3, 0.5 + 0.8 / 3]), grid('learningRate'))).toMatch(
    /momentums start at the lower bound but stop one step short/,
  );
});

test('a random search that never calls its generator, or whose values are none of its draws, is told to use it', () => {
  const space = { learningRate: [1e-4, 1e-1], momentum: [0.3, 0.99] } as const;
  const draws = (() => {
    const r = seededRandom(3);
    return Array.from({ length: 24 }, () => r());
  })();
  // Values in range, from another generator.
  const other = seededRandom(99);
  const trials = Array.from({ length: 6 }, () => ({
    learningRate: 1e-4 * 1000 ** other(),
    momentum: 0.3 + 0.69 * other(),
  }));
  expect(randomFinding(trials, draws, space)).toMatch(/use the random generator you are given .*not Math\.random/);
  expect(randomFinding(trials, draws, space, 0)).toMatch(/^randomSearch never calls the random generator it is given/);
});

test('a coordinate whose grid runs from the upper bound down is named, with the values it took', () => {
  const down = [...lrs].reverse();
  expect(gridFinding(grid('learningRate', down), grid('learningRate'))).toMatch(
    /your learning rates run from the upper bound down: 0\.1, 0\.01, 0\.001; they should run from 0\.001 up to 0\.1/,
  );
});

test('random draws: one draw for both values, or each learning rate mirrored', () => {
  const space = { learningRate: [1e-4, 1e-1], momentum: [0.3, 0.99] } as const;
  const random = seededRandom(5);
  const draws = Array.from({ length: 40 }, () => random());
  const [a, b] = space.learningRate;
  const [m, n] = space.momentum;
  const k = Array.from({ length: 6 }, (_, i) => i);
  const oneDraw = k.map((i) => ({ learningRate: a * (b / a) ** draws[i]!, momentum: m + draws[i]! * (n - m) }));
  expect(randomFinding(oneDraw, draws, space)).toMatch(/each trial uses one draw for both values/);
  const mirrored = k.map((i) => ({
    learningRate: a * (b / a) ** (1 - draws[2 * i]!),
    momentum: m + draws[2 * i + 1]! * (n - m),
  }));
  expect(randomFinding(mirrored, draws, space)).toMatch(/each learning rate is the mirror image of its draw/);
});

test('steps recorded from evaluate(momentum, learningRate) are named as swapped arguments', () => {
  const evaluate = (lr: number, mu: number) => Math.round(1000 * lr + 10 * mu);
  const trial = { learningRate: 0.01, momentum: 0.9, steps: evaluate(0.9, 0.01) };
  expect(stepsFinding(trial, evaluate)).toMatch(/the arguments are swapped/);
  expect(stepsFinding({ ...trial, steps: 3 }, evaluate)).toBe('');
});

test('a grid of the wrong size: k rounded up, or the whole budget per coordinate; the right size says nothing', () => {
  expect(gridSizeFinding(25, 20, 16)).toMatch(
    /5 values per coordinate, 5 × 5 = 25 trials, more than .*rounded up to 5/,
  );
  expect(gridSizeFinding(400, 20, 16)).toMatch(/each coordinate takes the whole budget/);
  expect(gridSizeFinding(16, 20, 16)).toBe('');
  expect(gridSizeFinding(20, 20, 16)).toBe('');
});

test('learning rates with the power on the lower exponent alone, or no power at all', () => {
  const lo = [1e-4, 1e-3, 1e-2, 1e-1];
  const expected = lo.flatMap((learningRate) => mus.map((momentum) => ({ learningRate, momentum })));
  const at = (f: (u: number) => number) =>
    [0, 1, 2, 3].flatMap((i) => mus.map((momentum) => ({ learningRate: f(i / 3), momentum })));
  expect(
    gridFinding(
      at((u) => 1e-4 + 3 * u),
      expected,
    ),
  ).toMatch(/past the upper bound 0\.1: 10 \*\* applies to/);
  expect(
    gridFinding(
      at((u) => -4 + 3 * u),
      expected,
    ),
  ).toMatch(/the exponents themselves/);
});

test('random trials that are all the same: drawn once before the loop only when the generator says so', () => {
  const space = { learningRate: [1e-4, 1e-1], momentum: [0.3, 0.99] } as const;
  const draws = Array.from({ length: 24 }, (_, i) => (i * 0.37) % 1);
  const same = Array.from({ length: 12 }, () => ({ learningRate: 1e-3, momentum: 0.5 }));
  expect(randomFinding(same, draws, space, 2)).toMatch(
    /every one of the 12 trials used the same learning rate \(0\.001\) and the same momentum \(0\.5\): they are drawn once, before the loop/,
  );
  expect(randomFinding(same, draws, space, 24)).toMatch(/used the same .*: each trial must draw its own values/);
  expect(randomFinding(same, draws, space, 24)).not.toMatch(/before the loop/);
});

test('bestTrial: each wrong pick of the sample is named, the right one says nothing', () => {
  const sample = [6, 9, Infinity, 4, 4, 7].map((steps, i) => ({ learningRate: (i + 1) / 100, momentum: 0.5, steps }));
  const pick = (i: number) => sample[i]!;
  expect(bestFinding(sample, pick(3), 3)).toBe('');
  expect(bestFinding(sample, pick(0), 3)).toMatch(/keeps the first trial \(6 steps\).*such as 0/);
  expect(bestFinding(sample, pick(4), 3)).toMatch(/on a tie bestTrial keeps the later trial/);
  expect(bestFinding(sample, pick(2), 3)).toMatch(/a run that did not converge .* the comparison is reversed/);
  expect(bestFinding(sample, pick(1), 3)).toMatch(/the most steps among those that converged/);
  expect(bestFinding(sample, pick(5), 3)).toMatch(/returned the last trial/);
});

test('a random search that pushes one object and changes it in place is named by the last draws it holds', () => {
  const space = { learningRate: [1e-4, 1e-1], momentum: [0.3, 0.99] } as const;
  const random = seededRandom(3);
  const draws = Array.from({ length: 12 }, () => random());
  const [a, b] = space.learningRate;
  const [m, n] = space.momentum;
  const trial = (i: number): Setting => ({
    learningRate: a * (b / a) ** draws[2 * i]!,
    momentum: m + draws[2 * i + 1]! * (n - m),
  });
  const last = trial(5);
  expect(
    randomFinding(
      Array.from({ length: 6 }, () => ({ ...last })),
      draws,
      space,
    ),
  ).toMatch(/the last setting tried\. One trial object is pushed every time/);
  // The first trial's values everywhere are values drawn once, not one object changed in place.
  const first = trial(0);
  expect(
    randomFinding(
      Array.from({ length: 6 }, () => ({ ...first })),
      draws,
      space,
    ),
  ).not.toMatch(/One trial object/);
});
