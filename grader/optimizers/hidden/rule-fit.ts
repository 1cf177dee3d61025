// Model fitting: the learner's probe responses are compared with a small family of update rules, each the reference
// rule with one or two components changed (the weights on the old state and the new term, what is averaged, whether
// the average decays, which correction divides which moment, what the step divides, the initial state …). The rule
// that reproduces every single-instance probe with the fewest changes names what differs, in words. No list of
// learner files is involved: any mistake that is a change of these components is named, whatever its source.
// Pure: the rules are simulated here on the probe scenarios' gradients; the reference rule is checked against
// PyTorch's own responses first, and nothing is fitted if it does not reproduce them. Hidden (never in a student kit):
// a model of the reference rules answers every optimizer exercise. The suites know it by harness/rule-fit-contract.ts.
import { samePoints } from '../harness/compare-trajectories.js';
import {
  fitMessage,
  type FitResponse,
  type FitScenario,
  type FitVerdict,
  type RuleFit,
} from '../harness/rule-fit-contract.js';
import type { Point } from '../../../courses/optimizers/manifest.js';

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
  /** `theta` is the instance's own θ array: a rule may keep it as its state (an alias) or change it. */
  init(rule: Rule, theta: number[]): State;
  step(rule: Rule, o: Options, state: State, theta: number[], g: Point): void;
  /** The running averages a learner's instance would keep, to compare with the arrays it does keep. */
  averages(state: State): number[][];
}

type State = Record<string, number[] | number>;

/** Whether the rule reads the learning rate and the decay the right way round, or each under the other's name. */
const OPTIONS_SWAPPED: Component = {
  name: 'options',
  values: ['asGiven', 'swapped'],
  accepted: ['asGiven'],
  words: {
    swapped:
      'the learning rate and the momentum are swapped: your step uses μ (options.momentum) as the learning rate and ' +
      'α (options.learningRate) as the decay. Take α from options.learningRate and μ from options.momentum (mind ' +
      'the order when you destructure them)',
  },
};

/**
 * How θ takes the step: θ − step, or the step assigned in its place (θ[i] = -α·…, or `=-` typed for `-=`). Applied to
 * every family by run(), from θ before and after the family's own step.
 */
const WRITE = (step: string): Component => ({
  name: 'write',
  values: ['subtract', 'assign'],
  accepted: ['subtract'],
  words: {
    assign:
      `θ is replaced by the step instead of moved by it: after step(), parameters.data holds −${step} alone, ` +
      `whatever θ was (θ[i] = -${step}, or \`=-\` typed for \`-=\`). Subtract the step from θ: θ[i] -= ${step}`,
  },
});

/** The options as a rule reads them: α and μ exchanged where the rule swaps them. */
const optionsOf = (rule: Rule, o: Options): Options =>
  rule.options === 'swapped' ? { ...o, learningRate: o.momentum ?? NaN, momentum: o.learningRate ?? NaN } : o;

const lr = (o: Options): number => o.learningRate ?? NaN;

/**
 * What a running average starts as: zeros, a copy of θ, entries that are not numbers (new Array(n)), ones, or the
 * first step's new term (set lazily on the first step, then averaged in again).
 */
const INIT = (what: string, firstTerm: string, alias = false): Component => ({
  name: 'init',
  // 'alias': the state is θ's own array, zeroed (this.v = parameters.data.fill(0): fill returns the array it filled).
  values: ['zero', 'theta', 'undefined', 'one', 'first', ...(alias ? ['alias'] : [])],
  accepted: ['zero'],
  words: {
    // Whether a zero gradient then moves θ depends on the optimizer (RMSprop's step is g times something): the
    // probe's own evidence says it, where it shows it (harness/probe-findings.ts), not these words.
    one: `${what} starts at 1, not at zero. Start it at zeros: new Float64Array(n)`,
    first:
      `${what} starts at ${firstTerm}, not at zero, and then takes it in again with the usual update. Start it at ` +
      'zeros (new Float64Array(n), in the constructor) and let the update alone bring the first term in',
    theta:
      `${what} does not start at zero: it starts as a copy of θ (parameters.data). Start it at zeros: ` +
      'new Float64Array(n)',
    alias:
      `${what} is parameters.data itself, and θ is set to zero when the optimizer is created: fill(0) fills θ's own ` +
      `array and returns it (this.v = parameters.data.fill(0)), so ${what} and θ are one array and every update of ` +
      `one changes the other. Give ${what} an array of its own: new Float64Array(n)`,
    undefined:
      `${what} does not start at zero: its entries are not numbers (new Array(n) holds undefined, and μ·undefined ` +
      'is NaN), so θ becomes NaN on the first step. Start it at zeros: new Float64Array(n), or new Array(n).fill(0)',
  },
});

