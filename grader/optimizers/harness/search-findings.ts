// What a wrong list of search trials shows, in words: the learner's trials compared with the expected ones by their
// structure (which values occur, how they are spaced, which coordinate changes from one trial to the next, which of
// the generator's draws each value came from), not by a list of known wrong programs. Pure; '' when nothing is sure.

export interface Setting {
  learningRate: number;
  momentum: number;
}

type Coordinate = keyof Setting;
const NAMES: Record<Coordinate, string> = { learningRate: 'learning rate', momentum: 'momentum' };
const COORDINATES: Coordinate[] = ['learningRate', 'momentum'];

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const fmt = (v: number): string => String(Number(v.toPrecision(4)));

/** The distinct values of one coordinate, in the order they first appear. */
function distinct(settings: readonly Setting[], c: Coordinate): number[] {
  const out: number[] = [];
  for (const s of settings) if (!out.some((v) => close(v, s[c]))) out.push(s[c]);
  return out;
}

/** "log" when the values are evenly spaced in log10, "linear" when evenly spaced in value; '' for neither or too few. */
function spacing(values: readonly number[]): 'log' | 'linear' | '' {
  if (values.length < 3) return '';
  const sorted = [...values].sort((a, b) => a - b);
  const even = (xs: number[]): boolean => {
    const d = xs[1]! - xs[0]!;
    return d !== 0 && xs.every((x, i) => i === 0 || Math.abs(x - xs[i - 1]! - d) <= 1e-6 * Math.abs(d));
  };
  if (sorted.every((v) => v > 0) && even(sorted.map(Math.log10))) return 'log';
  return even(sorted) ? 'linear' : '';
}

/** Which coordinate changes between the first two trials ('' for both or neither). */
function fastest(settings: readonly Setting[]): Coordinate | '' {
  const [a, b] = settings;
  if (!a || !b) return '';
  const changed = COORDINATES.filter((c) => !close(a[c], b[c]));
  return changed.length === 1 ? changed[0]! : '';
}

/**
 * A grid of the wrong size, from how many trials it tried and the budget: a whole number of values per coordinate that
 * is not ⌊√budget⌋ says how k was worked out. '' when the count is no k × k grid.
 */
export function gridSizeFinding(tried: number, budget: number, expected: number): string {
  const right = Math.round(Math.sqrt(expected)); // the k of the expected k × k grid
  const m = Math.round(Math.sqrt(tried));
  if (m * m !== tried || m === right || tried === 0) return '';
  const over = tried > budget ? `, more than the budget of ${budget} allows` : '';
  const grid = `the grid has ${m} values per coordinate, ${m} × ${m} = ${tried} trials${over}`;
  if (m === budget && budget > 1)
    return `${grid}: each coordinate takes the whole budget. Use k = ⌊√budget⌋ = ${right} values per coordinate, k² ≤ budget`;
  if (m === Math.ceil(Math.sqrt(budget)))
    return (
      `${grid}: √${budget} ≈ ${fmt(Math.sqrt(budget))} is rounded up to ${m}. Round it down, ` +
      `k = Math.floor(Math.sqrt(budget)) = ${right}, so that the k × k grid stays within the budget`
    );
  return `${grid}; with a budget of ${budget} it should have k = ⌊√budget⌋ = ${right} values per coordinate`;
}

/**
 * Learning rates computed with the exponent's parts outside the power: 10 ** lo + u·(hi − lo) (the power binds to the
 * lower bound's exponent alone) or lo + u·(hi − lo) on the exponents with no power at all. '' for neither.
 */
function powerFinding(mine: readonly number[], theirs: readonly number[]): string {
  const k = theirs.length;
  const [lo, hi] = [Math.min(...theirs), Math.max(...theirs)];
  if (k < 2 || mine.length !== k || !(lo > 0) || lo === hi) return '';
  const [L, H] = [Math.log10(lo), Math.log10(hi)];
  const at = (f: (u: number) => number) => Array.from({ length: k }, (_, i) => f(i / (k - 1)));
  const sorted = [...mine].sort((a, b) => a - b);
  const is = (xs: number[]) => xs.every((x, i) => Math.abs(x - sorted[i]!) <= 1e-9 * Math.max(1, Math.abs(x)));
  const right = `10 ** (log10(lo) + u · (log10(hi) − log10(lo)))`;
  const listed = sorted.map(fmt).join(', ');
  if (is(at((u) => 10 ** L + u * (H - L))))
    return (
      `the learning rates are ${listed}, past the upper bound ${fmt(hi)}: 10 ** applies to log10(lo) alone, and ` +
      `u · (log10(hi) − log10(lo)) is added after the power. Put the whole exponent in parentheses: ${right}`
    );
  if (is(at((u) => 10 ** (u * (H - L)))))
    return (
      `the learning rates are ${listed}, from 1 up: the exponent is u · (log10(hi) − log10(lo)) without ` +
      `log10(lo), the lower bound's exponent, in front. Add it: ${right}`
    );
  if (is(at((u) => L + u * (H - L))))
    return (
      `the learning rates are ${listed}: the exponents themselves, log10(lo) … log10(hi), not 10 raised to them. ` +
      `Raise 10 to the exponent: ${right}`
    );
  return '';
}

