// The rule fit (grader/optimizers/hidden/rule-fit.ts) on the committed probe scenarios: the reference rule
// reproduces PyTorch, PyTorch's own responses fit nothing, and responses made by changing one or two components of
// the reference are named by exactly those components, whatever code would produce them.
import { describe, expect, test } from 'vitest';
import { mistakeNotes, probeScenarios } from '../grader/optimizers/harness/fixtures.js';
import { probeFindings } from '../grader/optimizers/harness/probe-findings.js';
import { fitProbes } from '../grader/optimizers/harness/fit-probes.js';
import { fitMessage, type RuleFitter } from '../grader/optimizers/harness/rule-fit-contract.js';
import { probesFor, ruleFit } from '../grader/optimizers/harness/optimizer-suite.js';
import { fitRule, fitVerdict, referenceReproducesPyTorch, responsesOf } from '../grader/optimizers/hidden/rule-fit.js';

test('the suites find the fit in the hidden folder, by the contract the kit type-checks against', () => {
  const contract: RuleFitter = fitVerdict;
  expect(ruleFit).toBe(contract);
});

test('the fit’s own probes run only where there is a fit to read them (not in a student kit)', () => {
  const withFit = probesFor('adam', fitVerdict).map((s) => s.name);
  expect(withFit).toEqual(expect.arrayContaining(['fit:restart', 'fit:negativeDecays']));
  expect(probesFor('adam', undefined)).toEqual(probeScenarios('adam'));
});

const OPTIMIZERS = ['momentum', 'rmsprop', 'adam'] as const;

describe.each(OPTIMIZERS)('%s', (optimizer) => {
  const scenarios = probeScenarios(optimizer);
  test('the reference rule reproduces PyTorch on every probe; PyTorch fits no change', () => {
    expect(referenceReproducesPyTorch(scenarios)).toBe(true);
    for (const variant of Object.keys(scenarios[0]!.expected))
      expect(
        fitRule(
          scenarios,
          scenarios.map((s) => ({ points: s.expected[variant]!, gradChanged: false })),
        ),
      ).toBeNull();
    expect(fitRule(scenarios, responsesOf(scenarios, {}))).toBeNull();
  });
});

