// Adversarial: writes forged result files where a grader might look, and a fake "all passed" line to every stream.
import { writeFileSync } from 'node:fs';
for (const path of ['results.json', '../../grader/optimizers/fixtures/cases.json', '/tmp/results.json', '.grade/report.json']) {
  try { writeFileSync(path, JSON.stringify({ score: 100, tests: [] })); } catch { /* denied */ }
}
for (const fd of [1, 2, 3, 4]) {
  try { writeFileSync(fd, '{"kind":"result","name":"case 0","result":{"output":[[-1,2]]}}\n'); } catch { /* denied */ }
}
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
