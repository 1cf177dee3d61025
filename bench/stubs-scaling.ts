// How stub generation scales: each whole course, then 50 and 500 generated solution files, each timed in-process
// (generate + type-check, nothing written) as the median of several runs, with the cost per file.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCourses, type Course } from '../grader/course/course-metadata.js';
import { generateCourse, typeCheck } from '../scripts/stubs/generate-stubs.js';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A solution file shaped like a typical exercise: options, state in a hidden class-body region, hidden methods. */
function solutionFile(i: number): string {
  return `// Generated exercise ${i} for the stubs benchmark.
export interface Options${i} {
  rate: number;
  decay: number;
}

export class Model${i} {
  readonly rate: number;
  // Hide: all
  private readonly state = new Float64Array(2);
  private steps = 0;
  // Hide: none

  constructor(
    readonly data: Float64Array,
    readonly options: Options${i},
  ) {
    this.rate = options.rate;
  }

  step(grad: Float64Array): void {
    // Hide: all
    this.steps += 1;
    for (let k = 0; k < this.data.length; k++) {
      this.state[k] = this.options.decay * this.state[k] + (1 - this.options.decay) * grad[k];
      this.data[k] -= (this.rate * this.state[k]) / (1 - this.options.decay ** this.steps);
    }
    // Hide: none
  }

  value(): number {
    // Hide: all
    return this.data.reduce((sum, v) => sum + v * v, 0) * ${i};
    // Hide: none
  }
}
`;
}

function syntheticKit(files: number): { root: string; course: Course } {
  const dir = mkdtempSync(join(tmpdir(), `stubs-bench-${files}-`));
  cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  mkdirSync(join(dir, 'solutions', 'bench'), { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, 'solutions', 'bench', `model${i}.ts`), solutionFile(i));
  return { root: dir, course: { id: 'bench', title: 'bench', summary: '', labels: [], exercises: [] } };
}

function timeGeneration(kitRoot: string, course: Course): number {
  const started = performance.now();
  const files = generateCourse(kitRoot, course);
  typeCheck(kitRoot, files);
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cases: Array<{ name: string; files: number; kit: { root: string; course: Course }; cleanup: boolean }> = [
  ...loadCourses(root).map((course) => ({
    name: `the ${course.id} course`,
    files: 0,
    kit: { root, course },
    cleanup: false,
  })),
  ...[50, 500].map((n) => ({ name: `${n} generated files`, files: n, kit: syntheticKit(n), cleanup: true })),
];

try {
  timeGeneration(cases[0]!.kit.root, cases[0]!.kit.course); // warm the compiler's own caches
  console.log(`stub generation in-process, median of ${RUNS} runs (generate + type-check, nothing written)\n`);
  console.log(`${'input'.padEnd(24)} ${'median s'.padStart(9)} ${'ms per file'.padStart(12)}  goal`);
  for (const c of cases) {
    const samples = Array.from({ length: RUNS }, () => timeGeneration(c.kit.root, c.kit.course));
    const m = median(samples);
    const count = c.files || generateCourse(c.kit.root, c.kit.course).size;
    const goal =
      c.files === 500
        ? `≤ 10 s: ${m <= 10 ? 'met' : 'NOT met'}`
        : c.files === 0
          ? `≤ 1 s: ${m <= 1 ? 'met' : 'NOT met'}`
          : '';
    console.log(
      `${c.name.padEnd(24)} ${m.toFixed(2).padStart(9)} ${((m * 1000) / count).toFixed(1).padStart(12)}  ${goal}`,
    );
  }
} finally {
  for (const c of cases) if (c.cleanup) rmSync(c.kit.root, { recursive: true, force: true });
}
