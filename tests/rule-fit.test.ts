// The rule fit (grader/optimizers/harness/rule-fit.ts) on the committed probe scenarios: the reference rule
// reproduces PyTorch, PyTorch's own responses fit nothing, and responses made by changing one or two components of
// the reference are named by exactly those components, whatever code would produce them.
import { describe, expect, test } from 'vitest';
import { mistakeNotes, probeScenarios } from '../grader/optimizers/harness/fixtures.js';
import { probeFindings } from '../grader/optimizers/harness/probe-findings.js';
import { fitMessage, fitRule, referenceReproducesPyTorch, responsesOf } from '../grader/optimizers/harness/rule-fit.js';

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

const CASES: Array<[(typeof OPTIMIZERS)[number], Record<string, string>, RegExp]> = [
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
];

test.each(CASES)('%s with %j is named by what changed', (optimizer, changes, words) => {
  const scenarios = probeScenarios(optimizer);
  const responses = responsesOf(scenarios, changes);
  const fit = fitRule(scenarios, responses);
  expect(fit?.changes.map((c) => c.component).sort()).toEqual(Object.keys(changes).sort());
  expect(fitMessage(fit!)).toMatch(words);
  // The probes' first finding is the fit, or a typical mistake the fixtures already word.
  const first = probeFindings(scenarios, responses, mistakeNotes(optimizer))[0];
  expect(first?.id).toMatch(/^(rule-fit|mistake:)/);
});

test('responses that NaN everywhere, with two rules that would do it, are not pinned on either', () => {
  const scenarios = probeScenarios('adam');
  // A state of undefined entries and t = 0 on the first step both give NaN on every probe.
  expect(fitRule(scenarios, responsesOf(scenarios, { init: 'undefined' }))).toBeNull();
});

test('a state that starts at θ is neither shared state nor coupled coordinates', () => {
  const scenarios = probeScenarios('momentum');
  const ids = probeFindings(scenarios, responsesOf(scenarios, { init: 'theta' }), mistakeNotes('momentum')).map(
    (f) => f.id,
  );
  expect(ids).not.toContain('shared-state');
  expect(ids).not.toContain('coupled');
});
