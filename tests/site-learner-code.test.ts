// How the site runs learner code it cannot trust to finish or even to compile: the loop guard the build inserts,
// the stand-in module for a file that does not compile, and the flat record of inner states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearDeadline, loopTick, StillRunning, withDeadline } from '../site/client/loop-guard.js';
import { NO_STATES, stateAt, StepStateRecorder } from '../courses/optimizers/site/client/step-states.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { loadCourses } from '../grader/course/course-metadata.js';
import { brokenLearnerModules, brokenModule, compileError } from '../site/scripts/broken-learner-module-plugin.js';
import { KIT_ROOT } from './kit-sandbox.js';
import { guardLoops } from '../site/scripts/loop-guard-plugin.js';

/** Runs guarded module text as a function body, with loopTick() given in place of the import. */
function runGuarded(source: string, args: Record<string, unknown> = {}): unknown {
  const guarded = guardLoops(source, 'learner.ts', './loop-guard.ts');
  const body = (guarded?.code ?? source).replace(/^import .*\n/, '');
  return new Function('__loopTick', ...Object.keys(args), body)(loopTick, ...Object.values(args));
}

describe('loop guard', () => {
  it('puts a tick in every kind of loop, braced or not, and leaves a module without loops alone', () => {
    const source =
      'for (let i = 0; i < 3; i++) a++;\nwhile (b) { b--; }\ndo c++; while (c < 2);\nfor (const x of xs) for (const k in x) d++;\n';
    const code = guardLoops(source, 'learner.ts', '../../site/client/loop-guard.ts')!.code;
    expect(code.startsWith('import { loopTick as __loopTick } from "../../site/client/loop-guard.ts";\n')).toBe(true);
    expect(code.match(/__loopTick\(\)/g)).toHaveLength(5);
    expect(guardLoops('export const answer = 42;\n', 'learner.ts', './g.ts')).toBeNull();
  });

  it('keeps what the loops compute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (n, m) => {
        const source =
          'let s = 0;\nfor (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if ((i + j) % 3) continue; else s += i * j;\nlet k = n;\nwhile (k > 0) k--;\ndo s++; while (false);\nreturn [s, k];';
        const plain = new Function('n', 'm', source)(n, m);
        expect(runGuarded(source, { n, m })).toEqual(plain);
      }),
    );
  });

  it('stops an endless loop once the deadline has passed, even one that catches the error', () => {
    const endless = 'let spins = 0;\nwhile (true) { try { spins++; } catch { } }';
    const started = performance.now();
    expect(() => withDeadline(50, () => runGuarded(endless))).toThrow(StillRunning);
    expect(performance.now() - started).toBeLessThan(2000);
    const catching = 'for (;;) { try { for (;;) {} } catch (e) { /* carries on */ } }';
    expect(() => withDeadline(50, () => runGuarded(catching))).toThrow(/still running after 0.05 s/);
    // Outside a run there is no deadline: a long loop is not cut short.
    clearDeadline();
    expect(runGuarded('let s = 0;\nfor (let i = 0; i < 200000; i++) s++;\nreturn s;')).toBe(200000);
  });
});

describe('a learner file that does not compile', () => {
  it('is reported with its file, line and column, and replaced by a module that throws that and keeps its exports', () => {
    const source =
      'export class Adam {\n  step( {{\n}\nexport const ADAM_NAME = "adam";\nexport function helper() {}\n';
    const message = compileError(source, 'exercises/optimizers/adam.ts');
    expect(message).toMatch(
      /^exercises\/optimizers\/adam\.ts:2:10: Expected identifier but found "\{"\. Fix it and save/,
    );
    const stand = brokenModule(source, 'adam.ts', message!);
    expect(stand).toContain('export let Adam');
    expect(stand).toContain('ADAM_NAME');
    expect(compileError(stand, 'stand-in.ts')).toBeNull();
    expect(() => new Function(stand.replace(/^export let .*\n/, ''))()).toThrow(message!);
    expect(compileError('export const fine: number = 1;\n', 'fine.ts')).toBeNull();
  });
});

describe('a learner file that is not there', () => {
  it('is replaced by a module that says how to bring it back and keeps the exports its start had, so the page still builds', () => {
    const exercises = mkdtempSync(join(tmpdir(), 'missing-learner-file-'));
    const course = loadCourses(KIT_ROOT).find((c) => c.exercises.length > 1)!;
    const [gone, there] = [course.exercises[0]!, course.exercises[1]!];
    mkdirSync(join(exercises, course.id));
    writeFileSync(join(exercises, course.id, there.files[0]!), 'export const here = 1;\n');
    try {
      const plugin = brokenLearnerModules(KIT_ROOT, exercises);
      type Hook = (this: unknown, ...args: string[]) => string | { code: string } | null;
      const importer = join(KIT_ROOT, 'courses', course.id, 'site', 'client', 'page.ts');
      const resolveId = (file: string) =>
        (plugin.resolveId as unknown as Hook).call(
          {},
          relative(dirname(importer), join(exercises, course.id, file.replace(/\.ts$/, '.js'))),
          importer,
        );
      expect(resolveId(there.files[0]!)).toBeNull(); // a file that is there is Vite's to resolve
      const id = resolveId(gone.files[0]!) as string;
      expect(id).toMatch(/^\0/);
      const warnings: string[] = [];
      const loaded = (plugin.load as unknown as Hook).call({ warn: (w: string) => warnings.push(w) }, id) as {
        code: string;
      };
      expect(loaded.code).toContain(
        `is missing: bring back its starting version with \`npm run reset ${gone.id}\`, or create it`,
      );
      // What the file exported at the start (the solution's exports, in this repository) still links.
      expect(loaded.code).toMatch(/^export let \w+/);
      expect(compileError(loaded.code, 'stand-in.ts')).toBeNull();
      expect(warnings).toHaveLength(1);
    } finally {
      rmSync(exercises, { recursive: true, force: true });
    }
  });
});

describe('inner states, recorded flat', () => {
  it('reads back each step as it was, whatever the learner named its fields, lazily created ones included', () => {
    const optimizer: Record<string, unknown> = { parameters: {}, learningRate: 0.1 };
    const recorder = new StepStateRecorder(3);
    for (let step = 0; step < 3; step++) {
      optimizer.velocity = new Float64Array([step, -step]); // created by the first step(), as some learners do
      optimizer.t = step + 1;
      recorder.record([step + 0.5, 1], [-0.1 * step, 0], optimizer);
    }
    const states = recorder.finish();
    expect(states.count).toBe(3);
    expect(stateAt(states, 2)).toEqual({
      gradient: [2.5, 1],
      update: [-0.2, 0],
      fields: { learningRate: 0.1, velocity: [2, -2], t: 3 },
    });
    expect(stateAt(states, 3)).toBeUndefined();
    expect(stateAt(NO_STATES, 0)).toBeUndefined();
  });

  it('records NaN, not a wrong number, for a field that changes shape', () => {
    const optimizer: Record<string, unknown> = { average: [1, 2] };
    const recorder = new StepStateRecorder(2);
    recorder.record([0, 0], [0, 0], optimizer);
    optimizer.average = 'gone';
    recorder.record([0, 0], [0, 0], optimizer);
    expect(stateAt(recorder.finish(), 1)!.fields.average).toEqual([NaN, NaN]);
  });
});
