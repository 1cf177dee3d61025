// Adversarial: replays the expected trajectories from the grader's fixture file instead of optimizing.
import { readFileSync } from 'node:fs';
let fixtures: { cases: { sgd: Array<{ start: number[]; expected: { reference: number[][] } }> } } | undefined;
for (const path of ['../../grader/optimizers/fixtures/cases.json', `${process.cwd()}/grader/optimizers/fixtures/cases.json`]) {
  try { fixtures = JSON.parse(readFileSync(path, 'utf8')); break; } catch { /* denied */ }
}
export class SGD {
  private step_ = 0;
  private readonly replay: number[][] | undefined;
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {
    this.replay = fixtures?.cases.sgd.find((c) => c.start[0] === parameters.data[0] && c.start[1] === parameters.data[1])?.expected.reference;
  }
  step(): void {
    const next = this.replay?.[++this.step_];
    if (next) this.parameters.data.set(next);
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
