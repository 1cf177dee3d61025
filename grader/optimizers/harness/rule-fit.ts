// Model fitting: the learner's probe responses are compared with a small family of update rules, each the reference
// rule with one or two components changed (the weights on the old state and the new term, what is averaged, whether
// the average decays, which correction divides which moment, what the step divides, the initial state …). The rule
// that reproduces every single-instance probe with the fewest changes names what differs, in words. No list of
// learner files is involved: any mistake that is a change of these components is named, whatever its source.
// Pure: the rules are simulated here on the probe scenarios' gradients; the reference rule is checked against
// PyTorch's own responses first, and nothing is fitted if it does not reproduce them.
import { samePoints } from './compare-trajectories.js';
import type { Point } from '../../../courses/optimizers/manifest.js';

// The shapes of probe-findings.ts's scenarios and responses, as far as a fit reads them (that module imports this
// one, so they are restated here rather than imported).
interface ProbeScenario {
  starts: Point[];
  options: Record<string, number>;
  actions: Array<{ create?: number; step?: number; grad?: Point; mode?: 'new' | 'inPlace' }>;
  expected: Record<string, Point[]>;
}
interface ProbeResponse {
  points: Point[];
  gradChanged: boolean;
}

/** One component of an update rule: its possible values, those the reference accepts, and each value in words. */
export interface Component {
  name: string;
  values: readonly string[];
  /** The values that follow PyTorch (several where the course accepts variants, e.g. ε inside or outside the root). */
  accepted: readonly string[];
  /** What a learner's value means, as a plain-words sentence for a student; undefined for accepted values. */
  words: Record<string, string>;
}

export type Rule = Record<string, string>;

type Options = Record<string, number>;

/** A per-instance update rule: the state it starts with, and one step of it (θ changes in place). */
interface Family {
  components: readonly Component[];
  init(rule: Rule, theta: Point): Record<string, number[] | number>;
  step(rule: Rule, o: Options, state: Record<string, number[] | number>, theta: number[], g: Point): void;
}

const lr = (o: Options): number => o.learningRate ?? NaN;

/** What a running average starts as: zeros, a copy of θ, entries that are not numbers (new Array(n)). */
const INIT = (what: string): Component => ({
  name: 'init',
  values: ['zero', 'theta', 'undefined'],
  accepted: ['zero'],
  words: {
    theta:
      `${what} does not start at zero: it starts as a copy of θ (parameters.data), so even a zero gradient moves θ ` +
      'on the first step. Start it at zeros: new Float64Array(n)',
    undefined:
      `${what} does not start at zero: its entries are not numbers (new Array(n) holds undefined, and μ·undefined ` +
      'is NaN), so θ becomes NaN on the first step. Start it at zeros: new Float64Array(n), or new Array(n).fill(0)',
  },
});

const start = (rule: Rule, theta: Point): number[] =>
  rule.init === 'theta' ? [theta[0], theta[1]] : rule.init === 'undefined' ? [NaN, NaN] : [0, 0];

/** What a step divides by, r standing for the (corrected) average of the squares. */
const DENOMINATOR = (what: string, update: string): Component => ({
  name: 'denominator',
  // ε left out is left to the probes' own ε findings, which show what ε changes (nothing) and the 0 / 0 it causes.
  values: ['sqrtPlusEps', 'sqrtOfSumEps', 'noSqrt', 'epsOutsideDivision'],
  accepted: ['sqrtPlusEps', 'sqrtOfSumEps'],
  words: {
    noSqrt: `the step divides by ${what} + ε itself; it must divide by its square root: ${update}`,
    epsOutsideDivision:
      `ε is added to the step, after the division (precedence): it belongs in the denominator, ${update}; ` +
      'mind the parentheses',
  },
});

function divide(rule: Rule, numerator: number, r: number, eps: number): number {
  switch (rule.denominator) {
    case 'sqrtOfSumEps':
      return numerator / Math.sqrt(r + eps);
    case 'noSqrt':
      return numerator / (r + eps);
    case 'epsOutsideDivision':
      return numerator / Math.sqrt(r) + eps;
    default:
      return numerator / (Math.sqrt(r) + eps);
  }
}

/** What the average of the squares takes in: g², g, |g|, g ^ 2 (in JavaScript a bitwise XOR, not a square). */
function squareOf(kind: string, g: number, a: number): number {
  switch (kind) {
    case 'g':
      return g;
    case 'absG':
      return Math.abs(g);
    case 'xor':
      return g ^ 2;
    case 'aSquared':
      return a * a;
    default:
      return g * g;
  }
}