/**
 * Every trial the same, and the same as the last setting that should have been tried: one object was pushed for
 * every trial and changed in place, so each entry of the list shows its last values. '' otherwise.
 */
function oneObjectFinding(trials: readonly Setting[], isLast: (setting: Setting) => boolean): string {
  const last = trials[0];
  if (!last || trials.length < 2 || !isLast(last)) return '';
  if (!trials.every((t) => COORDINATES.every((c) => close(t[c], last[c])))) return '';
  return (
    `all ${trials.length} trials hold the same values, learning rate ${fmt(last.learningRate)} and momentum ` +
    `${fmt(last.momentum)}: the last setting tried. One trial object is pushed every time and then changed in ` +
    'place, so every entry of the list is that one object with its last values. Make a new object for each ' +
    'trial, inside the loop'
  );
}

/** A grid search's trials against the expected grid: the spacing of a coordinate, or the order of the loops. */
export function gridFinding(trials: readonly Setting[], expected: readonly Setting[]): string {
  if (trials.length !== expected.length || trials.length < 4) return '';
  if (trials.every((t, i) => COORDINATES.every((c) => close(t[c], expected[i]![c])))) return '';
  const final = expected[expected.length - 1]!;
  const oneObject = oneObjectFinding(trials, (t) => COORDINATES.every((c) => close(t[c], final[c])));
  if (oneObject) return oneObject;
  // Before the spacing: 10 ** lo + u·(hi − lo) is evenly spaced in value, but it is not lo + u·(hi − lo).
  const power = powerFinding(distinct(trials, 'learningRate'), distinct(expected, 'learningRate'));
  if (power) return power;
  for (const c of COORDINATES) {
    const mine = distinct(trials, c);
    const theirs = distinct(expected, c);
    const [want, got] = [spacing(theirs), spacing(mine)];
    if (mine.length === theirs.length && want && got && want !== got) {
      const ends = (xs: number[]) => [Math.min(...xs), Math.max(...xs)];
      const sameEnds = ends(mine).every((v, i) => close(v, ends(theirs)[i]!));
      const listed = [...mine]
        .sort((a, b) => a - b)
        .map(fmt)
        .join(', ');
      return (
        `the ${NAMES[c]}s are spaced ${got === 'linear' ? 'evenly in value (linearly)' : 'evenly in log10'}` +
        `${sameEnds ? ', between the right ends' : ''}: ${listed}; they should be spaced ` +
        (want === 'log'
          ? 'evenly in log10 (each a constant factor times the one before), 10 ** (log10(lo) + u · (log10(hi) − log10(lo)))'
          : 'evenly in value, lo + u · (hi − lo)')
      );
    }
  }
  // The same spacing, but the values' grid fractions (where each sits between the ends, on the expected scale) step
  // by another amount: e.g. i / k instead of i / (k − 1), which leaves the last value short of the upper bound.
  for (const c of COORDINATES) {
    const finding = fractionFinding(c, distinct(trials, c), distinct(expected, c));
    if (finding) return finding;
  }
  const samePairs =
    trials.every((t) => expected.some((e) => COORDINATES.every((c) => close(t[c], e[c])))) &&
    expected.every((e) => trials.some((t) => COORDINATES.every((c) => close(t[c], e[c]))));
  if (samePairs) {
    const reversed = reversedFinding(trials, expected);
    if (reversed) return reversed;
    const [mine, theirs] = [fastest(trials), fastest(expected)];
    if (mine && theirs && mine !== theirs) {
      const outer = theirs === 'momentum' ? 'learningRate' : 'momentum';
      return (
        `the grid holds the right settings in another order: from one trial to the next your ${NAMES[mine]} changes ` +
        `first; the ${NAMES[outer]} belongs in the outer loop and the ${NAMES[theirs]} in the inner one ` +
        `(every ${NAMES[theirs]} for the first ${NAMES[outer]}, then the next)`
      );
    }
    return 'the grid holds the right settings in another order: keep the order the instructions give';
  }
  return '';
}

