// Findings in words from the probes: the learner's optimizer run on controlled inputs (grad set directly, data read
// after each step(), see the `probe` driver and fixtures/generate.py). Pure: it compares the learner's responses with
// each other (linearity, independence of coordinates and instances, scale) and with PyTorch's responses and those of
// the typical mistakes, both computed by the fixture generator. No update rule is written here: the rule fit, where
// given (grading for the record), comes from the hidden folder.
import { samePoints } from './compare-trajectories.js';
import type { Point } from '../../../courses/optimizers/manifest.js';
import { fitMessage, type RuleFitter } from './rule-fit-contract.js';

export interface ProbeAction {
  /** Creates instance `create` on a parameter at starts[create] (grad set to `grad` first, when given). */
  create?: number;
  /** Steps instance `step`, after setting its grad to `grad` when given. */
  step?: number;
  grad?: Point;
  /** "new": a new grad array, zeroGrad() after the step; "inPlace": the values written into the array already there. */
  mode?: 'new' | 'inPlace';
  /** θ written into parameters.data before the step (a restart from a finite point). */
  data?: Point;
}

export interface ProbeScenario {
  name: string;
  starts: Point[];
  options: Record<string, number>;
  actions: ProbeAction[];
  /** PyTorch's parameters after every step, per accepted variant. */
  expected: Record<string, Point[]>;
  /** The same, for each typical mistake (fixtures/mistakes.py). */
  mistakes: Record<string, Point[]>;
}

/** What the learner's optimizer did in one scenario: the parameters after every step. */
export interface ProbeResponse {
  points: Point[];
  /** Whether some step() changed the values of the grad array it was given. */
  gradChanged: boolean;
  /** What some zeroGrad() changed besides grad: θ (`data`), or the instance's own numbers and arrays (`state`). */
  zeroGradChanged?: { data?: boolean; state?: boolean };
  /** Option names the learner's code read that the options given to its constructor do not hold. */
  unknownOptions?: string[];
  /** After each step, the arrays of two numbers the stepped instance keeps in its fields (none where they are private). */
  states?: number[][][];
}

export interface Finding {
  id: string;
  message: string;
}

/** Moves are compared with a tolerance relative to the move itself, not to θ. */
const sameMove = (a: number, b: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 + 1e-5 * Math.max(Math.abs(a), Math.abs(b));

const fmt = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));
const fmtPoint = (p: Point): string => `(${fmt(p[0])}, ${fmt(p[1])})`;

/** The move each step made: its point minus where its instance stood before it. */
export function movesOf(scenario: ProbeScenario, points: readonly Point[]): Point[] {
  const at: Point[] = scenario.starts.map((p) => [p[0], p[1]]);
  const moves: Point[] = [];
  let k = 0;
  for (const action of scenario.actions) {
    if (action.step === undefined) continue;
    const now = points[k++];
    if (!now) break;
    const before = at[action.step]!;
    moves.push([now[0] - before[0], now[1] - before[1]]);
    at[action.step] = now;
  }
  return moves;
}

const log2 = (v: number): number => Math.log(v) / Math.LN2;

/** "g²", "√g", "g" … for the power a step grows with. */
function power(k: number): string {
  if (Math.abs(k) < 0.05) return 'not at all with the size of g';
  const named: Array<[number, string]> = [
    [1, 'g'],
    [2, 'g²'],
    [0.5, '√g'],
    [-1, '1/g'],
    [3, 'g³'],
  ];
  const hit = named.find(([p]) => Math.abs(k - p) < 0.05);
  return `like ${hit ? hit[1] : `g^${fmt(k)}`}`;
}

/**
 * What the probes show about the learner's optimizer, most specific first; empty when it responds like PyTorch to
 * every probe (or the probes could not run it). `notes` words the typical mistakes (mistakes.toml). Without `ruleFit`
 * (a student kit has none) no rule is fitted: the findings are those of a fit that explains nothing.
 */