const CASES: Array<[(typeof OPTIMIZERS)[number] | 'sgd', Record<string, string>, RegExp]> = [
  ['momentum', { init: 'theta' }, /the velocity does not start at zero: it starts as a copy of θ/],
  ['momentum', { init: 'undefined' }, /the velocity does not start at zero: its entries are not numbers/],
  ['momentum', { oldWeight: 'one' }, /the velocity never decays/],
  ['momentum', { newWeight: 'oneMinusMuSquared' }, /weighted by \(1 − μ\)², not \(1 − μ\)/],
  ['rmsprop', { oldWeight: 'one' }, /^r never decays/],
  ['rmsprop', { squared: 'xor' }, /bitwise XOR/],
  ['rmsprop', { squared: 'absG' }, /^r averages \|g\|, not g²/],
  ['rmsprop', { denominator: 'noSqrt' }, /divides by r \+ ε itself/],
  ['adam', { squared: 'aSquared' }, /r averages the square of the first average a/],
  ['adam', { numerator: 'g' }, /the step uses the raw gradient g/],
  ['adam', { correctA: 'other', correctR: 'other' }, /â is bias-corrected with μ₂.*; and r̂ is bias-corrected with μ₁/],
  ['adam', { correctR: 'powerOfOneMinus' }, /the bias correction of r̂ is \(1 − μ₂\)ᵗ/],
  ['adam', { t: 'fromTwo' }, /the corrections use t \+ 1/],
  ['momentum', { init: 'one' }, /the velocity starts at 1, not at zero/],
  ['momentum', { newWeight: 'noParens' }, /the parentheses around \(1 − μ\) are missing: μ·a \+ 1 − μ·g/],
  ['momentum', { repeats: 'twice' }, /the velocity is updated twice in each step/],
  ['rmsprop', { squared: 'xorOfAverage' }, /r is \(μ·r \+ \(1 − μ\)·g\) \^ 2: in JavaScript \^ is a bitwise XOR/],
  ['rmsprop', { init: 'first' }, /the average r starts at the first g², not at zero/],
  ['rmsprop', { newWeight: 'decayWrapsNew' }, /r ← μ·\(r \+ \(1 − μ\)·g²\), a parenthesis closed too late/],
  ['adam', { form: 'stepSizeNoRoot' }, /the step size uses \(1 − μ₂ᵗ\) without its square root/],
  ['adam', { order: 'stepFirst' }, /θ moves with the old averages/],
  ['adam', { correctR: 'divideFirst' }, /r̂ is r \/ 1 − μ₂ᵗ, which is \(r \/ 1\) − μ₂ᵗ/],
  ['adam', { averageA: 'otherNewWeight' }, /the new term of a is weighted by \(1 − μ₂\)/],
  ['rmsprop', { numerator: 'velocity' }, /the step divides a running average of the gradients \(a velocity/],
  ['rmsprop', { init: 'one' }, /^the average r starts at 1, not at zero\. Start it at zeros/],
  [
    'adam',
    { correctA: 'multiply', correctR: 'multiply' },
    /â is a·\(1 − μ₁ᵗ\): the bias correction multiplies .*; and r̂ is r·\(1 − μ₂ᵗ\)/,
  ],
  ['adam', { correctR: 'muTimesT' }, /the bias correction of r̂ is 1 − μ₂·t, μ₂ times t, not μ₂ to the power t/],
  ['sgd', { loop: 'values' }, /the loop runs over θ's values, not its indices/],
  ['sgd', { write: 'assign' }, /θ is replaced by the step instead of moved by it/],
  ['momentum', { write: 'assign' }, /parameters\.data holds −α·a\[i\] alone/],
  ['momentum', { init: 'alias' }, /the velocity is parameters\.data itself, and θ is set to zero/],
  ['momentum', { options: 'swapped' }, /the learning rate and the momentum are swapped/],
  ['rmsprop', { squared: 'twoG' }, /r takes in 2·g \(g \* 2, g doubled\), not g²/],
  ['rmsprop', { denominator: 'half' }, /divides by \(r \+ ε\) \/ 2, half of it, not by its square root/],
];

test.each(CASES)('%s with %j is named by what changed', (optimizer, changes, words) => {
  const scenarios = probeScenarios(optimizer);
  // The instance shows its running averages, as a learner's own fields do (this.#a would not).
  const responses = responsesOf(scenarios, changes, true);
  const fit = fitRule(scenarios, responses);
  expect(fit?.changes.map((c) => c.component).sort()).toEqual(Object.keys(changes).sort());
  expect(fitMessage(fit!)).toMatch(words);
  // The probes' first finding is the fit, or a typical mistake the fixtures already word.
  const first = probeFindings(scenarios, responses, mistakeNotes(optimizer), fitVerdict)[0];
  expect(first?.id).toMatch(/^(rule-fit|mistake:)/);
});

test('responses that NaN everywhere, with two rules that would do it, are not pinned on either', () => {
  const scenarios = probeScenarios('adam');
  // A state of undefined entries and t = 0 on the first step both give NaN on every probe.
  expect(fitRule(scenarios, responsesOf(scenarios, { init: 'undefined' }))).toBeNull();
});

test('a state that starts at θ is neither shared state nor coupled coordinates', () => {
  const scenarios = probeScenarios('momentum');
  const ids = probeFindings(
    scenarios,
    responsesOf(scenarios, { init: 'theta' }),
    mistakeNotes('momentum'),
    fitVerdict,
  ).map((f) => f.id);
  expect(ids).not.toContain('shared-state');
  expect(ids).not.toContain('coupled');
});

test('a velocity that subtracts g acts like a step that adds the velocity: only the instance’s arrays tell which', () => {
  const scenarios = probeScenarios('momentum');
  const velocity = { newWeight: 'minusOneMinusMu' };
  expect(fitMessage(fitRule(scenarios, responsesOf(scenarios, velocity, true))!)).toMatch(
    /the velocity update subtracts the gradient term/,
  );
  expect(fitMessage(fitRule(scenarios, responsesOf(scenarios, { stepSign: 'add' }, true))!)).toMatch(
    /the step adds α·a to θ instead of subtracting it/,
  );
  // Hidden arrays (this.#a): neither is named, nor the typical mistake that acts like both.
  const hidden = responsesOf(scenarios, velocity);
  expect(fitVerdict(scenarios, hidden)).toEqual({ fit: null, ambiguous: true });
  expect(probeFindings(scenarios, hidden, mistakeNotes('momentum'), fitVerdict).map((f) => f.id)).not.toContain(
    'mistake:adds-velocity',
  );
});

describe('NaN from the first step, told apart by a restart from a finite θ and by the instance’s arrays', () => {
  const scenarios = [...probeScenarios('adam'), ...fitProbes(probeScenarios('adam'))];
  test.each([
    [
      { correctA: 'xor', correctR: 'xor' },
      /the bias correction of â computes μ₁ \^ t: in JavaScript \^ is a bitwise XOR/,
    ],
    [{ init: 'undefined' }, /its entries are not numbers/],
    [{ t: 'fromZero' }, /t is 0 on the first step/],
    [{ correctA: 'powSwapped', correctR: 'powSwapped' }, /the bias correction of â raises t to the power μ₁/],
  ])('%j', (changes, words) => {
    expect(fitMessage(fitRule(scenarios, responsesOf(scenarios, changes, true))!)).toMatch(words);
  });
  test('μ ^ t and t ** μ are NaN alike on the usual probes: without the one step at μ = −1, neither is named', () => {
    const blind = (responses: ReturnType<typeof responsesOf>) =>
      responses.map((r, i) => (scenarios[i]!.name === 'fit:negativeDecays' ? null : r));
    for (const kind of ['xor', 'powSwapped'])
      expect(fitRule(scenarios, blind(responsesOf(scenarios, { correctA: kind, correctR: kind }, true)))).toBeNull();
  });
  test('without the arrays, a NaN on every probe is pinned on nothing', () => {
    expect(fitRule(scenarios, responsesOf(scenarios, { init: 'undefined' }))).toBeNull();
  });
});