/**
 * One coordinate's values in the opposite order (the other one's as expected): its grid runs from the upper bound down,
 * i.e. its fraction u is mapped onto the range from hi to lo.
 */
function reversedFinding(trials: readonly Setting[], expected: readonly Setting[]): string {
  const inOrder = (xs: readonly number[], ys: readonly number[]) =>
    xs.length === ys.length && xs.every((v, i) => close(v, ys[i]!));
  for (const c of COORDINATES) {
    const other = COORDINATES.find((o) => o !== c)!;
    const [mine, theirs] = [distinct(trials, c), distinct(expected, c)];
    if (mine.length < 2 || !inOrder(distinct(trials, other), distinct(expected, other))) continue;
    if (!inOrder(mine, [...theirs].reverse())) continue;
    const [lo, hi] = [theirs[0]!, theirs[theirs.length - 1]!];
    return (
      `your ${NAMES[c]}s run from the upper bound down: ${mine.map(fmt).join(', ')}; they should run from ` +
      `${fmt(lo)} up to ${fmt(hi)}. The value for fraction u is lo at u = 0 and hi at u = 1` +
      (c === 'learningRate' ? ': 10 ** (log10(lo) + u · (log10(hi) − log10(lo)))' : ': lo + u · (hi − lo)') +
      ', not the other way round'
    );
  }
  return '';
}

/** Where each of `values` sits between lo and hi, on the scale of the expected values (log10 or linear). */
function fractions(values: readonly number[], expected: readonly number[]): number[] | null {
  const kind = spacing(expected);
  const [lo, hi] = [Math.min(...expected), Math.max(...expected)];
  if (!kind || lo === hi || (kind === 'log' && values.some((v) => !(v > 0)))) return null;
  const f =
    kind === 'log' ? (v: number) => Math.log10(v / lo) / Math.log10(hi / lo) : (v: number) => (v - lo) / (hi - lo);
  return [...values].map(f).sort((a, b) => a - b);
}

/** One coordinate's values evenly spaced from the right start, but by the wrong step (short of, or past, the end). */
function fractionFinding(c: Coordinate, mine: readonly number[], theirs: readonly number[]): string {
  const k = theirs.length;
  const u = fractions(mine, theirs);
  if (!u || mine.length !== k || k < 3) return '';
  const d = u[1]! - u[0]!;
  const even = d > 0 && u.every((x, i) => Math.abs(x - u[0]! - i * d) <= 1e-6);
  if (!even || Math.abs(d - 1 / (k - 1)) <= 1e-6) return '';
  const sorted = [...mine].sort((a, b) => a - b);
  const hi = Math.max(...theirs);
  const lo = Math.min(...theirs);
  const startsRight = Math.abs(u[0]!) <= 1e-6;
  const byK = Math.abs(d - 1 / k) <= 1e-6;
  if (startsRight && byK)
    return (
      `the ${NAMES[c]}s start at the lower bound but stop one step short of the upper one: your last is ` +
      `${fmt(sorted[k - 1]!)}, it should be ${fmt(hi)}. With k values per coordinate the fraction is i / (k − 1), ` +
      `not i / k, so that the last value (i = k − 1) lands on the upper bound`
    );
  if (Math.abs(u[0]! - 1 / k) <= 1e-6 && byK)
    return (
      `the ${NAMES[c]}s end at the upper bound but start one step above the lower one: your first is ` +
      `${fmt(sorted[0]!)}, it should be ${fmt(lo)}. The fraction is i / (k − 1) for i = 0 … k − 1`
    );
  return (
    `the ${NAMES[c]}s are evenly spaced but by the wrong step: ${sorted.map(fmt).join(', ')}; they should run from ` +
    `${fmt(lo)} to ${fmt(hi)}, the first on the lower bound and the last on the upper one (fraction i / (k − 1))`
  );
}

/**
 * A random search's trials against the generator's draws (two per trial, learning rate first): which draw each value
 * came from, and whether the learning rate was drawn on a log scale.
 */
