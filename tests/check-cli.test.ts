// `npm run check`, the maintainer's gate, as it fails: in a copy of the kit with a stub replaced by its solution
// and a type error in another course's solution, every check that should fail does, each naming what is wrong and
// where, the others still pass, and the gate exits 1.
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { KIT_ROOT, makeRepoCopy, npmRun } from './kit-sandbox.js';

test('a stub that passes, a stale stub, leaked solution lines and a type error each fail the gate, named', () => {
  const copy = makeRepoCopy();
  try {
    cpSync(join(copy.root, 'solutions/optimizers/sgd.ts'), join(copy.root, 'exercises/optimizers/sgd.ts'));
    appendFileSync(join(copy.root, 'solutions/backprop/value.ts'), "\nexport const broken: number = 'text';\n");
    const gate = npmRun(copy.root, 'check');
    expect(gate.status, gate.output).toBe(1);
    const lines = gate.output.split('\n');
    const verdict = (check: string) => lines.find((line) => line.endsWith(check))?.slice(0, 1);
    expect(verdict('the kit type-checks (tsc --noEmit -p tsconfig.kit.json)')).toBe('✗');
    expect(gate.output).toMatch(/solutions\/backprop\/value\.ts\(\d+,\d+\): error TS2322/);
    expect(verdict('exercises/ is what solutions/ generates')).toBe('✗');
    // The stubs cannot be made while their solution does not type-check: the solution's line is named.
    expect(gate.output).toMatch(/error: solutions\/backprop\/value\.ts:\d+:\d+: does not type-check: TS2322/);
    const exercises = loadCourses(KIT_ROOT).reduce((n, c) => n + c.exercises.length, 0);
    expect(verdict(`every solution passes its suite (${exercises} exercises)`)).toBe('✓');
    expect(verdict('every stub fails its suite (so each exercise asks for work)')).toBe('✗');
    expect(gate.output).toContain('    optimizers/sgd passes untouched');
    expect(verdict('no hidden solution line appears under exercises/')).toBe('✗');
    expect(gate.output).toMatch(
      /optimizers\/sgd\.ts:\d+: holds hidden solution code from solutions\/optimizers\/sgd\.ts/,
    );
    expect(gate.output).toContain('4 checks failed');
  } finally {
    copy.dispose();
  }
}, 120_000);