export function probeFindings(
  scenarios: readonly ProbeScenario[],
  responses: ReadonlyArray<ProbeResponse | null | undefined>,
  notes: Record<string, string>,
  ruleFit?: RuleFitter,
): Finding[] {
  const named = new Map<string, { scenario: ProbeScenario; response: ProbeResponse | null }>();
  scenarios.forEach((scenario, i) => {
    // A probe without PyTorch's responses is the rule fit's alone (fit-probes.ts).
    if (Object.keys(scenario.expected).length === 0) return;
    const r = responses[i];
    const valid =
      r && Array.isArray(r.points) && r.points.length === scenario.actions.filter((a) => a.step !== undefined).length;
    named.set(scenario.name, { scenario, response: valid ? r : null });
  });
  const answered = [...named.values()].filter((e) => e.response);
  if (answered.length === 0) return [];
  const matchesReference = (e: { scenario: ProbeScenario; response: ProbeResponse | null }): boolean =>
    !e.response || Object.values(e.scenario.expected).some((p) => samePoints(e.response!.points, p));
  if (answered.every(matchesReference) && !answered.some((e) => e.response!.gradChanged)) return [];
  const given = Object.keys(scenarios[0]?.options ?? {});
  const andList = (names: readonly string[]): string =>
    names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

  const findings: Finding[] = [];
  const add = (id: string, message: string): void => {
    if (!findings.some((f) => f.id === id)) findings.push({ id, message });
  };
  /** The learner's moves in a scenario (empty when it threw). */
  const moves = (name: string): Point[] => {
    const e = named.get(name);
    return e?.response ? movesOf(e.scenario, e.response.points) : [];
  };
  /** PyTorch's moves (its first variant: they differ only where ε matters). */
  const reference = (name: string): Point[] => {
    const e = named.get(name);
    return e ? movesOf(e.scenario, Object.values(e.scenario.expected)[0] ?? []) : [];
  };
  /** PyTorch's first move in a scenario, for each accepted variant. */
  const firstMoves = (name: string): Point[] => {
    const e = named.get(name);
    return e ? Object.values(e.scenario.expected).flatMap((p) => movesOf(e.scenario, p).slice(0, 1)) : [];
  };
  const fine = (name: string): boolean => {
    const e = named.get(name);
    return !!e?.response && matchesReference(e);
  };

  // 1. Nothing moves at all.
  const stepped = answered.flatMap((e) => movesOf(e.scenario, e.response!.points));
  if (stepped.length > 0 && stepped.every(([dx, dy]) => dx === 0 && dy === 0)) {
    add(
      'never-moves',
      'the parameters never move: after step(), parameters.data holds the same values as before. Write θ − (the step) ' +
        'into parameters.data (in place, or by assigning a new array to parameters.data), not into a copy',
    );
  }

  // 1b. Options read under names the constructor is not given: they are undefined, and whatever they feed is NaN.
  //     Only with NaN steps: a name read with a fallback (options.x ?? 0.9) is not sure to be the cause.
  const unknownOptions = [...new Set(answered.flatMap((e) => e.response!.unknownOptions ?? []))];
  const nan = answered.some((e) => e.response!.points.flat().some((v) => Number.isNaN(v)));
  if (unknownOptions.length > 0 && nan && !answered.every(matchesReference)) {
    const read = andList(unknownOptions.map((n) => `options.${n}`));
    add(
      'unknown-option',
      `your code reads ${read}, but the constructor is given only ${andList(given)}: ` +
        `${unknownOptions.length > 1 ? 'those are' : 'that is'} undefined, and the steps they feed are NaN. ` +
        'Read each hyperparameter under the name the options give it',
    );
  }

  // 2. State shared between instances: two fresh instances given the same gradient must make the same first move,
  //    and an instance must step the same whether or not another one steps in between.
  const sequential = moves('sequential');
  // The second instance of "sequential" starts elsewhere: its step is compared with one instance alone at that start
  // (a step that depends on θ, e.g. a state copied from θ, is no evidence of sharing).
  const otherStart = moves('otherStart');
  const interleaved = named.get('interleaved');
  const alone = moves('newArrays');
  const interleavedFirst = interleaved?.response
    ? movesOf(interleaved.scenario, interleaved.response.points).filter((_, k) => k % 2 === 0)
    : [];
  const differs = (a: Point[], b: Point[], n: number): boolean =>
    a.length >= n &&
    b.length >= n &&
    a.slice(0, n).some((p, i) => !sameMove(p[0], b[i]![0]) || !sameMove(p[1], b[i]![1]));
  // An update rule fitted to every single-instance probe, each instance with its own state (hidden/rule-fit.ts): when
  // one reproduces them all, instances do not share state and the gradient is read afresh, whatever else differs.
  const { fit, ambiguous } = ruleFit?.(scenarios, responses) ?? { fit: null, ambiguous: false };

  const sharedAtCreation =
    otherStart.length > 0 ? differs(sequential.slice(1), otherStart, 1) : differs(sequential.slice(1), sequential, 1);
  if (!fit && (sharedAtCreation || differs(interleavedFirst, alone, 2))) {
    add(
      'shared-state',
      'two instances share state: a fresh optimizer given the same gradient moves differently from the first one, or ' +
        "an instance's steps change when another instance steps in between. Keep every running average and counter " +
        'on `this`, created in the constructor, not in a module-level variable or a static field',
    );
  }

  // 3. step() writes into the grad array it was given.
  if (answered.some((e) => e.response!.gradChanged)) {
    add(
      'changes-grad',
      'step() changes the values of parameters.grad: some state shares the grad array (e.g. this.v = grad, then v is ' +
        'updated in place). Copy it (Float64Array.from(grad)) or keep the state in arrays of its own',
    );
  }

  // zeroGrad() seen changing θ or the instance's own numbers: what it did, not what the moves suggest.
  const zeroGradChanged = (what: 'data' | 'state') => answered.some((e) => e.response!.zeroGradChanged?.[what]);

  // 4. A stale gradient: given a new grad array, it still uses an old one.
  const inPlace = moves('inPlace');
  const early = moves('gradBeforeConstructor');
  // zeroGrad() that clears the running averages too: the gradient written into the same array (no zeroGrad() between
  // steps) follows PyTorch, while with zeroGrad() between steps each step is what a fresh instance does.
  const freshSteps = [1, 2].map((k) => moves(`fresh:${k}`)[0]);
  const zeroGradResets =
    fine('inPlace') &&
    !fine('newArrays') &&
    [0, 1].every((k) => {
      const [a, b] = [alone[k + 1], freshSteps[k]];
      return !!a && !!b && a.every(Number.isFinite) && sameMove(a[0], b[0]) && sameMove(a[1], b[1]);
    });
  if (zeroGradResets) {
    add(
      'zerograd-resets-state',
      `zeroGrad() resets the running averages (or t) too: stepping with the gradient written into the same array, ` +
        `without zeroGrad() in between, follows PyTorch, but with zeroGrad() after each step every step is what a ` +
        `fresh optimizer does (given g = (−0.5, 1) after g = (1, 0), θ moved by ${fmtPoint(alone[1]!)}; PyTorch: ` +
        `${fmtPoint(reference('newArrays')[1] ?? [NaN, NaN])}). zeroGrad() must only set parameters.grad to null`,
    );
  }
  const zeroGradSeen = zeroGradChanged('data') || zeroGradChanged('state');
  if (!fit && !zeroGradResets && !zeroGradSeen && (differs(alone, inPlace, 3) || differs(early, alone, 2))) {
    add(
      'stale-gradient',
      'step() uses a gradient it kept from before: given a new grad array, it moves as if the old one were still ' +
        'there (it was kept in the constructor or on the first step). Read this.parameters.grad afresh in every ' +
        'step(): zeroGrad() sets it to null and the next backward pass makes a new array',
    );
  }
  if (zeroGradChanged('data'))
    add(
      'zerograd-changes-data',
      'zeroGrad() changes parameters.data (θ) too: after it, θ is not where step() left it. zeroGrad() must only ' +
        'set parameters.grad to null',
    );
  if (zeroGradChanged('state'))
    add(
      'zerograd-changes-state',
      "zeroGrad() changes the optimizer's own state too (a running average, or the step count t): the next step() " +
        'starts from it as if fewer steps had been taken. zeroGrad() must only set parameters.grad to null; the ' +
        'state belongs to step()',
    );

  // 5. A typical mistake that answers every probe as the learner's code does. A fit that the learner's own arrays
  //    singled out among rules that act alike goes first: a mistake that acts alike is no more than one of those.
  // What a zero gradient did is said only as the probe saw it: a state that starts wrong moves θ without a gradient
  // in Momentum, but not in RMSprop, whose step is g times something.
  const fitWords = (): string => {
    const zero = moves('zeroFirst')[0];
    // θ zeroed at construction (a state that is θ's own array) is not a first step moving it.
    const initial = fit!.changes.some((c) => c.component === 'init' && c.value !== 'alias');
    const still = !!zero && zero.every((v) => v === 0);
    return (
      fitMessage(fit!) +
      (initial && zero && !still
        ? zero.every(Number.isFinite)
          ? ` (so even a zero gradient moves θ: with g = (0, 0), the first step moved θ by ${fmtPoint(zero)}; it ` +
            'should not move at all)'
          : ' (with g = (0, 0), the first step already makes θ NaN)'
        : '')
    );
  };
  if (fit?.byState) add('rule-fit', fitWords());
  const baseEpsilon = named.get('single')?.scenario.options.epsilon;
  const withEpsilon = (s: ProbeScenario) => s.options.epsilon !== baseEpsilon;
  // Where several different changes of the rule act exactly as the learner's code does, so does any typical mistake
  // among them: naming it would be a guess.
  for (const mistake of ambiguous ? [] : Object.keys(scenarios[0]?.mistakes ?? {})) {
    const matches = (e: { scenario: ProbeScenario; response: ProbeResponse | null }): boolean =>
      !e.response || samePoints(e.response.points, e.scenario.mistakes[mistake] ?? []);
    // Whatever the placement of ε, a mistake whose step changes with ε is not the learner's if ε changes nothing
    // there (ε ignored is not ε outside the division), and the other way round.
    const mistakeMove = (name: string): Point | undefined => {
      const e = named.get(name);
      return e ? movesOf(e.scenario, e.scenario.mistakes[mistake] ?? [])[0] : undefined;
    };
    const entries = [...named.values()];
    const epsilonAgrees = entries
      .filter((e) => withEpsilon(e.scenario) && e.response && e.scenario.actions.length === 2)
      .every((e) => {
        const mine = moves(e.scenario.name)[0];
        const theirs = mistakeMove(e.scenario.name);
        const [mineBase, theirsBase] = [moves('single')[0], mistakeMove('single')];
        if (!mine || !theirs || !mineBase || !theirsBase) return true;
        const unchanged = (m: Point, b: Point) => sameMove(m[0], b[0]);
        return unchanged(mine, mineBase) === unchanged(theirs, theirsBase);
      });
    // A gradient so small that ε dominates tells ε inside the root from ε outside, which the mistakes (computed with ε
    // inside) do not decide: that probe is left out of the comparison.
    const comparable = entries.filter((e) => e.scenario.name !== 'tinyGradient');
    const plain = comparable.filter((e) => !withEpsilon(e.scenario));
    // A mistake that makes θ NaN on every probe cannot be told from any other cause of a NaN by these probes.
    const onlyNaN = plain.every((e) => (e.scenario.mistakes[mistake] ?? []).flat().every((v) => !Number.isFinite(v)));
    if (onlyNaN) continue;
    const tellsApart = plain.some(
      (e) => !Object.values(e.scenario.expected).some((p) => samePoints(e.scenario.mistakes[mistake] ?? [], p)),
    );
    // Where the mistake differs from PyTorch with a tiny ε, the large-ε probe need not match (ε may sit inside or outside the root).
    if (plain.every(matches) && epsilonAgrees && (tellsApart || comparable.every(matches)) && notes[mistake]) {
      add(`mistake:${mistake}`, `this is a typical mistake: ${notes[mistake]}`);
    }
  }

  // 5'. The fitted rule: the components that differ from the reference, in words, with what the zero-gradient probe
  //     shows when the start of the state is what differs.
  if (fit) add('rule-fit', fitWords());

  // 5'a. θ stays put on the first steps with nonzero gradients, though it moves elsewhere: said as seen, after the
  //      typical mistakes and the fit, which may explain it (an integer velocity rounds a small step to nothing).
  const stillFirst = moves('single')[0];
  const stillStart = named.get('single')?.scenario.starts[0];
  const stillRef = reference('single')[0];
  if (
    stillFirst &&
    stillStart &&
    stillRef &&
    stillFirst.every((v) => v === 0) &&
    // With both components of g nonzero θ stays put too: not one coordinate skipped (said by 'coordinate-still').
    (moves('opposite')[0] ?? [1]).every((v) => v === 0) &&
    stillRef.some((v) => v !== 0) &&
    !fit &&
    !findings.some((f) => f.id === 'never-moves')
  ) {
    add(
      'first-step-still',
      `your parameters never moved: with g = (1, 0), step() left θ at ${fmtPoint(stillStart)} (PyTorch moves it by ` +
        `${fmtPoint(stillRef)}). Subtract the step from every entry of parameters.data, in place, for every index ` +
        'i from 0 to n − 1',
    );
  }

  // 5''. What a zero gradient does on the first step: nothing, for every optimizer here (the state starts at zero).
  //      Said as an observation, not a guess at the code, when no rule explains it. A NaN counts only where the
  //      optimizer has no ε: with one, 0 / 0 from ε left out is as likely.
  const zeroFirst = moves('zeroFirst')[0];
  const hasEpsilon = 'epsilon' in (named.get('single')?.scenario.options ?? {});
  const zeroMoves = !!zeroFirst && zeroFirst.every(Number.isFinite) && (zeroFirst[0] !== 0 || zeroFirst[1] !== 0);
  const zeroNotFinite = !!zeroFirst && !zeroFirst.every(Number.isFinite) && !hasEpsilon;
  // Said as the probe saw it, where θ started and where it ended: no rule explains it, so no cause is guessed.
  const zeroStart = named.get('zeroFirst')?.scenario.starts[0];
  if (!fit && zeroMoves && zeroStart) {
    const end: Point = [zeroStart[0] + zeroFirst[0], zeroStart[1] + zeroFirst[1]];
    add(
      'zero-gradient-moves',
      `with a zero gradient, g = (0, 0), the first step already moves θ from ${fmtPoint(zeroStart)} to ` +
        `${fmtPoint(end)}; it should stay where it is, since every term of the step is a multiple of the gradient ` +
        '(or of a running average of it, which starts at zero)',
    );
  } else if (!fit && zeroNotFinite) {
    add(
      'zero-gradient-not-a-number',
      'with a zero gradient, g = (0, 0), the first step already makes θ NaN: a value in the update is not a number ' +
        'from the start, such as an entry of the state never set (new Array(n) holds undefined). Start the ' +
        'running averages at zeros: new Float64Array(n)',
    );
  }

  // 5a. What the state carries from one step to the next, read off the learner's own responses. Its later steps in the
  //     sequence are what a fresh instance of its own does with the same gradient: nothing was carried over.
  const freshMoves = [1, 2].map((k) => moves(`fresh:${k}`)[0]);
  const freshRef = [1, 2].map((k) => reference(`fresh:${k}`)[0]);
  const sameAs = (a: Point | undefined, b: Point | undefined): boolean =>
    !!a && !!b && a.every(Number.isFinite) && sameMove(a[0], b[0]) && sameMove(a[1], b[1]);
  const seqMoves = moves('newArrays');
  const seqRefMoves = reference('newArrays');
  const moved = (p: Point | undefined): boolean => !!p && (p[0] !== 0 || p[1] !== 0);
  if (
    !fine('newArrays') &&
    [0, 1].every((k) => sameAs(seqMoves[k + 1], freshMoves[k]) && moved(seqMoves[k + 1])) &&
    [0, 1].some((k) => !sameAs(seqRefMoves[k + 1], freshRef[k]))
  ) {
    add(
      'state-not-kept',
      `nothing is carried over from one step to the next: given g = (−0.5, 1) after g = (1, 0), θ moved by ` +
        `${fmtPoint(seqMoves[1]!)}, exactly what a fresh optimizer does with g = (−0.5, 1) alone (PyTorch: ` +
        `${fmtPoint(seqRefMoves[1]!)}). The running averages (and t) are reset or never stored: create them once, ` +
        'in the constructor, and write the new values back into those same arrays in step()',
    );
  }
  // 5a'. The second step moves as if the first gradient were given again, whatever the second gradient is: step()
  //      uses a gradient kept from the step before.
  const repeated = moves('repeatFirst');
  const repeatedRef = reference('repeatFirst');
  const afterZero = moves('zeroAfter');
  // Only a move is evidence of an old gradient: a θ that stays put with every gradient is not using one.
  if (
    !fine('newArrays') &&
    moved(repeated[1]) &&
    sameAs(seqMoves[1], repeated[1]) &&
    sameAs(afterZero[1], repeated[1]) &&
    !sameAs(seqRefMoves[1], repeatedRef[1])
  ) {
    const always = sameAs(seqMoves[2], repeated[2]);
    add(
      'previous-gradient',
      `step() uses ${always ? 'the first' : 'the previous'} step's gradient: after g = (1, 0), given g = (0, 0) or ` +
        `g = (−0.5, 1) θ moves by ${fmtPoint(seqMoves[1]!)} both times, as if given (1, 0) again (PyTorch: ` +
        `${fmtPoint(seqRefMoves[1]!)} with (−0.5, 1)). Use this step's parameters.grad, not a copy kept from ` +
        `${always ? 'the first step' : 'the last step()'}`,
    );
  }

  // 5b. An option ignored in favour of a fixed value: with that option alone at another value, the learner's steps
  //     are its steps with the usual options, where PyTorch's change.
  for (const e of named.values()) {
    const option = e.scenario.name.startsWith('option:') ? e.scenario.name.slice('option:'.length) : '';
    const mine = moves(e.scenario.name);
    const usual = alone;
    const finite = mine.flat().every(Number.isFinite) && usual.flat().every(Number.isFinite);
    if (!option || !e.response || matchesReference(e) || mine.length === 0 || !finite) continue;
    const theirs = reference(e.scenario.name);
    const torchSame = !differs(theirs, reference('newArrays'), theirs.length);
    if (!torchSame && !differs(mine, usual, mine.length)) {
      const base = named.get('newArrays')?.scenario.options[option];
      add(
        `option-ignored:${option}`,
        `the ${option} option is ignored: with ${option} = ${fmt(e.scenario.options[option]!)} instead of ` +
          `${fmt(base ?? NaN)} your steps are the same, PyTorch's change (its second move: ${fmtPoint(theirs[1] ?? [NaN, NaN])}, ` +
          `yours: ${fmtPoint(mine[1] ?? [NaN, NaN])}). Read it from the options given to the constructor; do not fix it in the code`,
      );
    }
  }

  // 5c. Coordinates and signs, from a gradient with two nonzero components of opposite sign.
  const opposite = moves('opposite')[0];
  const oppositeRef = reference('opposite')[0];
  const oppositeGiven = named.get('opposite')?.scenario.actions.find((a) => a.grad)?.grad;
  const gText = oppositeGiven ? fmtPoint(oppositeGiven) : '';
  if (opposite && oppositeRef && !fine('opposite')) {
    ([0, 1] as const).forEach((c) => {
      const other = 1 - c;
      const name = c === 0 ? 'x' : 'y';
      const stillEverywhere = answered.every((e) => movesOf(e.scenario, e.response!.points).every((m) => m[c] === 0));
      if (stillEverywhere && oppositeRef[c] !== 0 && opposite[other] !== 0) {
        add(
          'coordinate-still',
          `with g = ${gText}, ${name} never moves (PyTorch moves it by ${fmt(oppositeRef[c])}); ${c === 0 ? 'y' : 'x'} ` +
            'does: the loop over the coordinates must visit every one of them (i < length, from 0)',
        );
      } else if (
        sameMove(opposite[other], oppositeRef[other]) &&
        oppositeRef[c] !== 0 &&
        sameMove(Math.abs(opposite[c]), Math.abs(oppositeRef[c])) &&
        Math.sign(opposite[c]) !== Math.sign(oppositeRef[c])
      ) {
        add(
          'sign-ignored',
          `with g = ${gText}, ${c === 0 ? 'x' : 'y'} moved by ${fmt(opposite[c])}, PyTorch by ${fmt(oppositeRef[c])}: ` +
            `the size is right but the sign is not, and ${c === 0 ? 'y' : 'x'} is right: the sign of each ` +
            "coordinate's gradient is lost (Math.abs, a square without its sign): the step must follow g's sign",
        );
      }
    });
  }

  const single = moves('single');
  const singleRef = reference('single');
  // 5d. ε ignored: however large ε is, the first step stays the step of the usual ε, where PyTorch's shrinks. Checked
  //     before the division by zero it causes where a gradient is 0, which it explains.
  const epsilonProbes = ['largeEpsilon', 'epsilonTenth'].filter((n) => named.get(n)?.response);
  const x0 = single[0]?.[0];
  if (
    x0 !== undefined &&
    Number.isFinite(x0) &&
    x0 !== 0 &&
    epsilonProbes.length > 0 &&
    epsilonProbes.every((n) => {
      const mine = moves(n)[0];
      const theirs = reference(n)[0];
      return mine && theirs && sameMove(mine[0], x0) && !sameMove(theirs[0], singleRef[0]?.[0] ?? NaN);
    })
  ) {
    const tiny = moves('tinyGradient')[0];
    const tinyRef = reference('tinyGradient')[0];
    const tinyShows = tiny && tinyRef && Number.isFinite(tiny[0]) && Math.abs(tiny[0]) > 10 * Math.abs(tinyRef[0]);
    const zeroNaN = single[0] && !Number.isFinite(single[0][1]);
    add(
      'epsilon-ignored',
      `the epsilon option is ignored: with ε = 1 or ε = 0.1 the first step is the same as with ε = ` +
        `${fmt(baseEpsilon ?? NaN)} (${fmt(x0)})` +
        (tinyShows
          ? `, and with a tiny gradient, g = (1e-6, 0), x moves by ${fmt(tiny[0])} where PyTorch's ε keeps it to ${fmt(tinyRef[0])}`
          : '') +
        (zeroNaN ? `; where a coordinate's gradient is 0 the step is 0 / 0 = NaN` : '') +
        '. Add the epsilon option to the denominator, α·g / √(r + ε) or α·g / (√r + ε)',
    );
  }

  // 6. Division by zero where a coordinate's gradient is 0.
  // Only where x's step is finite: a NaN everywhere is no sign of 0 / 0 where the gradient is 0.
  if (
    hasEpsilon &&
    single[0] &&
    Number.isFinite(single[0][0]) &&
    !Number.isFinite(single[0][1]) &&
    Number.isFinite(singleRef[0]?.[1] ?? NaN)
  ) {
    add(
      'zero-gradient-not-finite',
      'with g = (1, 0), y becomes ' +
        `${fmt(single[0][1])}: where a coordinate's gradient is 0 the step divides 0 by 0. ε belongs in the ` +
        'denominator, α·g / √(r + ε) or α·g / (√r + ε), not added after the division',
    );
  }
  const nonFinite = answered.filter((e) => e.response!.points.flat().some((v) => !Number.isFinite(v)));
  // A NaN with an ordinary gradient says more than one after a zero gradient.
  const notFinite = nonFinite.find((e) => e.scenario.name !== 'zeroAfter') ?? nonFinite[0];

  const isAdam = 'momentumGradSquared' in (named.get('single')?.scenario.options ?? {});
  const adamFirstStep = (dx: number, rx: number): string =>
    // The probe runs its own α, not the failing test's: the message says so, or the two numbers seem to disagree.
    `Adam's first step should move each coordinate by ≈ α (this probe runs α = ${fmt(Math.abs(rx))}: â / √r̂ is sign(g) once both ` +
    `averages are bias-corrected with t = 1); yours moved x by ${fmt(dx / rx)}·α. Check â = a / (1 − μ₁ᵗ), ` +
    'r̂ = r / (1 − μ₂ᵗ), and that t is 1 on the first step';
  if (single[0] && singleRef[0]) {
    const [dx, dy] = single[0];
    const [rx] = singleRef[0];
    // 7. The sign of the step.
    if (Number.isFinite(dx) && dx !== 0 && Math.sign(dx) !== Math.sign(rx)) {
      add(
        'uphill',
        `with g = (1, 0), x moved by ${fmt(dx)}, along the gradient (PyTorch: ${fmt(rx)}): the update must subtract, θ ← θ − …`,
      );
    }
    // 8. Coupled coordinates.
    const mixed = moves('mixed')[0];
    const yOnly = moves('yOnly')[0];
    // y's move with g = (1, 0) beyond what it does with g = (0, 0): a state that does not start at zero moves y
    // either way, which is no coupling.
    const yOwn = zeroFirst && Number.isFinite(zeroFirst[1]) ? zeroFirst[1] : 0;
    if (Number.isFinite(dy) && Math.abs(dy - yOwn) > 1e-12 + 1e-6 * Math.abs(dy)) {
      add(
        'coupled',
        `the coordinates are coupled: with g = (1, 0), y moved by ${fmt(dy)}` +
          (yOwn !== 0 ? ` (with g = (0, 0): ${fmt(yOwn)})` : '') +
          ` though its gradient is 0. Each ` +
          "coordinate's update must use only its own gradient and its own entries of the running averages (one " +
          'entry per coordinate, e.g. a Float64Array, not one number for all)',
      );
    } else if (mixed && yOnly && (!sameMove(mixed[0], dx) || !sameMove(mixed[1], yOnly[1]))) {
      // The evidence names the coordinate whose step changed: the other one's equal moves read as no difference.
      const evidence = !sameMove(mixed[0], dx)
        ? `x moves by ${fmt(dx)} with g = (1, 0) but by ${fmt(mixed[0])} with g = (1, 0.5)`
        : `y moves by ${fmt(yOnly[1])} with g = (0, 0.5) but by ${fmt(mixed[1])} with g = (1, 0.5)`;
      add(
        'coupled',
        `the coordinates are coupled: ${evidence}, so one coordinate's gradient changes the other's step. Each ` +
          "coordinate's update must use only its own gradient and its own entry of each running average: not a " +
          'norm or a sum over the coordinates, not one number for all',
      );
    }
    // 9. The learning rate.
    const lr = moves('lrDoubled')[0];
    const lrRef = reference('lrDoubled')[0];
    if (lr && lrRef && Number.isFinite(dx) && dx !== 0) {
      const ratio = lr[0] / dx;
      const expected = lrRef[0] / rx;
      if (Math.abs(ratio - expected) > 1e-3 * Math.abs(expected)) {
        if (Math.abs(ratio - 1) < 0.01)
          add('learning-rate-ignored', 'the learning rate option is ignored: doubling it does not change the step');
        else if (Math.abs(ratio - expected * expected) < 0.01 * expected * expected)
          add(
            'learning-rate-twice',
            `the learning rate is applied twice: doubling it makes the step ${fmt(ratio)}× larger (α² instead of α)`,
          );
        else
          add(
            'learning-rate-scale',
            `doubling the learning rate multiplies the step by ${fmt(ratio)}; it should double it (the step is α times the rest)`,
          );
      }
    }
    // 10. How the first step scales with the gradient.
    const two = moves('double')[0];
    const four = moves('quadruple')[0];
    const twoRef = reference('double')[0];
    if (two && four && twoRef && dx !== 0 && Number.isFinite(dx)) {
      const k = log2(two[0] / dx);
      const k4 = log2(four[0] / dx) / 2;
      const kRef = log2(twoRef[0] / rx);
      if (Number.isFinite(k) && Number.isFinite(k4) && (Math.abs(k - kRef) > 0.02 || Math.abs(k4 - kRef) > 0.02)) {
        const grows = `with g = (1, 0), (2, 0) and (4, 0) the first step is ${fmt(dx)}, ${fmt(two[0])} and ${fmt(four[0])}: it scales ${power(k)}`;
        add(
          'gradient-scale',
          Math.abs(kRef) < 0.05
            ? `${grows}, but the first step should not depend on the size of g (α·g / √(g²) is α·sign(g)): what ` +
                `your step divides g by grows ${power(1 - k)} where it should grow like |g|, ` +
                'the square root of an average of g²'
            : `${grows}, instead of in proportion to g (doubling g should double the step): look for a gradient ` +
                'squared, rooted or normalised where it should be used as it is',
        );
      }
    }
    // 11. ε.
    const eps = moves('largeEpsilon')[0];
    const epsEntry = named.get('largeEpsilon');
    const tenth = moves('epsilonTenth')[0];
    const tenthEntry = named.get('epsilonTenth');
    const tenthRef = reference('epsilonTenth')[0];
    const epsOf = (name: string): number => named.get(name)?.scenario.options.epsilon ?? NaN;
    if (tenth && tenthEntry && tenthRef && !matchesReference(tenthEntry) && fine('single')) {
      if (sameMove(tenth[0], dx))
        add(
          'epsilon-ignored',
          `the epsilon option is ignored: with ε = ${fmt(epsOf('epsilonTenth'))} the first step is the same as with ` +
            `ε = ${fmt(epsOf('single'))} (${fmt(dx)}; PyTorch: ${fmt(tenthRef[0])}). Read ε from the options; do not fix it in the code`,
        );
      else {
        const squared = firstMoves('epsilonHundredth').some((m) => sameMove(tenth[0], m[0]));
        add(
          'epsilon-form',
          `the epsilon option is used, but in another form: with ε = ${fmt(epsOf('epsilonTenth'))} x moved by ` +
            `${fmt(tenth[0])}, PyTorch by ${fmt(tenthRef[0])}` +
            (squared
              ? `; yours is PyTorch's step for ε = ${fmt(epsOf('epsilonHundredth'))}, ε²: ε is squared`
              : eps && firstMoves('largeEpsilon').some((m) => sameMove(eps[0], m[0]))
                ? ` (with ε = 1 both agree, so ε is transformed: squared, rooted or scaled)`
                : '') +
            '. Add the epsilon option itself, as given, to r inside the square root (or to √r)',
        );
      }
    }
    if (
      eps &&
      epsEntry &&
      Number.isFinite(eps[0]) &&
      !matchesReference(epsEntry) &&
      !findings.some((f) => f.id.startsWith('epsilon-'))
    ) {
      if (sameMove(eps[0], dx))
        add('epsilon-ignored', 'the epsilon option is ignored: with ε = 1 the first step is the same as with ε = 1e-8');
      else if (fine('single'))
        add(
          'epsilon-placement',
          `with a large ε (1), x moved by ${fmt(eps[0])}, PyTorch by ${fmt(reference('largeEpsilon')[0]![0])}: ε must ` +
            'be added to r inside the square root, or to √r, in the denominator',
        );
    }
    // 12. How the first step depends on the decay μ (RMSprop, Adam: other μ, same gradients).
    const otherFirst = moves('otherMomenta')[0];
    const otherRef = reference('otherMomenta')[0];
    const hasRoot = 'epsilon' in (named.get('single')?.scenario.options ?? {});
    if (hasRoot && otherFirst && otherRef && !fine('single') && Number.isFinite(dx) && dx !== 0) {
      const ratio = otherFirst[0] / dx;
      const expected = otherRef[0] / rx;
      if (Number.isFinite(ratio) && Math.abs(ratio - expected) > 1e-3 * Math.abs(expected)) {
        // Adam's first step has a known size (≈ α): that finding, below, says more; it goes first.
        if (isAdam) add('first-step-size', adamFirstStep(dx, rx));
        add(
          'decay-dependence',
          `with other μ and the same gradient, your first step changes by a factor ${fmt(ratio)}, PyTorch's by ` +
            `${fmt(expected)}: check how the averages weigh the old value and the new one (r ← μ·r + (1 − μ)·g², ` +
            'g² itself, not the average squared) and that the step divides by √r',
        );
      }
    }
    // 13. The size of an otherwise well-behaved first step.
    if (
      !fine('single') &&
      Number.isFinite(dx) &&
      dx !== 0 &&
      Math.sign(dx) === Math.sign(rx) &&
      Math.abs(dy) <= 1e-12
    ) {
      const q = dx / rx;
      add(
        'first-step-size',
        isAdam
          ? adamFirstStep(dx, rx)
          : `with g = (1, 0) the first step moves x by ${fmt(dx)}, ${fmt(q)}× PyTorch's ${fmt(rx)}: check the ` +
              'constant factors of the update (α, μ, 1 − μ) and the starting values of the running averages',
      );
    }
  }

  // 14. Non-finite values, from which probe.
  if (notFinite) {
    const what: Record<string, string> = {
      zeroAfter:
        'with g = (0, 0) after g = (1, 0), θ becomes NaN or infinite: something divides by the size of the gradient, or by an average that is 0',
    };
    add(
      'not-finite',
      what[notFinite.scenario.name] ??
        (hasEpsilon
          ? 'a step with an ordinary gradient makes θ NaN or infinite: something divides by zero or takes the square ' +
            'root of a negative number' +
            (isAdam ? ' (a bias correction 1 − μᵗ must stay between 0 and 1: t ≥ 1, μ raised to the power t)' : '')
          : 'a step with an ordinary gradient makes θ NaN or infinite: some value in the update is not a number (an ' +
            'entry of the velocity never set, an option read under another name) or overflows'),
    );
  }

  // 15. The decay options: other μ, the same gradients, must give other steps.
  const otherMomenta = moves('otherMomenta');
  if (
    !fine('otherMomenta') &&
    otherMomenta.length >= 3 &&
    otherMomenta.flat().every(Number.isFinite) &&
    !differs(otherMomenta, alone, 3) &&
    !findings.some((f) => f.id.startsWith('option-ignored:'))
  ) {
    add(
      'momentum-ignored',
      'the momentum options are ignored: with other μ the steps are the same as before. Read μ from the options ' +
        'given to the constructor; do not fix it in the code',
    );
  }

  // 16. Right first step, wrong later ones. An optimizer without state (SGD: no option but the learning rate) gets
  //     what differs, not advice about state it does not have.
  const stateless = Object.keys(named.get('single')?.scenario.options ?? {}).length === 1;
  const seq = moves('newArrays');
  const seqRef = reference('newArrays');
  if (stateless && fine('single') && seq.length >= 3 && seqRef.length >= 3 && !fine('newArrays')) {
    const ratios = seq.map((m, i) => {
      const r = seqRef[i]!;
      const per = ([0, 1] as const).filter((c) => r[c] !== 0).map((c) => m[c] / r[c]);
      return per.length > 0 && per.every((q) => Math.abs(q - per[0]!) <= 1e-6 * Math.abs(per[0]!)) ? per[0]! : NaN;
    });
    const shrinking =
      ratios.every(Number.isFinite) && ratios.slice(1).every((q, i) => q > 0 && q < ratios[i]! * (1 - 1e-6));
    if (shrinking) {
      add(
        'shrinking-steps',
        `the step shrinks from step to step: given the same kind of gradients, your moves are ${ratios.map(fmt).join(', ')}× ` +
          "PyTorch's. That is a decaying learning rate: SGD keeps no state, so every step is α·g with the same α; " +
          'do not change the learning rate inside step()',
      );
    }
  }
  if (stateless && !findings.some((f) => ['coordinate-still', 'sign-ignored', 'shrinking-steps'].includes(f.id))) {
    const k = seq.findIndex((p, i) => seqRef[i] && (!sameMove(p[0], seqRef[i]![0]) || !sameMove(p[1], seqRef[i]![1])));
    if (fine('single') && k >= 1) {
      add(
        'later-steps',
        `the first step is right but step ${k + 1} is not: θ moved by ${fmtPoint(seq[k]!)}, PyTorch's by ` +
          `${fmtPoint(seqRef[k]!)}. SGD keeps no state: every step is α times that step's gradient alone, so look ` +
          'for something step() changes or keeps between calls (the learning rate, a gradient, a counter)',
      );
    }
  }
  for (const [name, given] of stateless
    ? []
    : ([
        ['zeroAfter', 'g = (0, 0) after g = (1, 0)'],
        ['newArrays', 'g = (−0.5, 1) after g = (1, 0)'],
      ] as const)) {
    const m = moves(name);
    const r = reference(name);
    if (fine('single') && m.length >= 2 && r.length >= 2 && !fine(name)) {
      const k = m.findIndex((p, i) => !sameMove(p[0], r[i]![0]) || !sameMove(p[1], r[i]![1]));
      if (k >= 1) {
        add(
          'later-steps',
          `the first step is right but later ones are not: given ${given}, θ moved by ${fmtPoint(m[1]!)}, PyTorch's by ` +
            `${fmtPoint(r[1]!)}. Check what the state carries from one step to the next (the running averages, t, ` +
            'when each is updated and whether it is updated before it is used)',
        );
        break;
      }
    }
  }
  return findings;
}