export function randomFinding(
  trials: readonly Setting[],
  draws: readonly number[],
  space: { learningRate: readonly [number, number]; momentum: readonly [number, number] },
  /** How often the search called the generator it was given, when known. */
  generatorCalls?: number,
): string {
  const [a, b] = space.learningRate;
  const [m, n] = space.momentum;
  // The draw u each value would come from, under the expected scale and under the other one.
  const fromLog = (lr: number) => Math.log(lr / a) / Math.log(b / a);
  const fromLinearLr = (lr: number) => (lr - a) / (b - a);
  const fromMomentum = (mu: number) => (mu - m) / (n - m);
  const index = (u: number): number => draws.findIndex((d) => Math.abs(d - u) <= 1e-9);
  const k = Math.min(trials.length, Math.floor(draws.length / 2));
  if (k < 2) return '';
  const pick = (f: (t: Setting) => number) => trials.slice(0, k).map((t) => index(f(t)));
  const lrLog = pick((t) => fromLog(t.learningRate));
  const lrLinear = pick((t) => fromLinearLr(t.learningRate));
  const mu = pick((t) => fromMomentum(t.momentum));
  const all = (xs: number[], f: (x: number, i: number) => boolean) => xs.every(f);
  if (all(lrLog, (x, i) => x === 2 * i) && all(mu, (x, i) => x === 2 * i + 1)) return '';
  // The last trial's values are the ones drawn from draws 2k − 1 and 2k.
  const isLast = (t: Setting): boolean =>
    trials.length === k &&
    index(fromLog(t.learningRate)) === 2 * k - 2 &&
    index(fromMomentum(t.momentum)) === 2 * k - 1;
  const oneObject = oneObjectFinding(trials.slice(0, k), isLast);
  if (oneObject) return oneObject;
  const same = sameValueFinding(trials.slice(0, k), generatorCalls);
  if (same) return same;
  if (all(lrLog, (x, i) => x === 2 * i + 1) && all(mu, (x, i) => x === 2 * i))
    return (
      'each trial draws its momentum first and its learning rate second: with the same generator, trial 1 gets ' +
      'the learning rate from the second number drawn. Draw the learning rate first, then the momentum'
    );
  const lrMirrored = pick((t) => 1 - fromLog(t.learningRate));
  if (all(lrMirrored, (x, i) => x === 2 * i) && all(mu, (x, i) => x === 2 * i + 1))
    return (
      'each learning rate is the mirror image of its draw: a draw u gives the value a draw 1 − u should give, so ' +
      'u = 0 lands on the upper bound. Map u from the lower bound up: 10 ** (log10(lo) + u · (log10(hi) − log10(lo)))'
    );
  if (all(lrLog, (x, i) => x >= 0 && x === mu[i]))
    return (
      'each trial uses one draw for both values: its learning rate and its momentum come from the same number ' +
      `(trial 1 takes both from draw ${lrLog[0]! + 1}). Draw two numbers per trial, the first for the learning ` +
      'rate, the second for the momentum'
    );
  // 10 ** (u · span): the exponent without log10(lo), so the values run from 1 up to hi / lo.
  const lrNoLower = pick((t) => Math.log10(t.learningRate) / Math.log10(b / a));
  if (all(lrNoLower, (x, i) => x === 2 * i) && all(mu, (x, i) => x === 2 * i + 1))
    return (
      `the learning rates run from 1 up (trial 1: ${fmt(trials[0]!.learningRate)}): each is 10 ** (u · ` +
      `(log10(hi) − log10(lo))), the exponent without log10(lo), the lower bound's exponent, in front. Add it: ` +
      '10 ** (log10(lo) + u · (log10(hi) − log10(lo)))'
    );
  if (all(lrLinear, (x, i) => x === 2 * i) && all(mu, (x, i) => x === 2 * i + 1))
    return (
      'the learning rate is drawn evenly in value, lo + u · (hi − lo), so almost every draw lands near the top of ' +
      'the range; draw it evenly in log10: 10 ** (log10(lo) + u · (log10(hi) − log10(lo)))'
    );
  // No value comes from any of the generator's draws, under either scale: the numbers come from somewhere else.
  const inRange = trials.every((t) => t.learningRate >= a && t.learningRate <= b && t.momentum >= m && t.momentum <= n);
  const noneDrawn = [...lrLog, ...lrLinear, ...mu].every((x) => x === -1);
  if (generatorCalls === 0 || (noneDrawn && inRange))
    return (
      (generatorCalls === 0
        ? 'randomSearch never calls the random generator it is given'
        : "none of the values comes from the given generator's draws, in any order") +
      ': use the random generator you are given (the `random` argument), not Math.random, so that a seed gives ' +
      'the same trials every time; two draws per trial, learning rate first'
    );
  if (all(lrLog, (x) => x >= 0) && all(mu, (x) => x >= 0)) {
    const used = [...lrLog, ...mu].sort((x, y) => x - y);
    const expectedUse = Array.from({ length: 2 * k }, (_, i) => i);
    if (used.every((x, i) => x === expectedUse[i]))
      return (
        "the values are the generator's draws, but not in the expected order: each trial takes two numbers, the " +
        'first for its learning rate, the second for its momentum, one trial after the other'
      );
    if (used.every((x) => x < draws.length))
      return (
        'the values come from the generator, but some draws are skipped or used twice: draw exactly two numbers ' +
        'per trial (learning rate, then momentum) and no others'
      );
  }
  return '';
}

