// The expected trajectories are PyTorch's: the committed script regenerates the committed fixtures, and the
// instructor's solutions follow them far more closely than the grader's tolerance requires.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Adam } from '../solutions/optimizers/adam.js';
import { banana } from '../solutions/optimizers/banana.js';
import { Momentum } from '../solutions/optimizers/momentum.js';
import { createParameter } from '../solutions/optimizers/parameter.js';
import { RMSprop } from '../solutions/optimizers/rmsprop.js';
import { SGD } from '../solutions/optimizers/sgd.js';
import { optimizeFunction, type Optimizer } from '../solutions/optimizers/train.js';
import { fixtureCases, hiddenCases, type OptimizerId } from '../grader/optimizers/harness/fixtures.js';
import { KIT_ROOT, makeSandbox } from './kit-sandbox.js';
import { REFERENCE_PYTHON as PYTHON } from '../scripts/reference-python.js';

const torchAvailable = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

test('npm run fixtures runs the Python $PYTHON names; when it fails, it says what is needed and changes nothing', () => {
  const sandbox = makeSandbox();
  try {
    const fixtures = join(sandbox.root, 'grader', 'backprop', 'fixtures', 'cases.json');
    const before = readFileSync(fixtures, 'utf8');
    // A Python that fails at once: were $PYTHON ignored, Debian's would run the generator and succeed.
    const run = spawnSync(
      process.execPath,
      [join(sandbox.root, 'scripts', 'launch.mjs'), 'scripts/fixtures.ts', 'backprop'],
      { cwd: sandbox.root, encoding: 'utf8', env: { ...process.env, PYTHON: '/bin/false' } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "fixtures: backprop's generator failed; it needs PyTorch: apt-get install python3-torch, or PYTHON=",
    );
    expect(readFileSync(fixtures, 'utf8')).toBe(before);
  } finally {
    sandbox.dispose();
  }
});

test.runIf(torchAvailable || process.env.CI)(
  'grader/optimizers/fixtures/generate.py reproduces the committed fixtures',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
    try {
      const args = [
        join(KIT_ROOT, 'grader/optimizers/fixtures/generate.py'),
        '--out',
        join(dir, 'optimizers.json'),
        '--hidden-out',
        join(dir, 'hidden.json'),
      ];
      const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 280_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const read = (path: string) =>
        JSON.parse(readFileSync(path, 'utf8')) as { cases: unknown; search?: unknown; probes?: unknown };
      const [fresh, committed] = [
        read(join(dir, 'optimizers.json')),
        read(join(KIT_ROOT, 'grader/optimizers/fixtures/cases.json')),
      ];
      expect(fresh.cases).toEqual(committed.cases);
      expect(fresh.search).toEqual(committed.search);
      expect(fresh.probes).toEqual(committed.probes);
      expect(read(join(dir, 'hidden.json')).cases).toEqual(
        read(join(KIT_ROOT, 'grader/optimizers/hidden/cases.json')).cases,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  // PyTorch runs every case, probe and simulated mistake: about 6 s alone, several times that beside the other files.
  300_000,
);

type Make = (p: ReturnType<typeof createParameter>, options: Record<string, number>) => Optimizer;
const SOLUTIONS: Record<OptimizerId, Make> = {
  sgd: (p, o) => new SGD(p, o as never),
  momentum: (p, o) => new Momentum(p, o as never),
  rmsprop: (p, o) => new RMSprop(p, o as never),
  adam: (p, o) => new Adam(p, o as never),
};

describe.each(Object.keys(SOLUTIONS) as OptimizerId[])('solutions/optimizers: %s', (id) => {
  test.each(
    [...fixtureCases(id), ...hiddenCases(id)].filter((c) => c.backwardsPerStep === 1).map((c) => [c.name, c] as const),
  )('%s follows PyTorch within 1e-6', (_, c) => {
    const parameter = createParameter(c.start);
    const trajectory = optimizeFunction(banana, parameter, SOLUTIONS[id](parameter, c.options), c.nSteps);
    // The solutions write the workshop's formula (ε inside the root); for SGD and Momentum there is one reference.
    const expected = c.expected.epsInside ?? c.expected.reference!;
    const worst = Math.max(
      ...trajectory.flatMap(([x, y], i) => [Math.abs(x - expected[i]![0]), Math.abs(y - expected[i]![1])]),
    );
    expect(worst).toBeLessThan(1e-6);
  });
});