/** Findings that a first finding already explains: they follow from it, so they are not listed as a second cause. */
const EXPLAINED_BY: Record<string, readonly string[] | 'all'> = {
  'never-moves': 'all',
  'first-step-still': 'all',
  // A rule that reproduces every probe explains whatever else the probes show.
  'rule-fit': 'all',
  'zerograd-resets-state': [
    // Says more of the same: every step is a fresh optimizer's.
    'zerograd-changes-state',
    'state-not-kept',
    'later-steps',
    'decay-dependence',
    'momentum-ignored',
    'previous-gradient',
  ],
  'zero-gradient-moves': ['coupled', 'first-step-size', 'later-steps', 'decay-dependence', 'shared-state'],
  'zero-gradient-not-a-number': ['not-finite', 'later-steps', 'decay-dependence', 'momentum-ignored'],
  'shared-state': ['stale-gradient', 'later-steps', 'decay-dependence', 'momentum-ignored', 'first-step-size'],
  'stale-gradient': ['later-steps', 'decay-dependence', 'momentum-ignored', 'previous-gradient'],
  // What zeroGrad() was seen to change explains every move that follows.
  'zerograd-changes-data': 'all',
  'zerograd-changes-state': [
    'stale-gradient',
    'state-not-kept',
    'later-steps',
    'decay-dependence',
    'momentum-ignored',
    'previous-gradient',
  ],
  'unknown-option': 'all',
  'state-not-kept': ['later-steps', 'decay-dependence', 'momentum-ignored', 'previous-gradient'],
  'previous-gradient': ['later-steps', 'decay-dependence', 'momentum-ignored'],
  'changes-grad': ['gradient-scale', 'first-step-size', 'later-steps', 'decay-dependence', 'coupled'],
  coupled: ['gradient-scale', 'first-step-size', 'later-steps'],
  'first-step-size': ['decay-dependence', 'later-steps'],
  'epsilon-form': ['epsilon-placement'],
  'epsilon-ignored': ['zero-gradient-not-finite', 'not-finite', 'first-step-size', 'coupled', 'later-steps'],
  'gradient-scale': ['later-steps', 'decay-dependence', 'first-step-size'],
  'not-finite': ['later-steps', 'decay-dependence', 'momentum-ignored'],
  'learning-rate-ignored': ['first-step-size'],
  'learning-rate-twice': ['first-step-size'],
  'learning-rate-scale': ['first-step-size'],
};
const explains = (first: Finding, second: Finding): boolean => {
  if (first.id.startsWith('mistake:') || first.id.startsWith('option-ignored:')) return true;
  const e = EXPLAINED_BY[first.id];
  // State kept from before (shared, or a stale gradient) makes every option look ignored.
  const optionLooksIgnored =
    ['shared-state', 'stale-gradient', 'state-not-kept', 'previous-gradient', 'zerograd-resets-state'].includes(
      first.id,
    ) && second.id.startsWith('option-ignored:');
  return e === 'all' || optionLooksIgnored || (e?.includes(second.id) ?? false);
};

/** The line a failing test's message gets from the probes, with at most one more finding; '' when there is none. */
export function probeDiagnosis(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const [first, next] = findings;
  const second = next && !explains(first!, next) ? next : undefined;
  return `Diagnosis: ${first!.message}.${second ? `\nThe probes also show: ${second.message}.` : ''}`;
}