const SQUARED_WORDS = (r: string, mu: string): Record<string, string> => ({
  g: `${r} averages g, not g²: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  absG: `${r} averages |g|, not g²: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  xor:
    `${r} takes in g ^ 2, which in JavaScript is a bitwise XOR of whole numbers (1 ^ 2 is 3, 2 ^ 2 is 0), not a ` +
    'square: write g * g or g ** 2',
  aSquared: `${r} averages the square of the first average a, not the square of the gradient: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
});

/** The weights a rule gives the old average and the new term, for a decay μ (NaN for a value it does not know). */
const averageWeights = (rule: Rule, mu: number): [number, number] => [
  { mu, oneMinusMu: 1 - mu, one: 1 }[rule.oldWeight!] ?? NaN,
  { oneMinusMu: 1 - mu, mu, one: 1, oneMinusMuSquared: (1 - mu) ** 2 }[rule.newWeight!] ?? NaN,
];

const MOMENTUM: Family = {
  components: [
    INIT('the velocity'),
    {
      name: 'oldWeight',
      // A velocity dropped every step is left to the probes' "nothing is carried over", which shows the evidence.
      values: ['mu', 'oneMinusMu', 'one'],
      accepted: ['mu'],
      words: {
        oneMinusMu: 'the old velocity is weighted by (1 − μ); it keeps the weight μ: a ← μ·a + (1 − μ)·g',
        one: 'the velocity never decays: the old velocity must be multiplied by μ (a ← μ·a + (1 − μ)·g), yours keeps all of it',
      },
    },
    {
      name: 'newWeight',
      values: ['oneMinusMu', 'mu', 'one', 'oneMinusMuSquared'],
      accepted: ['oneMinusMu'],
      words: {
        mu: 'the new gradient is weighted by μ; it gets (1 − μ): a ← μ·a + (1 − μ)·g',
        one: 'the new gradient lacks the (1 − μ) factor: a ← μ·a + (1 − μ)·g',
        oneMinusMuSquared: 'the new gradient is weighted by (1 − μ)², not (1 − μ): a ← μ·a + (1 − μ)·g',
      },
    },
    {
      name: 'order',
      values: ['updateFirst', 'stepFirst'],
      accepted: ['updateFirst'],
      words: { stepFirst: 'θ moves with the old velocity: update a first, then θ ← θ − α·a' },
    },
    {
      name: 'stepUses',
      values: ['a', 'g'],
      accepted: ['a'],
      words: { g: 'the step uses the gradient, not the velocity: θ ← θ − α·a' },
    },
  ],
  init: (rule, theta) => ({ a: start(rule, theta) }),
  step(rule, o, state, theta, g) {
    const mu = o.momentum ?? NaN;
    const a = state.a as number[];
    const [oldW, newW] = averageWeights(rule, mu);
    for (let i = 0; i < 2; i++) {
      const before = a[i]!;
      a[i] = oldW * before + newW * g[i]!;
      const v = rule.stepUses === 'g' ? g[i]! : rule.order === 'stepFirst' ? before : a[i]!;
      theta[i]! -= lr(o) * v;
    }
  },
};

const RMSPROP: Family = {
  components: [
    INIT('the average r'),
    {
      name: 'oldWeight',
      values: ['mu', 'oneMinusMu', 'one'],
      accepted: ['mu'],
      words: {
        oneMinusMu: 'the old r is weighted by (1 − μ); it keeps the weight μ: r ← μ·r + (1 − μ)·g²',
        one:
          'r never decays: it adds (1 − μ)·g² to the whole of the old r, so it only grows. The old r must be ' +
          'multiplied by μ: r ← μ·r + (1 − μ)·g²',
      },
    },
    {
      name: 'newWeight',
      values: ['oneMinusMu', 'mu', 'one', 'oneMinusMuSquared'],
      accepted: ['oneMinusMu'],
      words: {
        mu: 'the new g² is weighted by μ; it gets (1 − μ): r ← μ·r + (1 − μ)·g²',
        one: 'the new g² lacks the (1 − μ) factor: r ← μ·r + (1 − μ)·g²',
        oneMinusMuSquared:
          'the new term is ((1 − μ)·g)²: the square covers (1 − μ) too, so g² is weighted by (1 − μ)². Square g ' +
          'alone: r ← μ·r + (1 − μ)·g²',
      },
    },
    { name: 'squared', values: ['g2', 'g', 'absG', 'xor'], accepted: ['g2'], words: SQUARED_WORDS('r', 'μ') },
    DENOMINATOR('r', 'α·g / (√r + ε) or α·g / √(r + ε)'),
    {
      name: 'order',
      values: ['updateFirst', 'stepFirst'],
      accepted: ['updateFirst'],
      words: { stepFirst: 'the step divides by the old r: update r ← μ·r + (1 − μ)·g² first, then divide by its root' },
    },
  ],
  init: (rule, theta) => ({ r: start(rule, theta) }),
  step(rule, o, state, theta, g) {
    const mu = o.momentum ?? NaN;
    const r = state.r as number[];
    const [oldW, newW] = averageWeights(rule, mu);
    for (let i = 0; i < 2; i++) {
      const before = r[i]!;
      r[i] = oldW * before + newW * squareOf(rule.squared!, g[i]!, 0);
      const used = rule.order === 'stepFirst' ? before : r[i]!;
      theta[i]! -= divide(rule, lr(o) * g[i]!, used, o.epsilon ?? NaN);
    }
  },
};

const CORRECTION = (moment: string, own: string, other: string): Component => ({
  name: `correct${moment === 'â' ? 'A' : 'R'}`,
  values: ['own', 'other', 'powerOfOneMinus', 'none', 'noPower'],
  accepted: ['own'],
  words: {
    other: `${moment} is bias-corrected with ${other}: ${moment} needs 1 − ${own}ᵗ`,
    powerOfOneMinus:
      `the bias correction of ${moment} is (1 − ${own})ᵗ; it must be 1 − ${own}ᵗ: ${own} raised to the power t, ` +
      'then subtracted from 1 (mind the parentheses)',
    none: `${moment} is not bias-corrected: divide by 1 − ${own}ᵗ`,
    noPower: `the bias correction of ${moment} is 1 − ${own}, without the power t: it must be 1 − ${own}ᵗ`,
  },
});

const ADAM: Family = {
  components: [
    INIT('each running average (a and r)'),
    {
      name: 'averageA',
      values: ['mu1', 'mu2', 'noDecay', 'weightsSwapped'],
      accepted: ['mu1'],
      words: {
        mu2: 'the first average a is updated with μ₂ (momentumGradSquared): a ← μ₁·a + (1 − μ₁)·g',
        noDecay: 'a never decays: the old a must be multiplied by μ₁: a ← μ₁·a + (1 − μ₁)·g',
        weightsSwapped: 'in a, μ₁ and (1 − μ₁) are swapped: a ← μ₁·a + (1 − μ₁)·g',
      },
    },
    {
      name: 'averageR',
      values: ['mu2', 'mu1', 'noDecay', 'weightsSwapped', 'newSquared'],
      accepted: ['mu2'],
      words: {
        mu1: 'the average of the squares r is updated with μ₁ (momentumGrad): r ← μ₂·r + (1 − μ₂)·g²',
        noDecay: 'r never decays: the old r must be multiplied by μ₂: r ← μ₂·r + (1 − μ₂)·g²',
        weightsSwapped: 'in r, μ₂ and (1 − μ₂) are swapped: r ← μ₂·r + (1 − μ₂)·g²',
        newSquared:
          'the new term of r is ((1 − μ₂)·g)²: the square covers (1 − μ₂) too. Square g alone: r ← μ₂·r + (1 − μ₂)·g²',
      },
    },
    {
      name: 'squared',
      values: ['g2', 'g', 'absG', 'xor', 'aSquared'],
      accepted: ['g2'],
      words: SQUARED_WORDS('r', 'μ₂'),
    },
    CORRECTION('â', 'μ₁', 'μ₂'),
    CORRECTION('r̂', 'μ₂', 'μ₁'),
    {
      name: 'numerator',
      // The step using a itself is â not corrected (correctA "none"): one behaviour, one name.
      values: ['aHat', 'g'],
      accepted: ['aHat'],
      words: {
        g: 'the step uses the raw gradient g where it needs the corrected average â: θ ← θ − α·â / (√r̂ + ε)',
      },
    },
    DENOMINATOR('r̂', 'α·â / (√r̂ + ε) or α·â / √(r̂ + ε)'),
    {
      name: 't',
      values: ['fromOne', 'fromZero', 'fromTwo', 'frozen'],
      accepted: ['fromOne'],
      words: {
        fromZero:
          't is 0 on the first step (used before it is increased), so the first correction divides by 1 − μ⁰ = 0: ' +
          'increase t first, so that it is 1 on the first step',
        fromTwo:
          'the corrections use t + 1: t must be 1 on the first step (increase it once per step, before using it)',
        frozen:
          'the bias corrections stay 1 − μ₁ and 1 − μ₂ at every step, as if t were always 1: increase t by one in ' +
          'every step() and raise μ to the power t',
      },
    },
  ],
  init: (rule, theta) => ({ a: start(rule, theta), r: start(rule, theta), t: 0 }),
  step(rule, o, state, theta, g) {
    const [m1, m2] = [o.momentumGrad ?? NaN, o.momentumGradSquared ?? NaN];
    const a = state.a as number[];
    const r = state.r as number[];
    const count = (state.t as number) + 1;
    state.t = count;
    const t = { fromZero: count - 1, fromTwo: count + 1, frozen: 1 }[rule.t!] ?? count;
    const mus: Record<string, number> = { mu1: m1, mu2: m2 };
    /** The weights on the old average and the new term; `own` is the μ the average should decay with. */
    const weights = (kind: string, own: number): [number, number] => {
      if (kind in mus) return [mus[kind]!, 1 - mus[kind]!];
      if (kind === 'noDecay') return [1, 1 - own];
      if (kind === 'weightsSwapped') return [1 - own, own];
      return [own, (1 - own) ** 2]; // newSquared: ((1 − μ)·g)²
    };
    const [aOld, aNew] = weights(rule.averageA!, m1);
    const [rOld, rNew] = weights(rule.averageR!, m2);
    const correction = (kind: string, own: number, other: number): number =>
      ({ own: 1 - own ** t, other: 1 - other ** t, powerOfOneMinus: (1 - own) ** t, none: 1, noPower: 1 - own })[
        kind
      ] ?? NaN;
    for (let i = 0; i < 2; i++) {
      a[i] = aOld * a[i]! + aNew * g[i]!;
      r[i] = rOld * r[i]! + rNew * squareOf(rule.squared!, g[i]!, a[i]!);
      const aHat = a[i]! / correction(rule.correctA!, m1, m2);
      const rHat = r[i]! / correction(rule.correctR!, m2, m1);
      const num = rule.numerator === 'g' ? g[i]! : aHat;
      theta[i]! -= divide(rule, lr(o) * num, rHat, o.epsilon ?? NaN);
    }
  },
};

const FAMILIES: Record<string, Family> = { momentum: MOMENTUM, rmsprop: RMSPROP, adam: ADAM };

/** The family of rules of an optimizer, told by the options its probes give (no family for SGD). */
function familyOf(scenarios: readonly ProbeScenario[]): Family | undefined {
  const options = scenarios[0]?.options ?? {};
  if ('momentumGradSquared' in options) return FAMILIES.adam;
  if ('epsilon' in options) return FAMILIES.rmsprop;
  if ('momentum' in options) return FAMILIES.momentum;
  return undefined;
}

/** The parameters after every step of a scenario, each instance with its own state, under a rule. */
export function simulate(family: Family, rule: Rule, scenario: ProbeScenario): Point[] {
  const thetas: number[][] = [];
  const states: Array<Record<string, number[] | number>> = [];
  const grads: Array<Point | null> = [];
  const out: Point[] = [];
  for (const action of scenario.actions) {
    if (action.create !== undefined) {
      const i = action.create;
      thetas[i] = [...scenario.starts[i]!];
      states[i] = family.init(rule, scenario.starts[i]!);
      grads[i] = action.grad ?? null;
      continue;
    }
    const i = action.step!;
    if (action.grad) grads[i] = action.grad;
    const g = grads[i];
    // A step without a gradient: PyTorch leaves the parameter alone.
    if (g) family.step(rule, scenario.options, states[i]!, thetas[i]!, g);
    out.push([thetas[i]![0]!, thetas[i]![1]!]);
    if (action.mode === 'new') grads[i] = null;
  }
  return out;
}

const referenceRule = (family: Family): Rule =>
  Object.fromEntries(family.components.map((c) => [c.name, c.accepted[0]!]));

/** Every rule that changes `changes` components of the reference (to a value it does not accept). */
function* rulesWith(family: Family, changes: number, from = 0, rule = referenceRule(family)): Generator<Rule> {
  if (changes === 0) {
    yield rule;
    return;
  }
  for (let k = from; k < family.components.length; k++) {
    const c = family.components[k]!;
    for (const v of c.values.filter((value) => !c.accepted.includes(value)))
      yield* rulesWith(family, changes - 1, k + 1, { ...rule, [c.name]: v });
  }
}

/** Whether a rule with every accepted combination of the reference reproduces PyTorch on every probe it can run. */
export function referenceReproducesPyTorch(scenarios: readonly ProbeScenario[]): boolean {
  const family = familyOf(scenarios);
  if (!family) return false;
  const variants = acceptedVariants(family);
  return scenarios.every((s) =>
    variants.some((rule) => Object.values(s.expected).some((p) => samePoints(simulate(family, rule, s), p))),
  );
}

/** The reference with each accepted value of each component (ε inside or outside the root …). */
function acceptedVariants(family: Family): Rule[] {
  let rules: Rule[] = [{}];
  for (const c of family.components) rules = rules.flatMap((r) => c.accepted.map((v) => ({ ...r, [c.name]: v })));
  return rules;
}

export interface RuleFit {
  /** The components that differ from the reference, with the learner's value of each. */
  changes: Array<{ component: string; value: string; words: string }>;
}

/**
 * The rules with the fewest changes of the reference (one, or else two) that reproduce every probe the learner's
 * optimizer answered, each as the list of its changed components; [] when none does or the reference itself does.
 * Accepted variants (ε inside or outside the root) are tried for the unchanged components.
 */
export function fittingRules(
  scenarios: readonly ProbeScenario[],
  responses: ReadonlyArray<ProbeResponse | null | undefined>,
): RuleFit[] {
  const family = familyOf(scenarios);
  if (!family || !referenceReproducesPyTorch(scenarios)) return [];
  const answered = scenarios
    .map((s, i) => ({ s, r: responses[i] }))
    .filter(
      (e): e is { s: ProbeScenario; r: ProbeResponse } =>
        !!e.r &&
        Array.isArray(e.r.points) &&
        e.r.points.length === e.s.actions.filter((a) => a.step !== undefined).length,
    );
  // Too few answers leave too many rules standing.
  if (answered.length < scenarios.length / 2) return [];
  const fits = (rule: Rule): boolean => answered.every(({ s, r }) => samePoints(r.points, simulate(family, rule, s)));
  if (acceptedVariants(family).some(fits)) return [];
  for (const changes of [1, 2]) {
    const found: RuleFit[] = [];
    for (const rule of rulesWith(family, changes)) {
      const alternatives = family.components
        .filter((c) => c.accepted.includes(rule[c.name]!) && c.accepted.length > 1)
        .reduce<Rule[]>((rules, c) => rules.flatMap((r) => c.accepted.map((v) => ({ ...r, [c.name]: v }))), [rule]);
      const hit = alternatives.find(fits);
      if (hit)
        found.push({
          changes: family.components
            .filter((c) => !c.accepted.includes(hit[c.name]!))
            .map((c) => ({ component: c.name, value: hit[c.name]!, words: c.words[hit[c.name]!] ?? '' })),
        });
    }
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The one explanation of the learner's responses by the fewest changes of the reference rule; null when there is
 * none, or when different explanations fit equally well (a pick between them would be a guess).
 */
export function fitRule(
  scenarios: readonly ProbeScenario[],
  responses: ReadonlyArray<ProbeResponse | null | undefined>,
): RuleFit | null {
  const found = fittingRules(scenarios, responses);
  const distinct = new Set(found.map((f) => fitMessage(f)));
  return distinct.size === 1 && found[0]!.changes.every((c) => c.words) ? found[0]! : null;
}

/** A fit in words, for a student. */
export function fitMessage(fit: RuleFit): string {
  const parts = fit.changes.map((c) => c.words);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]!}`;
}

/**
 * The responses a rule would give to every probe: the reference with `changes` applied (unknown components are
 * ignored), each instance with its own state. For tests and for checking a fit by hand.
 */
export function responsesOf(scenarios: readonly ProbeScenario[], changes: Rule): ProbeResponse[] {
  const family = familyOf(scenarios);
  if (!family) return [];
  const rule = { ...referenceRule(family), ...changes };
  return scenarios.map((s) => ({ points: simulate(family, rule, s), gradChanged: false }));
}
