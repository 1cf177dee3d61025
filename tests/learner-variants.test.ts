// No false passes, no false fails: learner implementations written independently of the solutions
// (tests/learner-variants/) are graded by the real CLI, run as a subprocess. Every correct
// variant must pass its exercise, every buggy one must not; the challenge must accept an honest entry and reject
// too few steps and cheating optimizers. One target folder holds one file per optimizer (and one challenge entry);
// the targets are the submissions of one class run (--submissions), so one grader boot covers every case, each
// judged on its own submission's report. VERBOSE_VARIANTS=1 prints each verdict and what caught it.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeClassRun } from './class-run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VARIANTS = join(ROOT, 'tests', 'learner-variants');
/** The non-exercise files a target's optimizers/ folder holds, as learners have them. */
const SUPPORT_FILES = ['parameter.ts', 'objective.ts', 'banana.ts', 'train.ts'];
/** The whole class: about sixty cases in a dozen submissions. */
const RUN_TIMEOUT_MS = 150_000;

const OPTIMIZERS = { sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSprop', adam: 'Adam' } as const;
type OptimizerId = keyof typeof OPTIMIZERS;
type Slot = OptimizerId | 'challenge';

interface Case {
  /** e.g. buggy/momentum/stale-velocity */
  name: string;
  /** What the case is (the variant file's one-line comment). */
  description: string;
  /** Source file for each learner file of the target it needs (sgd → optimizers/sgd.ts, …). */
  files: Partial<Record<Slot, string>>;
  /** The exercise whose verdict decides the case. */
  exercise: Slot;
  shouldPass: boolean;
}

interface TestReport {
  name: string;
  status: string;
  message: string;
}

interface ExerciseReport {
  id: string;
  status: string;
  tests: TestReport[];
}

/** An exercise's report, or why the grade run itself broke. */
type Outcome = ExerciseReport | { crash: string };

const firstLine = (path: string): string =>
  readFileSync(path, 'utf8')
    .split('\n', 1)[0]!
    .replace(/^\/\/\s*/, '');
const variantFile = (relativePath: string): string => join(VARIANTS, relativePath);

function variants(kind: 'correct' | 'buggy'): Case[] {
  return (Object.keys(OPTIMIZERS) as OptimizerId[]).flatMap((optimizer) =>
    readdirSync(join(VARIANTS, kind, optimizer))
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => {
        const path = join(VARIANTS, kind, optimizer, file);
        return {
          name: `${kind}/${optimizer}/${file.slice(0, -3)}`,
          description: firstLine(path),
          files: { [optimizer]: path },
          exercise: optimizer,
          shouldPass: kind === 'correct',
        };
      }),
  );
}

const CORRECT = variants('correct');
const BUGGY = variants('buggy');

const challengeCase = (
  name: string,
  entry: string,
  optimizer: OptimizerId,
  optimizerFile: string,
  shouldPass: boolean,
): Case => ({
  name: `challenge/${name}`,
  description: `${firstLine(variantFile(`challenge/${entry}`))} Optimizer: ${firstLine(variantFile(optimizerFile))}`,
  files: { challenge: variantFile(`challenge/${entry}`), [optimizer]: variantFile(optimizerFile) },
  exercise: 'challenge',
  shouldPass,
});

const CHALLENGE: Case[] = [
  challengeCase(
    'momentum-reaches-goal',
    'entry-momentum-reaches-goal.ts',
    'momentum',
    'correct/momentum/number-array-state.ts',
    true,
  ),
  challengeCase(
    'momentum-too-few-steps',
    'entry-momentum-too-few-steps.ts',
    'momentum',
    'correct/momentum/lerp-form.ts',
    false,
  ),
  challengeCase(
    'momentum-one-step-short',
    'entry-momentum-one-step-short.ts',
    'momentum',
    'correct/momentum/lazy-init.ts',
    false,
  ),
  // Both ε forms are accepted: the re-run with the grader's own Adam takes the form the learner's follows.
  challengeCase(
    'adam-epsilon-outside-wins-in-its-form',
    'entry-adam-large-epsilon.ts',
    'adam',
    'correct/adam/lazy-init-eps-outside.ts',
    true,
  ),
  challengeCase(
    'adam-epsilon-inside-misses-that-entry',
    'entry-adam-large-epsilon.ts',
    'adam',
    'correct/adam/number-array-eps-inside.ts',
    false,
  ),
  // Round-off alone parts two correct Adams near the goal: the grader's own must get there by about the same step.
  challengeCase(
    'adam-at-the-goals-edge-wins',
    'entry-adam-goal-edge.ts',
    'adam',
    'correct/adam/step-as-rate-times-ratio.ts',
    true,
  ),
  // Honest on every fixture case, it jumps on its own entry, whose honest run passes the goal at step 6.
  challengeCase(
    'adam-jumps-on-a-one-step-entry',
    'entry-adam-one-step.ts',
    'adam',
    'challenge/adam-jumps-on-its-entry.ts',
    false,
  ),
  challengeCase('sgd-teleports', 'entry-teleport.ts', 'sgd', 'buggy/sgd/teleports-to-minimum.ts', false),
  challengeCase(
    'sgd-honest-on-workshop-test-then-teleports',
    'entry-teleport.ts',
    'sgd',
    'challenge/sgd-workshop-then-teleport.ts',
    false,
  ),
];