/**
 * Coordinates whose value is the same in every trial of a random search. With the generator's call count it is sure
 * that they were drawn once, before the loop: once per constant coordinate, once per trial for each other one.
 */
function sameValueFinding(trials: readonly Setting[], generatorCalls?: number): string {
  const constant = COORDINATES.filter((c) => trials.every((t) => close(t[c], trials[0]![c])));
  if (constant.length === 0 || trials.length < 2) return '';
  const what = constant.map((c) => `${NAMES[c]} (${fmt(trials[0]![c])})`).join(' and the same ');
  const seen = `every one of the ${trials.length} trials used the same ${what}`;
  const drawnOnce = generatorCalls === constant.length + (COORDINATES.length - constant.length) * trials.length;
  const pronoun = constant.length > 1 ? 'they are' : 'it is';
  return drawnOnce
    ? `${seen}: ${pronoun} drawn once, before the loop (the generator was called ${generatorCalls} ` +
        `time${generatorCalls === 1 ? '' : 's'} in all), and every trial reuses ${constant.length > 1 ? 'them' : 'it'}. ` +
        'Draw inside the loop: two new numbers per trial, the learning rate first, then the momentum'
    : `${seen}: each trial must draw its own values, two new numbers per trial (learning rate first, then momentum)`;
}

/**
 * A trial whose recorded steps are not what evaluate(learningRate, momentum) returns: when they are what it returns
 * with the two arguments swapped, that is said; '' otherwise.
 */
export function stepsFinding(
  trial: Setting & { steps: unknown },
  evaluate: (lr: number, mu: number) => number,
): string {
  const swapped = evaluate(trial.momentum, trial.learningRate);
  if (trial.steps !== swapped || swapped === evaluate(trial.learningRate, trial.momentum)) return '';
  return (
    `the steps recorded are what evaluate(momentum, learningRate) returns (${String(swapped)}): the arguments are ` +
    'swapped. evaluate takes the learning rate first: evaluate(learningRate, momentum)'
  );
}

export interface Trial extends Setting {
  steps: number | null;
}

const converged = (t: Trial): boolean => typeof t.steps === 'number' && Number.isFinite(t.steps);

/**
 * Which trial bestTrial picked, against the trials it was given: the first one though a later one beats it, the later
 * of a tie, the most steps (a reversed comparison), or the last one (every trial replaced the one kept before). The
 * sample is built so that each of these picks a different trial. '' when the pick is none of them.
 */
export function bestFinding(trials: readonly Trial[], picked: Setting | null | undefined, best: number): string {
  if (!picked) return '';
  const index = trials.findIndex((t) => COORDINATES.every((c) => close(t[c], picked[c])));
  if (index < 0) return '';
  const finite = trials.filter(converged);
  const fewest = trials[best]!.steps;
  const mine = trials[index]!;
  const steps = (t: Trial) => String(t.steps);
  if (index === best) return '';
  if (mine.steps === fewest)
    return (
      `on a tie bestTrial keeps the later trial (trial ${index + 1}; trial ${best + 1} took as few steps, ${fewest}): ` +
      'replace the best only when a trial takes strictly fewer steps (<, not <=), so that the earliest stays'
    );
  if (index === 0)
    return (
      `bestTrial keeps the first trial (${steps(mine)} steps), though a later one converged in ${fewest}: no later ` +
      'trial replaces it. Go through every trial and replace the best whenever one takes fewer steps (<); a fewest ' +
      'so far that starts below every count (such as 0), or a loop that stops at the first run that converged, ' +
      'both keep the first'
    );
  if (!converged(mine))
    return (
      `bestTrial picked a run that did not converge (steps ${steps(mine)}), the most steps of all: the comparison ` +
      'is reversed. Keep a trial when it takes fewer steps than the best so far (<), and never one that did not converge'
    );
  if (converged(mine) && finite.every((t) => (t.steps as number) <= (mine.steps as number)))
    return (
      `bestTrial picked the trial with the most steps among those that converged (${steps(mine)}): the comparison ` +
      'is reversed. Keep a trial when it takes fewer steps than the best so far (<)'
    );
  if (index === trials.length - 1)
    return (
      `bestTrial returned the last trial (${steps(mine)} steps), not the one with the fewest (${fewest}): every trial ` +
      'replaced the one kept before it, so the fewest steps so far is never updated (or never compared). When a ' +
      'trial is kept, remember its steps as the new fewest'
    );
  return '';
}
