// The probe findings on the committed PyTorch fixtures: PyTorch's own responses find nothing, each typical
// mistake's responses (computed by fixtures/mistakes.py) are named, and responses built from PyTorch's by a
// property (no move, the same move twice, a second instance continuing the first) give the property's finding.
import { describe, expect, test } from 'vitest';
import { mistakeNotes, probeScenarios, type OptimizerId, type Point } from '../grader/optimizers/harness/fixtures.js';
import {
  movesOf,
  probeDiagnosis,
  probeFindings,
  type ProbeResponse,
  type ProbeScenario,
} from '../grader/optimizers/harness/probe-findings.js';
import { fitVerdict } from '../grader/optimizers/hidden/rule-fit.js';

const OPTIMIZERS: OptimizerId[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

const respond = (points: Point[]): ProbeResponse => ({ points, gradChanged: false });
const variantOf = (s: ProbeScenario): Point[] => Object.values(s.expected)[0]!;
/** PyTorch's responses, with some scenarios' points replaced. */
function responses(scenarios: ProbeScenario[], replace: Record<string, Point[]> = {}): ProbeResponse[] {
  return scenarios.map((s) => respond(replace[s.name] ?? variantOf(s)));
}
/** The findings' ids as grading in this repository makes them, with the rule fit of the hidden folder. */
const ids = (optimizer: OptimizerId, r: Array<ProbeResponse | null>): string[] =>
  probeFindings(probeScenarios(optimizer), r, mistakeNotes(optimizer), fitVerdict).map((f) => f.id);
const byName = (scenarios: ProbeScenario[], name: string): ProbeScenario => scenarios.find((s) => s.name === name)!;

describe.each(OPTIMIZERS)('%s probes', (optimizer) => {
  const scenarios = probeScenarios(optimizer);

  test('the fixtures hold the probe scenarios with PyTorch’s responses', () => {
    expect(scenarios.map((s) => s.name)).toEqual(
      expect.arrayContaining(['single', 'double', 'lrDoubled', 'sequential', 'interleaved', 'newArrays', 'inPlace']),
    );
  });

  test('every accepted variant of PyTorch’s responses finds nothing; probes that could not run find nothing', () => {
    for (const variant of Object.keys(scenarios[0]!.expected)) {
      expect(
        ids(
          optimizer,
          scenarios.map((s) => respond(s.expected[variant]!)),
        ),
      ).toEqual([]);
    }
    expect(
      ids(
        optimizer,
        scenarios.map(() => null),
      ),
    ).toEqual([]);
  });

  test('each typical mistake that probes can see is named first', () => {
    for (const mistake of Object.keys(scenarios[0]!.mistakes)) {
      if (mistake === 'never-cleared') continue; // probes give a new grad array every step: zeroGrad() is not seen
      const found = ids(
        optimizer,
        scenarios.map((s) => respond(s.mistakes[mistake]!)),
      );
      // A mistake that makes θ NaN on every probe looks like every other cause of a NaN, and one that acts exactly
      // like another single change of the rule (a velocity that subtracts g, a step that adds the velocity) like
      // that change: neither is named.
      const onlyNaN = scenarios.every((s) => s.mistakes[mistake]!.flat().every((v) => !Number.isFinite(v)));
      const alike = fitVerdict(
        scenarios,
        scenarios.map((s) => respond(s.mistakes[mistake]!)),
      ).ambiguous;
      if (onlyNaN || alike) expect(found, mistake).not.toContain(`mistake:${mistake}`);
      else expect(found[0], mistake).toBe(`mistake:${mistake}`);
    }
  });

  test('parameters that never move are named', () => {
    const still = scenarios.map((s) => {
      const stepping = s.actions.filter((a) => a.step !== undefined).map((a) => s.starts[a.step!]!);
      return respond(stepping);
    });
    expect(ids(optimizer, still)[0]).toBe('never-moves');
  });

  test('a second instance that carries on where the first stopped shows shared state', () => {
    const sequential = byName(scenarios, 'sequential');
    const second = movesOf(byName(scenarios, 'newArrays'), variantOf(byName(scenarios, 'newArrays')))[1]!;
    // PyTorch's second move of one instance, made by a fresh instance: it inherited the first one's state.
    const [first] = variantOf(sequential);
    const start = sequential.starts[1]!;
    const found = ids(
      optimizer,
      responses(scenarios, { sequential: [first!, [start[0] + second[0], start[1] + second[1]]] }),
    );
    expect(found[0]).toBe('shared-state');
  });

  test('a learning rate ignored is named: doubling α gives PyTorch’s move for α', () => {
    expect(ids(optimizer, responses(scenarios, { lrDoubled: variantOf(byName(scenarios, 'single')) }))[0]).toBe(
      'learning-rate-ignored',
    );
  });

  test('a step() that writes into grad is named', () => {
    const r = responses(scenarios);
    r[0] = { ...r[0]!, gradChanged: true };
    expect(ids(optimizer, r)).toContain('changes-grad');
  });
});

describe.each(OPTIMIZERS)('%s probes in a student kit, which has no rule fit', (optimizer) => {
  const scenarios = probeScenarios(optimizer);
  test('no rule is fitted; each typical mistake comes first as with the fit, unless the fit finds it a guess', () => {
    for (const mistake of Object.keys(scenarios[0]!.mistakes)) {
      const r = scenarios.map((s) => respond(s.mistakes[mistake]!));
      const kit = probeFindings(scenarios, r, mistakeNotes(optimizer)).map((f) => f.id);
      expect(kit, mistake).not.toContain('rule-fit');
      // Where several changes of the rule act alike, only the fit knows it: the kit names the typical mistake anyway.
      if (!fitVerdict(scenarios, r).ambiguous) expect(kit[0], mistake).toBe(ids(optimizer, r)[0]);
    }
  });
});

test('SGD reusing its first gradient: PyTorch’s single move, again and again, is a stale gradient', () => {
  const scenarios = probeScenarios('sgd');
  const [move] = movesOf(byName(scenarios, 'single'), variantOf(byName(scenarios, 'single')));
  const again = (s: ProbeScenario): Point[] =>
    variantOf(s).map((_, k) => [s.starts[0]![0] + (k + 1) * move![0], s.starts[0]![1] + (k + 1) * move![1]]);
  // Two instances stepping in turn, each repeating its own first move.
  const stalePair = (s: ProbeScenario): Point[] => {
    const [a, b] = variantOf(s);
    const [sa, sb] = s.starts;
    return [a!, b!, [2 * a![0] - sa![0], 2 * a![1] - sa![1]], [2 * b![0] - sb![0], 2 * b![1] - sb![1]]];
  };
  const found = ids(
    'sgd',
    responses(scenarios, {
      newArrays: again(byName(scenarios, 'newArrays')),
      gradBeforeConstructor: again(byName(scenarios, 'gradBeforeConstructor')),
      interleaved: stalePair(byName(scenarios, 'interleaved')),
    }),
  );
  expect(found[0]).toBe('stale-gradient');
});

test('Adam without bias correction, by its own fixture responses, is named in the words of mistakes.toml', () => {
  const scenarios = probeScenarios('adam');
  const findings = probeFindings(
    scenarios,
    scenarios.map((s) => respond(s.mistakes['no-bias-correction']!)),
    mistakeNotes('adam'),
    fitVerdict,
  );
  expect(probeDiagnosis(findings)).toMatch(
    /^Diagnosis: this is a typical mistake: the averages are not bias-corrected/,
  );
  expect(probeDiagnosis([])).toBe('');
});

/** PyTorch's responses rebuilt move by move: `edit` changes each move (k: the instance's own step count). */
function edited(s: ProbeScenario, edit: (move: Point, k: number) => Point): Point[] {
  const at = s.starts.map((p) => [p[0], p[1]] as Point);
  const stepping = s.actions.filter((a) => a.step !== undefined).map((a) => a.step!);
  const count = s.starts.map(() => 0);
  return movesOf(s, variantOf(s)).map((m, k) => {
    const i = stepping[k]!;
    const [dx, dy] = edit(m, count[i]!++);
    at[i] = [at[i]![0] + dx, at[i]![1] + dy];
    return [at[i]![0], at[i]![1]];
  });
}
const editAll = (optimizer: OptimizerId, edit: (move: Point, k: number) => Point): string[] => {
  const scenarios = probeScenarios(optimizer);
  return ids(
    optimizer,
    scenarios.map((s) => respond(edited(s, edit))),
  );
};

describe('SGD: what differs, not state advice (SGD keeps none)', () => {
  test('a last coordinate that never moves is named', () => {
    expect(editAll('sgd', ([dx]) => [dx, 0])[0]).toBe('coordinate-still');
  });
  test('a sign ignored (every move downhill) is named', () => {
    expect(editAll('sgd', ([dx, dy]) => [-Math.abs(dx), -Math.abs(dy)])[0]).toBe('sign-ignored');
  });
  test('a learning rate that decays by 1% a step is named, and no finding speaks of running averages', () => {
    const scenarios = probeScenarios('sgd');
    const findings = probeFindings(
      scenarios,
      scenarios.map((s) => respond(edited(s, ([dx, dy], k) => [dx * 0.99 ** k, dy * 0.99 ** k]))),
      mistakeNotes('sgd'),
      fitVerdict,
    );
    expect(findings[0]?.id).toBe('shrinking-steps');
    expect(probeDiagnosis(findings)).not.toMatch(/running averages/);
  });
});

test('ε squared is told apart from ε fixed: PyTorch’s response for ε = 0.01 given for ε = 0.1', () => {
  const scenarios = probeScenarios('rmsprop');
  const hundredth = byName(scenarios, 'epsilonHundredth');
  const large = byName(scenarios, 'largeEpsilon');
  expect(hundredth.options.epsilon).toBeCloseTo(byName(scenarios, 'epsilonTenth').options.epsilon! ** 2, 12);
  const findings = probeFindings(
    scenarios,
    responses(scenarios, {
      epsilonTenth: hundredth.expected.epsInside!,
      largeEpsilon: large.expected.epsInside!,
    }),
    mistakeNotes('rmsprop'),
    fitVerdict,
  );
  expect(findings[0]?.id).toBe('epsilon-form');
  expect(findings[0]?.message).toMatch(/ε is squared/);
  expect(findings.map((f) => f.id)).not.toContain('mistake:epsilon-fixed');
});

test('an option ignored in favour of its default: Adam answering μ₂ = 0.9 as with 0.999 is named', () => {
  const scenarios = probeScenarios('adam');
  const found = ids(
    'adam',
    responses(scenarios, { 'option:momentumGradSquared': variantOf(byName(scenarios, 'newArrays')) }),
  );
  expect(found[0]).toBe('option-ignored:momentumGradSquared');
});

test('a first finding that explains the responses gets no second cause', () => {
  const mistake = { id: 'mistake:x', message: 'm' };
  const later = { id: 'later-steps', message: 'l' };
  expect(probeDiagnosis([mistake, later])).not.toMatch(/also show/);
  expect(
    probeDiagnosis([
      { id: 'learning-rate-ignored', message: 'a' },
      { id: 'uphill', message: 'b' },
    ]),
  ).toMatch(/also show: b/);
});

/** Responses in which each step of an instance is its own first step for that step's gradient: nothing kept. */
function forgetful(optimizer: OptimizerId): Array<ProbeResponse | null> {
  const scenarios = probeScenarios(optimizer);
  const firstMove = (g: Point): Point => {
    const s = scenarios.find(
      (c) => c.actions.length === 2 && c.actions[1]!.grad?.join() === g.join() && c.options === scenarios[0]!.options,
    );
    const fallback = scenarios.find((c) => c.actions.length === 2 && c.actions[1]!.grad?.join() === g.join());
    const chosen = s ?? fallback;
    return chosen ? movesOf(chosen, variantOf(chosen))[0]! : [0, 0];
  };
  // Two instances in turn (no single-step probe for the second one's gradients): as if that probe could not run.
  return scenarios.map((s) => {
    if (s.name === 'interleaved') return null;
    const sequences = ['newArrays', 'zeroAfter', 'repeatFirst', 'inPlace', 'gradBeforeConstructor'];
    if (!sequences.includes(s.name)) return respond(variantOf(s));
    let at: Point = [s.starts[0]![0], s.starts[0]![1]];
    return respond(
      s.actions
        .filter((a) => a.step !== undefined)
        .map((a) => {
          // A step with no grad given uses the one set before the constructor: the sequence's first, (1, 0).
          const m = firstMove(a.grad ?? [1, 0]);
          at = [at[0] + m[0], at[1] + m[1]];
          return at;
        }),
    );
  });
}

describe.each(['momentum', 'rmsprop', 'adam'] as const)(
  '%s: what the state carries, from its own responses',
  (optimizer) => {
    test('later steps that are fresh first steps: nothing is carried over', () => {
      expect(ids(optimizer, forgetful(optimizer))[0]).toBe('state-not-kept');
    });
    test('a second step that is the step of the first gradient again: the previous gradient', () => {
      const scenarios = probeScenarios(optimizer);
      const repeated = variantOf(byName(scenarios, 'repeatFirst'));
      // The second step makes PyTorch's move for (1, 0) twice, whatever the second gradient; from where it then stands.
      const shifted = (name: string): Point[] => {
        const s = byName(scenarios, name);
        const moves = movesOf(byName(scenarios, 'repeatFirst'), repeated);
        const own = movesOf(s, variantOf(s));
        let at: Point = [s.starts[0]![0], s.starts[0]![1]];
        return own.map((m, k) => {
          const used = k === 1 ? moves[1]! : m;
          at = [at[0] + used[0], at[1] + used[1]];
          return at;
        });
      };
      const r: Array<ProbeResponse | null> = responses(scenarios, {
        newArrays: shifted('newArrays'),
        zeroAfter: shifted('zeroAfter'),
        inPlace: shifted('inPlace'),
        gradBeforeConstructor: shifted('gradBeforeConstructor'),
      });
      r[scenarios.findIndex((s) => s.name === 'interleaved')] = null;
      const found = ids(optimizer, r);
      expect(found[0]).toBe('previous-gradient');
    });
  },
);

test('PyTorch’s own SGD is not "nothing carried over": it keeps no state, so no finding', () => {
  expect(ids('sgd', forgetful('sgd'))).toEqual([]);
});

test('options read under names the constructor is not given are named, with the names it is given', () => {
  const scenarios = probeScenarios('adam');
  const nan: Point[] = [[NaN, NaN]];
  const r = scenarios.map((s) => ({
    points: s.actions.filter((a) => a.step !== undefined).map(() => nan[0]!),
    gradChanged: false,
    unknownOptions: ['beta1', 'beta2'],
  }));
  const findings = probeFindings(scenarios, r, mistakeNotes('adam'), fitVerdict);
  expect(findings[0]?.id).toBe('unknown-option');
  expect(probeDiagnosis(findings)).toMatch(/options\.beta1 and options\.beta2.*only learningRate, momentumGrad/);
  // Read but harmless (the responses are PyTorch's): nothing to say.
  expect(
    ids(
      'adam',
      responses(scenarios).map((x) => ({ ...x, unknownOptions: ['beta1'] })),
    ),
  ).toEqual([]);
  // Read with a fallback, the steps finite though wrong: not sure to be the cause, so not named.
  const single = variantOf(byName(scenarios, 'single'));
  const wrongButFinite = responses(scenarios, { lrDoubled: single }).map((x) => ({ ...x, unknownOptions: ['beta1'] }));
  expect(ids('adam', wrongButFinite)).not.toContain('unknown-option');
});

test('ε ignored is not ε outside the division: with ε = 1 and 0.1 the step of ε = 1e-8', () => {
  const scenarios = probeScenarios('rmsprop');
  const single = variantOf(byName(scenarios, 'single'));
  const found = ids('rmsprop', responses(scenarios, { largeEpsilon: single, epsilonTenth: single }));
  expect(found[0]).toBe('epsilon-ignored');
  expect(found).not.toContain('mistake:epsilon-outside-division');
});