function start(rule: Rule, theta: number[]): number[] {
  if (rule.init === 'alias') return theta.fill(0);
  return { theta: [theta[0]!, theta[1]!], undefined: [NaN, NaN], one: [1, 1] }[rule.init!] ?? [0, 0];
}

/** A state that starts at the first new term is set on the first step, before its update (see INIT's 'first'). */
function startLazily(rule: Rule, state: State, average: string, term: (i: number) => number): void {
  if (rule.init !== 'first' || state[`${average}Set`]) return;
  state[average] = [term(0), term(1)];
  state[`${average}Set`] = 1;
}

/** JavaScript's x ^ k: both sides cut to 32-bit whole numbers, then a bitwise XOR (not a power). */
const xor = (x: number, k: number): number => (x | 0) ^ (k | 0);

/** What a step divides by, r standing for the (corrected) average of the squares. */
const DENOMINATOR = (what: string, update: string): Component => ({
  name: 'denominator',
  // ε left out is left to the probes' own ε findings, which show what ε changes (nothing) and the 0 / 0 it causes.
  values: ['sqrtPlusEps', 'sqrtOfSumEps', 'noSqrt', 'epsOutsideDivision', 'half'],
  accepted: ['sqrtPlusEps', 'sqrtOfSumEps'],
  words: {
    noSqrt: `the step divides by ${what} + ε itself; it must divide by its square root: ${update}`,
    epsOutsideDivision:
      `ε is added to the step, after the division (precedence): it belongs in the denominator, ${update}; ` +
      'mind the parentheses',
    // x ** 1 / 2 reads as (x ** 1) / 2: the power binds before the division.
    half:
      `the step divides by (${what} + ε) / 2, half of it, not by its square root: x ** 1 / 2 is (x ** 1) / 2, since ` +
      `** binds before /. Write Math.sqrt(…) or x ** 0.5: ${update}`,
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
    case 'half':
      return numerator / ((r + eps) / 2);
    default:
      return numerator / (Math.sqrt(r) + eps);
  }
}

/**
 * What the average of the squares takes in: g², g, |g|, g ^ 2 (in JavaScript a bitwise XOR, not a square); for the
 * rules that square (or XOR) the whole average of g, g itself (see squaredAverage).
 */
function squareOf(kind: string, g: number, a: number): number {
  switch (kind) {
    case 'g':
    case 'xorOfAverage':
    case 'squareOfAverage':
      return g;
    case 'absG':
      return Math.abs(g);
    case 'twoG':
      return 2 * g;
    case 'xor':
      return xor(g, 2);
    case 'aSquared':
      return a * a;
    default:
      return g * g;
  }
}

const SQUARED_WORDS = (r: string, mu: string): Record<string, string> => ({
  g: `${r} averages g, not g²: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  absG: `${r} averages |g|, not g²: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  twoG: `${r} takes in 2·g (g * 2, g doubled), not g² (g squared): write g * g or g ** 2, ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  xor:
    `${r} takes in g ^ 2, which in JavaScript is a bitwise XOR of whole numbers (1 ^ 2 is 3, 2 ^ 2 is 0), not a ` +
    'square: write g * g or g ** 2',
  aSquared: `${r} averages the square of the first average a, not the square of the gradient: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  squareOfAverage:
    `${r} is (${mu}·${r} + (1 − ${mu})·g)², the square of an average of g, where it must be an average of g²: ` +
    `square g alone, inside the average: ${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
  xorOfAverage:
    `${r} is (${mu}·${r} + (1 − ${mu})·g) ^ 2: in JavaScript ^ is a bitwise XOR of whole numbers (0.1 ^ 2 is 2), not ` +
    `a power, and it is applied to the whole average of g. Square g alone, with g * g or g ** 2: ` +
    `${r} ← ${mu}·${r} + (1 − ${mu})·g²`,
});

/** The new average: what a rule that squares (or XORs) the whole average of g makes of it (see SQUARED_WORDS). */
const squaredAverage = (kind: string, average: number): number =>
  kind === 'xorOfAverage' ? xor(average, 2) : kind === 'squareOfAverage' ? average * average : average;

/**
 * The new average from the old one and the new term x, for a decay μ: the old weight times the old average plus the
 * new term as the rule weighs it (NaN for a value it does not know). μ·a + 1 − μ·x is (1 − μ)·x without its
 * parentheses; μ·(a + (1 − μ)·x) is a parenthesis closed too late; "twice" runs the whole update two times a step.
 */
function average(rule: Rule, mu: number, old: number, x: number): number {
  const oldW =
    rule.oldWeight === 'mu' ? mu : rule.oldWeight === 'oneMinusMu' ? 1 - mu : rule.oldWeight === 'one' ? 1 : NaN;
  const term = newTerm(rule.newWeight!, mu, x);
  const once = (a: number): number => oldW * a + term;
  return rule.repeats === 'twice' ? once(once(old)) : once(old);
}

/** The new term x of an average as a rule weighs it, for a decay μ (a switch: it runs for every rule and step of a fit). */
function newTerm(kind: string, mu: number, x: number): number {
  switch (kind) {
    case 'oneMinusMu':
      return (1 - mu) * x;
    case 'mu':
      return mu * x;
    case 'one':
      return x;
    case 'oneMinusMuSquared':
      return (1 - mu) ** 2 * x;
    case 'minusOneMinusMu':
      return -(1 - mu) * x;
    case 'noParens':
      return 1 - mu * x;
    case 'decayWrapsNew':
      return mu * (1 - mu) * x;
    default:
      return NaN;
  }
}

/** How often the average is updated in one step: once, or twice (the same line run again, or a helper and the line). */
const REPEATS = (what: string, update: string): Component => ({
  name: 'repeats',
  values: ['once', 'twice'],
  accepted: ['once'],
  words: {
    twice:
      `${what} is updated twice in each step (it decays with μ² and takes in (1 − μ²) of the new term): update it ` +
      `once per step(), ${update}`,
  },
});

/** Weights of the new term shared by Momentum's and RMSprop's averages (x is g for one, g² for the other). */
const NEW_WEIGHT_WORDS = (a: string, x: string): Record<string, string> => ({
  noParens:
    `the parentheses around (1 − μ) are missing: μ·${a} + 1 − μ·${x} adds 1 and subtracts μ·${x}. Write ` +
    `${a} ← μ·${a} + (1 − μ)·${x}`,
  decayWrapsNew:
    `the decay μ also multiplies the new term: ${a} ← μ·(${a} + (1 − μ)·${x}), a parenthesis closed too late. Write ` +
    `${a} ← μ·${a} + (1 − μ)·${x}`,
});

const SGD: Family = {
  components: [
    {
      // for (const i of θ) yields θ's values, not its indices: only a value that happens to be 0 or 1 is an index.
      name: 'loop',
      values: ['indices', 'values'],
      accepted: ['indices'],
      words: {
        values:
          "the loop runs over θ's values, not its indices (for…of yields the values): θ[value] is updated only where a " +
          'value happens to be 0 or 1, so for most θ your parameters never move. Loop over the indices: ' +
          'for (let i = 0; i < θ.length; i++)',
      },
    },
    WRITE('α·g[i]'),
  ],
  init: () => ({}),
  step(rule, o, _state, theta, g) {
    for (let k = 0; k < theta.length; k++) {
      const i = rule.loop === 'values' ? theta[k]! : k;
      if (i === 0 || i === 1) theta[i]! -= lr(o) * g[i]!;
    }
  },
  averages: () => [],
};

const MOMENTUM: Family = {
  components: [
    INIT('the velocity', 'the first gradient', true),
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
      values: ['oneMinusMu', 'mu', 'one', 'oneMinusMuSquared', 'minusOneMinusMu', 'noParens', 'decayWrapsNew'],
      accepted: ['oneMinusMu'],
      words: {
        mu: 'the new gradient is weighted by μ; it gets (1 − μ): a ← μ·a + (1 − μ)·g',
        one: 'the new gradient lacks the (1 − μ) factor: a ← μ·a + (1 − μ)·g',
        oneMinusMuSquared: 'the new gradient is weighted by (1 − μ)², not (1 − μ): a ← μ·a + (1 − μ)·g',
        minusOneMinusMu:
          'the velocity update subtracts the gradient term: a ← μ·a − (1 − μ)·g, so the velocity points uphill and ' +
          'θ ← θ − α·a climbs the slope. Add it: a ← μ·a + (1 − μ)·g',
        ...NEW_WEIGHT_WORDS('a', 'g'),
      },
    },
    REPEATS('the velocity', 'a ← μ·a + (1 − μ)·g'),
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
    OPTIONS_SWAPPED,
    {
      name: 'stepSign',
      values: ['subtract', 'add'],
      accepted: ['subtract'],
      words: {
        add: 'the step adds α·a to θ instead of subtracting it (the velocity itself is right), so it climbs the slope: θ ← θ − α·a',
      },
    },
    WRITE('α·a[i]'),
  ],
  init: (rule, theta) => ({ a: start(rule, theta) }),
  step(rule, given, state, theta, g) {
    const o = optionsOf(rule, given);
    const mu = o.momentum ?? NaN;
    startLazily(rule, state, 'a', (i) => g[i]!);
    const a = state.a as number[];
    const sign = rule.stepSign === 'add' ? -1 : 1;
    for (let i = 0; i < 2; i++) {
      const before = a[i]!;
      a[i] = average(rule, mu, before, g[i]!);
      const v = rule.stepUses === 'g' ? g[i]! : rule.order === 'stepFirst' ? before : a[i]!;
      theta[i]! -= sign * lr(o) * v;
    }
  },
  averages: (state) => [state.a as number[]],
};

const RMSPROP: Family = {
  components: [
    INIT('the average r', 'the first g²'),
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
      values: ['oneMinusMu', 'mu', 'one', 'oneMinusMuSquared', 'noParens', 'decayWrapsNew'],
      accepted: ['oneMinusMu'],
      words: {
        mu: 'the new g² is weighted by μ; it gets (1 − μ): r ← μ·r + (1 − μ)·g²',
        one: 'the new g² lacks the (1 − μ) factor: r ← μ·r + (1 − μ)·g²',
        oneMinusMuSquared:
          'the new term is ((1 − μ)·g)²: the square covers (1 − μ) too, so g² is weighted by (1 − μ)². Square g ' +
          'alone: r ← μ·r + (1 − μ)·g²',
        ...NEW_WEIGHT_WORDS('r', 'g²'),
      },
    },
    REPEATS('r', 'r ← μ·r + (1 − μ)·g²'),
    {
      name: 'squared',
      values: ['g2', 'g', 'absG', 'twoG', 'xor', 'xorOfAverage', 'squareOfAverage'],
      accepted: ['g2'],
      words: SQUARED_WORDS('r', 'μ'),
    },
    DENOMINATOR('r', 'α·g / (√r + ε) or α·g / √(r + ε)'),
    {
      name: 'order',
      values: ['updateFirst', 'stepFirst'],
      accepted: ['updateFirst'],
      words: { stepFirst: 'the step divides by the old r: update r ← μ·r + (1 − μ)·g² first, then divide by its root' },
    },
    {
      // What the step divides by √r: this step's gradient, or a momentum-style velocity (Adam's first average
      // without its correction), a mix-up of RMSprop with Adam.
      name: 'numerator',
      values: ['g', 'velocity'],
      accepted: ['g'],
      words: {
        velocity:
          'the step divides a running average of the gradients (a velocity a ← μ·a + (1 − μ)·g) by √r, where it ' +
          "needs this step's gradient itself: RMSprop keeps only r, and moves θ ← θ − α·g / (√r + ε)",
      },
    },
    OPTIONS_SWAPPED,
    WRITE('α·g[i] / (√r[i] + ε)'),
  ],
  init: (rule, theta) => ({ r: start(rule, theta), ...(rule.numerator === 'velocity' ? { v: [0, 0] } : {}) }),
  step(rule, given, state, theta, g) {
    const o = optionsOf(rule, given);
    const mu = o.momentum ?? NaN;
    startLazily(rule, state, 'r', (i) => squareOf(rule.squared!, g[i]!, 0));
    const r = state.r as number[];
    for (let i = 0; i < 2; i++) {
      const before = r[i]!;
      r[i] = squaredAverage(rule.squared!, average(rule, mu, before, squareOf(rule.squared!, g[i]!, 0)));
      const used = rule.order === 'stepFirst' ? before : r[i]!;
      const v = state.v as number[] | undefined;
      if (v) v[i] = mu * v[i]! + (1 - mu) * g[i]!;
      theta[i]! -= divide(rule, lr(o) * (v ? v[i]! : g[i]!), used, o.epsilon ?? NaN);
    }
  },
  averages: (state) => (state.v ? [state.r as number[], state.v as number[]] : [state.r as number[]]),
};

const CORRECTION = (moment: string, raw: string, own: string, other: string): Component => ({
  name: `correct${moment === 'â' ? 'A' : 'R'}`,
  values: [
    'own',
    'other',
    'powerOfOneMinus',
    'none',
    'noPower',
    'xor',
    'xorOfDifference',
    'divideFirst',
    'multiply',
    'muTimesT',
    'powSwapped',
  ],
  accepted: ['own'],
  words: {
    other: `${moment} is bias-corrected with ${other}: ${moment} needs 1 − ${own}ᵗ`,
    powerOfOneMinus:
      `the bias correction of ${moment} is (1 − ${own})ᵗ; it must be 1 − ${own}ᵗ: ${own} raised to the power t, ` +
      'then subtracted from 1 (mind the parentheses)',
    none: `${moment} is not bias-corrected: divide by 1 − ${own}ᵗ`,
    noPower: `the bias correction of ${moment} is 1 − ${own}, without the power t: it must be 1 − ${own}ᵗ`,
    xor:
      `the bias correction of ${moment} computes ${own} ^ t: in JavaScript ^ is a bitwise XOR of whole numbers, not a ` +
      `power (0.9 ^ 1 is 1, so 1 − (${own} ^ t) is 1 − t, and the first step divides by 0). Write 1 − ${own} ** t ` +
      `(or Math.pow(${own}, t))`,
    xorOfDifference:
      `the bias correction of ${moment} is 1 − ${own} ^ t, which JavaScript reads as (1 − ${own}) ^ t, a bitwise ` +
      `XOR of whole numbers, not a power: it comes out as t. Write 1 − ${own} ** t`,
    divideFirst:
      `${moment} is ${raw} / 1 − ${own}ᵗ, which is (${raw} / 1) − ${own}ᵗ: the division comes first, so ${own}ᵗ is ` +
      `subtracted instead of divided by. Write ${raw} / (1 − ${own}ᵗ), with the parentheses`,
    multiply:
      `${moment} is ${raw}·(1 − ${own}ᵗ): the bias correction multiplies where it must divide, so it shrinks ` +
      `${moment} instead of enlarging it. Write ${moment} = ${raw} / (1 − ${own}ᵗ)`,
    muTimesT:
      `the bias correction of ${moment} is 1 − ${own}·t, ${own} times t, not ${own} to the power t: the two agree ` +
      `only at t = 1, and from t = 2 on 1 − ${own}·t is below 0. Write 1 − ${own} ** t (or Math.pow(${own}, t))`,
    powSwapped:
      `the bias correction of ${moment} raises t to the power ${own} (Math.pow(t, ${own}) or t ** ${own}): the base ` +
      `and the exponent are swapped, so 1 − t^${own} is 0 at t = 1 and the first step divides by 0. Write ` +
      `1 − Math.pow(${own}, t), ${own} raised to the power t`,
  },
});

/**
 * What a moment is divided by to correct its bias at step t, `own` being its decay and `other` the other one's. (A
 * switch, not a table of every case: this runs for every rule, probe and step of a fit.)
 */
function divisorOf(kind: string, own: number, other: number, t: number): number {
  switch (kind) {
    case 'own':
      return 1 - own ** t;
    case 'other':
      return 1 - other ** t;
    case 'powerOfOneMinus':
      return (1 - own) ** t;
    case 'none':
      return 1;
    case 'noPower':
      return 1 - own;
    case 'xor':
      return 1 - xor(own, t);
    case 'xorOfDifference':
      return xor(1 - own, t);
    case 'multiply':
      return 1 / (1 - own ** t);
    case 'muTimesT':
      return 1 - own * t;
    case 'powSwapped':
      return 1 - t ** own;
    default:
      return NaN;
  }
}

/** A moment x bias-corrected the way a rule says (x / 1 − μᵗ divides first, then subtracts). */
const corrected = (kind: string, x: number, own: number, other: number, t: number): number =>
  kind === 'divideFirst' ? x / 1 - own ** t : x / divisorOf(kind, own, other, t);

/** An average of Adam's: the weights on the old value and the new term; `own` is its decay, `other` the other one's. */
const ADAM_AVERAGE = (name: string, a: string, x: string, own: string, other: string): Component => ({
  name,
  values: [
    'own',
    'other',
    'noDecay',
    'weightsSwapped',
    'otherNewWeight',
    'noParens',
    'decayWrapsNew',
    ...(name === 'averageR' ? ['newSquared'] : []),
  ],
  accepted: ['own'],
  words: {
    other:
      `the ${name === 'averageA' ? 'first average a' : 'average of the squares r'} is updated with ${other} ` +
      `(${name === 'averageA' ? 'momentumGradSquared' : 'momentumGrad'}): ` +
      `${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    noDecay: `${a} never decays: the old ${a} must be multiplied by ${own}: ${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    weightsSwapped: `in ${a}, ${own} and (1 − ${own}) are swapped: ${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    otherNewWeight:
      `the new term of ${a} is weighted by (1 − ${other}), the other average's weight: ` +
      `${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    noParens:
      `the parentheses around (1 − ${own}) are missing: ${own}·${a} + 1 − ${own}·${x} adds 1 and subtracts ` +
      `${own}·${x}. Write ${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    decayWrapsNew:
      `${own} also multiplies the new term: ${a} ← ${own}·(${a} + (1 − ${own})·${x}), a parenthesis closed too late. ` +
      `Write ${a} ← ${own}·${a} + (1 − ${own})·${x}`,
    newSquared:
      `the new term of ${a} is ((1 − ${own})·g)²: the square covers (1 − ${own}) too. Square g alone: ` +
      `${a} ← ${own}·${a} + (1 − ${own})·g²`,
  },
});

/** One of Adam's averages updated as a rule says: `own` is its decay, `other` the other average's. */
function adamAverage(kind: string, old: number, x: number, own: number, other: number): number {
  switch (kind) {
    case 'own':
      return own * old + (1 - own) * x;
    case 'other':
      return other * old + (1 - other) * x;
    case 'noDecay':
      return old + (1 - own) * x;
    case 'weightsSwapped':
      return (1 - own) * old + own * x;
    case 'otherNewWeight':
      return own * old + (1 - other) * x;
    case 'noParens':
      return own * old + (1 - own * x);
    case 'decayWrapsNew':
      return own * old + own * (1 - own) * x;
    case 'newSquared':
      return own * old + (1 - own) ** 2 * x;
    default:
      return NaN;
  }
}

const ADAM: Family = {
  components: [
    INIT('each running average (a and r)', 'the first g and g²'),
    ADAM_AVERAGE('averageA', 'a', 'g', 'μ₁', 'μ₂'),
    ADAM_AVERAGE('averageR', 'r', 'g²', 'μ₂', 'μ₁'),
    {
      name: 'squared',
      values: ['g2', 'g', 'absG', 'twoG', 'xor', 'aSquared', 'xorOfAverage', 'squareOfAverage'],
      accepted: ['g2'],
      words: SQUARED_WORDS('r', 'μ₂'),
    },
    CORRECTION('â', 'a', 'μ₁', 'μ₂'),
    CORRECTION('r̂', 'r', 'μ₂', 'μ₁'),
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
      // The corrections folded into the step size, α·√(1 − μ₂ᵗ) / (1 − μ₁ᵗ) · a / (√r + ε) (Kingma and Ba's form,
      // which differs from PyTorch's only where ε is large), or that form without its square root.
      name: 'form',
      values: ['corrected', 'stepSize', 'stepSizeNoRoot'],
      accepted: ['corrected', 'stepSize'],
      words: {
        stepSizeNoRoot:
          'the step size uses (1 − μ₂ᵗ) without its square root: α·(1 − μ₂ᵗ) / (1 − μ₁ᵗ). r̂ is r / (1 − μ₂ᵗ) under ' +
          'the root, so folded into the step size the factor is √(1 − μ₂ᵗ): α·√(1 − μ₂ᵗ) / (1 − μ₁ᵗ) · a / (√r + ε)',
      },
    },
    {
      name: 'order',
      values: ['updateFirst', 'stepFirst'],
      accepted: ['updateFirst'],
      words: {
        stepFirst:
          'θ moves with the old averages: a and r are updated only after the step (so the first step does not move ' +
          'θ). Update a and r first, then θ ← θ − α·â / (√r̂ + ε)',
      },
    },
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
    WRITE('α·â[i] / (√r̂[i] + ε)'),
  ],
  init: (rule, theta) => ({ a: start(rule, theta), r: start(rule, theta), t: 0 }),
  step(rule, o, state, theta, g) {
    const [m1, m2] = [o.momentumGrad ?? NaN, o.momentumGradSquared ?? NaN];
    const squared = (i: number): number => squareOf(rule.squared!, g[i]!, (state.a as number[])[i]!);
    startLazily(rule, state, 'a', (i) => g[i]!);
    startLazily(rule, state, 'r', squared);
    const a = state.a as number[];
    const r = state.r as number[];
    const count = (state.t as number) + 1;
    state.t = count;
    const t = { fromZero: count - 1, fromTwo: count + 1, frozen: 1 }[rule.t!] ?? count;
    const eps = o.epsilon ?? NaN;
    for (let i = 0; i < 2; i++) {
      const [aOld, rOld] = [a[i]!, r[i]!];
      a[i] = adamAverage(rule.averageA!, aOld, g[i]!, m1, m2);
      r[i] = squaredAverage(rule.squared!, adamAverage(rule.averageR!, rOld, squared(i), m2, m1));
      const [aUsed, rUsed] = rule.order === 'stepFirst' ? [aOld, rOld] : [a[i]!, r[i]!];
      // x / 1 − μᵗ is no divisor: a step-size form cannot hold it, so it is simulated in the corrected form.
      if (rule.form === 'corrected' || rule.correctA === 'divideFirst' || rule.correctR === 'divideFirst') {
        const aHat = corrected(rule.correctA!, aUsed, m1, m2, t);
        const rHat = corrected(rule.correctR!, rUsed, m2, m1, t);
        theta[i]! -= divide(rule, lr(o) * (rule.numerator === 'g' ? g[i]! : aHat), rHat, eps);
      } else {
        // The corrections as factors of the step size: what divides a, and what r would be divided by.
        const c1 = divisorOf(rule.correctA!, m1, m2, t);
        const c2 = divisorOf(rule.correctR!, m2, m1, t);
        const size = (lr(o) * (rule.form === 'stepSize' ? Math.sqrt(c2) : c2)) / c1;
        theta[i]! -= divide(rule, size * (rule.numerator === 'g' ? g[i]! : aUsed), rUsed, eps);
      }
    }
  },
  averages: (state) => [state.a as number[], state.r as number[]],
};

const FAMILIES: Record<string, Family> = { sgd: SGD, momentum: MOMENTUM, rmsprop: RMSPROP, adam: ADAM };

/** The family of rules of an optimizer, told by the options its probes give. */
function familyOf(scenarios: readonly FitScenario[]): Family | undefined {
  const options = scenarios[0]?.options ?? {};
  if ('momentumGradSquared' in options) return FAMILIES.adam;
  if ('epsilon' in options) return FAMILIES.rmsprop;
  if ('momentum' in options) return FAMILIES.momentum;
  if ('learningRate' in options) return FAMILIES.sgd;
  return undefined;
}

/** What a rule does in a scenario: the parameters after every step, and the stepped instance's averages then. */
interface Simulated {
  points: Point[];
  states: number[][][];
}

/** The parameters after every step of a scenario, each instance with its own state, under a rule. */
export function simulate(family: Family, rule: Rule, scenario: FitScenario): Point[] {
  return run(family, rule, scenario).points;
}

function run(family: Family, rule: Rule, scenario: FitScenario): Simulated {
  const thetas: number[][] = [];
  const states: State[] = [];
  const grads: Array<Point | null> = [];
  const out: Simulated = { points: [], states: [] };
  for (const action of scenario.actions) {
    if (action.create !== undefined) {
      const i = action.create;
      thetas[i] = [...scenario.starts[i]!];
      states[i] = family.init(rule, thetas[i]!);
      grads[i] = action.grad ?? null;
      continue;
    }
    const i = action.step!;
    if (action.grad) grads[i] = action.grad;
    // θ set from outside before the step (a probe that restarts from a finite point after a NaN).
    // Written entry by entry, as the probe driver does: a state that is θ's own array sees it too.
    if (action.data) [thetas[i]![0], thetas[i]![1]] = action.data;
    const g = grads[i];
    const theta = thetas[i]!;
    const before = [...theta];
    // A step without a gradient: PyTorch leaves the parameter alone.
    if (g) family.step(rule, scenario.options, states[i]!, theta, g);
    // The step assigned in θ's place: θ ends as −(the step), the step being what θ lost.
    if (g && rule.write === 'assign') theta.forEach((v, j) => (theta[j] = v - before[j]!));
    out.points.push([thetas[i]![0]!, thetas[i]![1]!]);
    out.states.push(family.averages(states[i]!).map((a) => [a[0]!, a[1]!]));
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

/** Scenarios with PyTorch's responses; the others (harness/fit-probes.ts) only the rules simulated here answer. */
const withReference = (s: FitScenario): boolean => Object.keys(s.expected).length > 0;

/** Whether a rule with every accepted combination of the reference reproduces PyTorch on every probe it can run. */
export function referenceReproducesPyTorch(scenarios: readonly FitScenario[]): boolean {
  const family = familyOf(scenarios);
  if (!family) return false;
  const variants = acceptedVariants(family);
  return scenarios
    .filter(withReference)
    .every((s) =>
      variants.some((rule) => Object.values(s.expected).some((p) => samePoints(simulate(family, rule, s), p))),
    );
}

/** The reference with each accepted value of each component (ε inside or outside the root …). */
function acceptedVariants(family: Family): Rule[] {
  let rules: Rule[] = [{}];
  for (const c of family.components) rules = rules.flatMap((r) => c.accepted.map((v) => ({ ...r, [c.name]: v })));
  return rules;
}

type Answered = { s: FitScenario; r: FitResponse };

/**
 * Whether the learner's own arrays hold the rule's averages: after every step where the instance shows arrays, each
 * average the rule keeps is one of them. Arrays are compared by value; their names and order say nothing.
 */
function stateVerdict(answered: readonly Answered[], simulated: readonly Simulated[]): RuleFit['state'] {
  let seen = false;
  for (const [k, { r }] of answered.entries()) {
    for (const [step, mine] of (r.states ?? []).entries()) {
      const theirs = simulated[k]!.states[step];
      if (!mine || mine.length === 0 || !theirs) continue;
      seen = true;
      const held = theirs.every((avg) => mine.some((arr) => samePoints([[arr[0]!, arr[1]!]], [[avg[0]!, avg[1]!]])));
      if (!held) return 'disagree';
    }
  }
  return seen ? 'agree' : 'unseen';
}

/**
 * The rules with the fewest changes of the reference (one, or else two) that reproduce every probe the learner's
 * optimizer answered, each as the list of its changed components; [] when none does or the reference itself does.
 * Accepted variants (ε inside or outside the root) are tried for the unchanged components.
 */
export function fittingRules(
  scenarios: readonly FitScenario[],
  responses: ReadonlyArray<FitResponse | null | undefined>,
): RuleFit[] {
  const family = familyOf(scenarios);
  if (!family || !referenceReproducesPyTorch(scenarios)) return [];
  const answered = scenarios
    .map((s, i) => ({ s, r: responses[i] }))
    .filter(
      (e): e is Answered =>
        !!e.r &&
        Array.isArray(e.r.points) &&
        e.r.points.length === e.s.actions.filter((a) => a.step !== undefined).length,
    );
  // Too few answers leave too many rules standing.
  if (answered.length < scenarios.filter(withReference).length / 2) return [];
  // Scenario by scenario, stopping at the first the rule does not reproduce: most of the rules tried fail the first.
  const fits = (rule: Rule): Simulated[] | null => {
    const simulated: Simulated[] = [];
    for (const { s, r } of answered) {
      const one = run(family, rule, s);
      if (!samePoints(r.points, one.points)) return null;
      simulated.push(one);
    }
    return simulated;
  };
  if (acceptedVariants(family).some(fits)) return [];
  for (const changes of [1, 2]) {
    const found: RuleFit[] = [];
    for (const rule of rulesWith(family, changes)) {
      const alternatives = family.components
        .filter((c) => c.accepted.includes(rule[c.name]!) && c.accepted.length > 1)
        .reduce<Rule[]>((rules, c) => rules.flatMap((r) => c.accepted.map((v) => ({ ...r, [c.name]: v }))), [rule]);
      for (const alternative of alternatives) {
        const simulated = fits(alternative);
        if (!simulated) continue;
        found.push({
          changes: family.components
            .filter((c) => !c.accepted.includes(alternative[c.name]!))
            .map((c) => ({
              component: c.name,
              value: alternative[c.name]!,
              words: c.words[alternative[c.name]!] ?? '',
            })),
          state: stateVerdict(answered, simulated),
        });
        break;
      }
    }
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The one explanation of the learner's responses by the fewest changes of the reference rule; null when there is
 * none, or when different explanations fit equally well (a pick between them would be a guess). Rules that behave
 * alike (a velocity that subtracts the gradient, or a step that adds the velocity) are told apart by the arrays the
 * learner's instance keeps, where it shows them. Responses that are NaN everywhere say little: many rules give them,
 * so such a fit needs the learner's arrays to agree with it.
 */
export function fitRule(
  scenarios: readonly FitScenario[],
  responses: ReadonlyArray<FitResponse | null | undefined>,
): (RuleFit & { byState: boolean }) | null {
  return fitVerdict(scenarios, responses).fit;
}

/**
 * fitRule's answer, and whether it is null because several different single changes of the rule reproduce the
 * responses alike (then any one named cause, a typical mistake's too, would be a guess).
 */
export function fitVerdict(
  scenarios: readonly FitScenario[],
  responses: ReadonlyArray<FitResponse | null | undefined>,
): FitVerdict {
  const found = fittingRules(scenarios, responses).filter((f) => f.changes.every((c) => c.words));
  const nothingFinite = responses.every((r) => !r || r.points.flat().every((v) => !Number.isFinite(v)));
  const one = (fits: RuleFit[]): RuleFit | null =>
    fits.length > 0 && new Set(fits.map(fitMessage)).size === 1 ? fits[0]! : null;
  const agreeing = one(found.filter((f) => f.state === 'agree'));
  const alone = nothingFinite ? null : one(found);
  if (alone) return { fit: { ...alone, byState: false }, ambiguous: false };
  if (agreeing) return { fit: { ...agreeing, byState: true }, ambiguous: false };
  // Two single changes that act alike are equally simple and equally likely; among pairs of changes, equivalents are
  // mostly contrived (a step-size form undoing a swapped correction), and a typical mistake may still settle it.
  const single = found.length > 0 && found.every((f) => f.changes.length === 1);
  return { fit: null, ambiguous: single && new Set(found.map(fitMessage)).size > 1 };
}

/**
 * The responses a rule would give to every probe: the reference with `changes` applied (unknown components are
 * ignored), each instance with its own state. For tests and for checking a fit by hand; with `showState`, the
 * instance shows its running averages as a learner's fields would.
 */
export function responsesOf(scenarios: readonly FitScenario[], changes: Rule, showState = false): FitResponse[] {
  const family = familyOf(scenarios);
  if (!family) return [];
  const rule = { ...referenceRule(family), ...changes };
  return scenarios.map((s) => {
    const { points, states } = run(family, rule, s);
    return showState ? { points, gradChanged: false, states } : { points, gradChanged: false };
  });
}