interface Target {
  files: Map<Slot, string>;
  exercises: Slot[];
  cases: Case[];
}

/** Puts each case into the first target whose learner files it agrees with, so one grade run serves several cases. */
function pack(cases: Case[]): Target[] {
  const targets: Target[] = [];
  for (const c of cases) {
    const fits = (t: Target) =>
      !t.exercises.includes(c.exercise) &&
      Object.entries(c.files).every(([slot, file]) => [undefined, file].includes(t.files.get(slot as Slot)));
    let target = targets.find(fits);
    if (!target) targets.push((target = { files: new Map(), exercises: [], cases: [] }));
    for (const [slot, file] of Object.entries(c.files)) target.files.set(slot as Slot, file);
    target.exercises.push(c.exercise);
    target.cases.push(c);
  }
  return targets;
}

/** Lays out each target as a submission of one class, grades the class in one run, and reads each case's verdict. */
async function gradeTargets(targets: Target[]): Promise<Array<[Case, Outcome]>> {
  const work = mkdtempSync(join(tmpdir(), 'learner-variants-'));
  try {
    const name = (index: number) => `target-${String(index).padStart(2, '0')}`;
    for (const [index, target] of targets.entries()) {
      const course = join(work, 'class', name(index), 'optimizers');
      mkdirSync(course, { recursive: true });
      for (const file of SUPPORT_FILES) copyFileSync(join(ROOT, 'solutions', 'optimizers', file), join(course, file));
      for (const [slot, source] of target.files) copyFileSync(source, join(course, `${slot}.ts`));
    }
    // A slot a target leaves empty is graded as a missing file, which costs no sandbox run.
    const exercises = [...new Set(targets.flatMap((t) => t.exercises))];
    const run = await gradeClassRun({
      kit: ROOT,
      submissions: join(work, 'class'),
      out: join(work, 'out'),
      exercises,
      killAfterMs: RUN_TIMEOUT_MS,
    });
    const broke =
      run.exitCode !== 0 ? `the grader exited with ${run.exitCode ?? run.signal}: ${run.stderr.trim()}` : '';
    return targets.flatMap((target, index) =>
      target.cases.map((c): [Case, Outcome] => {
        const report = run.reports.get(name(index));
        const graded = report?.exercises.find((e) => e.exercise === c.exercise);
        return [c, graded ?? { crash: broke || `no report for ${c.exercise} in ${name(index)}: ${report?.problem}` }];
      }),
    );
  } catch (error) {
    return targets.flatMap((t) => t.cases.map((c): [Case, Outcome] => [c, { crash: String(error) }]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const outcomes = new Map<string, Outcome>();
let targetCount = 0;

beforeAll(async () => {
  // Challenge cases first: they need specific files in two slots; variant cases then fill the gaps.
  const targets = pack([...CHALLENGE, ...CORRECT, ...BUGGY]);
  targetCount = targets.length;
  for (const [c, outcome] of await gradeTargets(targets)) outcomes.set(c.name, outcome);
}, RUN_TIMEOUT_MS + 30_000);

afterAll(() => {
  if (!process.env.VERBOSE_VARIANTS) return;
  const lines = [...CORRECT, ...BUGGY, ...CHALLENGE].map((c) => {
    const o = outcomes.get(c.name);
    const verdict = !o ? 'not graded' : 'crash' in o ? `crash: ${o.crash}` : o.status;
    const caught = o && !('crash' in o) ? o.tests.filter((t) => t.status !== 'pass') : [];
    const by = caught.length
      ? ` (${caught.length}/${(o as ExerciseReport).tests.length} tests; first: ${caught[0]!.message.slice(0, 160)})`
      : '';
    return `${c.shouldPass ? 'should pass' : 'should fail'}  ${c.name.padEnd(60)} ${verdict}${by}`;
  });
  console.log(`${targetCount} submissions in one class run\n${lines.join('\n')}`);
});

function outcomeOf(c: Case): ExerciseReport {
  const outcome = outcomes.get(c.name);
  if (!outcome) throw new Error(`${c.name} was not graded`);
  if ('crash' in outcome) throw new Error(`grading ${c.name} broke: ${outcome.crash}`);
  return outcome;
}

const failures = (report: ExerciseReport): string =>
  report.tests
    .filter((t) => t.status !== 'pass')
    .map((t) => `  ✗ [${t.status}] ${t.name}: ${t.message}`)
    .join('\n') || '  (no test failed)';

function expectPass(c: Case): void {
  const report = outcomeOf(c);
  expect(
    report.status,
    `${c.name} — ${c.description}\nis correct but the grader says "${report.status}" (a false fail):\n${failures(report)}`,
  ).toBe('pass');
}

function expectRejected(c: Case): void {
  const report = outcomeOf(c);
  expect(
    report.status,
    `${c.name} — ${c.description}\nis wrong but the grader passed it (a false pass): all ${report.tests.length} tests passed: ${report.tests.map((t) => t.name).join('; ')}`,
  ).not.toBe('pass');
  // Rejected because it would not even load proves nothing about the grader: the variant itself would be broken.
  expect(report.status, `${c.name} was rejected only because it could not be loaded:\n${failures(report)}`).not.toBe(
    'error',
  );
}

test('every optimizer has several correct and buggy variants, each a described module exporting its class', () => {
  for (const optimizer of Object.keys(OPTIMIZERS) as OptimizerId[]) {
    expect(
      CORRECT.filter((c) => c.exercise === optimizer).length,
      `correct ${optimizer} variants`,
    ).toBeGreaterThanOrEqual(5);
    expect(BUGGY.filter((c) => c.exercise === optimizer).length, `buggy ${optimizer} variants`).toBeGreaterThanOrEqual(
      5,
    );
  }
  for (const c of [...CORRECT, ...BUGGY]) {
    const source = readFileSync(c.files[c.exercise]!, 'utf8');
    expect(source, c.name).toMatch(/^\/\/ (Correct|Buggy) \S/);
    expect(source, c.name).toMatch(
      new RegExp(`^export (class|const) ${OPTIMIZERS[c.exercise as OptimizerId]}\\b`, 'm'),
    );
  }
});

describe('correct variants pass', () => {
  test.each(CORRECT)('$name', expectPass);
});

describe('buggy variants do not pass', () => {
  test.each(BUGGY)('$name', expectRejected);
});

describe('the challenge', () => {
  test.each(CHALLENGE.filter((c) => c.shouldPass))('accepts $name', expectPass);
  test.each(CHALLENGE.filter((c) => !c.shouldPass))('rejects $name', expectRejected);
});

// The typical mistakes the grader names (grader/fixtures/mistakes.py): each buggy variant that makes one of them
// must be told which, in the first failure's message.
const DIAGNOSES: Record<string, RegExp> = {
  'buggy/sgd/adds-gradient': /instead of subtracting it/,
  'buggy/sgd/zerograd-does-nothing': /gradients are never cleared/,
  'buggy/momentum/missing-one-minus-mu': /lacks the \(1 − μ\) factor/,
  'buggy/momentum/swapped-weights': /μ and \(1 − μ\) are swapped/,
  'buggy/momentum/stale-velocity': /move with the old velocity/,
  'buggy/momentum/velocity-starts-at-first-gradient': /starts at the first gradient/,
  'buggy/momentum/zerograd-never-clears': /gradients are never cleared/,
  'buggy/rmsprop/adagrad': /that is Adagrad/,
  'buggy/rmsprop/missing-square-root': /divides by r itself/,
  'buggy/rmsprop/missing-one-minus-mu': /lacks the \(1 − μ\) factor/,
  'buggy/rmsprop/hardcoded-epsilon': /ε is fixed at 1e-8/,
  'buggy/adam/no-bias-correction': /not bias-corrected/,
  'buggy/adam/t-plus-one-off-by-one': /use t \+ 1/,
  'buggy/adam/swapped-mus': /μ₁ and μ₂ are swapped/,
  'buggy/adam/only-first-moment-corrected': /only â is bias-corrected/,
  'buggy/rmsprop/swapped-weights': /μ and \(1 − μ\) are swapped/,
  'buggy/rmsprop/root-kept-in-state': /the state keeps the square root/,
  'buggy/adam/t-stays-one': /t does not advance/,
  'buggy/adam/one-array-for-both-averages': /a and r are one and the same array/,
  'buggy/adam/corrections-kept-in-state': /â and r̂ are stored back into a and r/,
};

// What the probes conclude from the learner's own responses, no typical mistake needed: the first failure says it.
const FINDINGS: Record<string, RegExp> = {
  // Seen directly: what zeroGrad() changed besides grad.
  'buggy/sgd/zerograd-zeroes-theta': /Diagnosis: zeroGrad\(\) changes parameters\.data \(θ\) too/,
  'buggy/adam/zerograd-resets-t': /Diagnosis: zeroGrad\(\) changes the optimizer's own state too/,
  'buggy/momentum/velocity-recreated-each-step': /Diagnosis: nothing is carried over from one step to the next/,
  'buggy/rmsprop/gradient-one-step-late': /Diagnosis: step\(\) uses the previous step's gradient/,
  'buggy/rmsprop/no-epsilon': /Diagnosis: the epsilon option is ignored/,
  'buggy/adam/options-under-other-names':
    /Diagnosis: your code reads options\.mu1 and options\.mu2, but the constructor/,
  // Named by fitting the probes to a family of update rules (hidden/rule-fit.ts: grading here has it, a student kit
  // not), or by the zero-gradient probe.
  'buggy/momentum/velocity-starts-at-one': /Diagnosis: the velocity starts at 1, not at zero/,
  'buggy/momentum/no-parentheses-one-minus-mu': /Diagnosis: the parentheses around \(1 − μ\) are missing/,
  'buggy/momentum/velocity-updated-twice': /Diagnosis: the velocity is updated twice in each step/,
  // Acts exactly like a step that adds the velocity: the instance's own velocity array tells the two apart.
  'buggy/momentum/velocity-subtracts-gradient': /Diagnosis: the velocity update subtracts the gradient term/,
  'buggy/rmsprop/xor-square-of-average':
    /Diagnosis: r is \(μ·r \+ \(1 − μ\)·g\) \^ 2: in JavaScript \^ is a bitwise XOR/,
  'buggy/rmsprop/starts-at-first-square': /Diagnosis: the average r starts at the first g², not at zero/,
  'buggy/rmsprop/decay-wraps-new-term': /Diagnosis: the decay μ also multiplies the new term/,
  // NaN from the first step: a restart from a finite θ and the instance's own arrays tell the causes apart.
  'buggy/adam/t-starts-at-zero': /Diagnosis: t is 0 on the first step \(used before it is increased\)/,
  'buggy/adam/xor-power': /Diagnosis: the bias correction of â computes μ₁ \^ t: in JavaScript \^ is a bitwise XOR/,
  'buggy/adam/unfilled-state-arrays':
    /Diagnosis: each running average \(a and r\) does not start at zero: its entries are not numbers/,
  'buggy/adam/step-size-without-root': /Diagnosis: the step size uses \(1 − μ₂ᵗ\) without its square root/,
  'buggy/adam/moves-before-averages': /Diagnosis: θ moves with the old averages/,
  'buggy/adam/divide-before-subtract': /Diagnosis: r̂ is r \/ 1 − μ₂ᵗ, which is \(r \/ 1\) − μ₂ᵗ/,
  'buggy/adam/first-average-weight-of-mu2': /Diagnosis: the new term of a is weighted by \(1 − μ₂\)/,
  'buggy/momentum/velocity-empty-array': /Diagnosis: the velocity does not start at zero: its entries are not numbers/,
  'buggy/rmsprop/averages-absolute-gradient': /Diagnosis: r averages \|g\|, not g²/,
  'buggy/rmsprop/weight-applied-twice': /Diagnosis: the new term is \(\(1 − μ\)·g\)²/,
  'buggy/adam/second-correction-power-of-difference': /Diagnosis: the bias correction of r̂ is \(1 − μ₂\)ᵗ/,
  'buggy/adam/zerograd-clears-moments': /Diagnosis: zeroGrad\(\) resets the running averages/,
  'buggy/rmsprop/divides-a-momentum-average':
    /Diagnosis: the step divides a running average of the gradients \(a velocity a ← μ·a \+ \(1 − μ\)·g\) by √r/,
  'buggy/rmsprop/average-starts-at-one': /Diagnosis: the average r starts at 1, not at zero\. Start it at zeros/,
  'buggy/adam/corrections-multiply':
    /Diagnosis: â is a·\(1 − μ₁ᵗ\): the bias correction multiplies where it must divide/,
  // 1 − μ₁·t in â is hidden behind r̂'s NaN from t = 2 on: r̂'s is the one change the probes single out.
  'buggy/adam/beta-times-t': /Diagnosis: the bias correction of r̂ is 1 − μ₂·t, μ₂ times t, not μ₂ to the power t/,
  // NaN on every usual probe, like μ ^ t: one step with μ = −1 tells the swapped power from the XOR.
  'buggy/adam/power-base-and-exponent-swapped':
    /Diagnosis: the bias correction of â raises t to the power μ₁ \(Math\.pow\(t, μ₁\) or t \*\* μ₁\): the base/,
  'buggy/sgd/loops-over-values': /Diagnosis: the loop runs over θ's values, not its indices/,
  'buggy/sgd/assigns-the-step': /Diagnosis: θ is replaced by the step instead of moved by it/,
  'buggy/sgd/shared-learning-rate':
    /Diagnosis: the SGD with learningRate .* steps with the other instance's learning rate/,
  'buggy/momentum/velocity-is-data': /Diagnosis: the velocity is parameters\.data itself, and θ is set to zero/,
  'buggy/momentum/options-read-swapped': /Diagnosis: the learning rate and the momentum are swapped/,
  'buggy/rmsprop/doubles-gradient': /Diagnosis: r takes in 2·g \(g \* 2, g doubled\), not g²/,
  'buggy/rmsprop/half-power': /Diagnosis: the step divides by \(r \+ ε\) \/ 2, half of it, not by its square root/,
  'buggy/rmsprop/square-of-average': /Diagnosis: r is \(μ·r \+ \(1 − μ\)·g\)², the square of an average of g/,
};

// What the first failure must not say: a cause the evidence does not single out, a claim it contradicts, or a label
// that reads as a cause.
const NOT_SAID: Record<string, RegExp> = {
  // θ that never moves is no evidence of an old gradient.
  'buggy/sgd/loops-over-values': /a copy kept from/,
  'buggy/adam/power-base-and-exponent-swapped': /XOR/,
  'buggy/rmsprop/average-starts-at-one': /zero gradient moves θ/,
  'buggy/rmsprop/divides-a-momentum-average': /leaves PyTorch \(ε outside the root\)/,
};

describe('typical mistakes are named', () => {
  test.each(Object.entries(DIAGNOSES))('%s', (name, note) => {
    const c = BUGGY.find((b) => b.name === name);
    expect(c, `no buggy variant ${name}`).toBeDefined();
    const first = outcomeOf(c!).tests.find((t) => t.status !== 'pass');
    expect(first?.message).toMatch(/Diagnosis: this is a typical mistake: /);
    expect(first?.message).toMatch(note);
    expect(first?.message).toMatch(/Drift per step: [▁▂▃▄▅▆▇█✕]+/);
  });
});

describe('what the probes conclude is named', () => {
  test.each(Object.entries(FINDINGS))('%s', (name, finding) => {
    const c = BUGGY.find((b) => b.name === name);
    expect(c, `no buggy variant ${name}`).toBeDefined();
    const first = outcomeOf(c!).tests.find((t) => t.status !== 'pass');
    expect(first?.message).toMatch(finding);
  });
});

describe('what the evidence does not show is not said', () => {
  test.each(Object.entries(NOT_SAID))('%s', (name, unsaid) => {
    const c = BUGGY.find((b) => b.name === name);
    expect(c, `no buggy variant ${name}`).toBeDefined();
    expect(outcomeOf(c!).tests.find((t) => t.status !== 'pass')?.message).not.toMatch(unsaid);
  });
});

test('hidden tests are counted and judged, but their messages give nothing of the hidden cases away', () => {
  const report = outcomeOf(BUGGY.find((b) => b.name === 'buggy/sgd/memorised-trajectory')!);
  const hidden = report.tests.filter((t) => t.name.startsWith('hidden test '));
  expect(hidden.length).toBeGreaterThan(0);
  for (const t of hidden) {
    expect(t.status).toBe('fail');
    expect(t.message).not.toMatch(/\d/);
  }
});
