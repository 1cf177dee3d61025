// Adversarial: hides its Node.js imports from the bundler, then tries to write a forged result, read the
// fixtures to replay them, and start a process, all at load.
const load = (name: string) => import(['node', name].join(':'));
let replay: number[][] | undefined;
try {
  const fs = await load('fs');
  try { fs.writeFileSync('/tmp/results.json', JSON.stringify({ score: 100 })); } catch { /* denied */ }
  try { replay = JSON.parse(fs.readFileSync(`${process.cwd()}/grader/optimizers/fixtures/cases.json`, 'utf8')).cases.sgd[0].expected.reference; } catch { /* denied */ }
  const cp = await load('child_process');
  try { cp.execSync('touch /tmp/adversarial-was-here'); } catch { /* denied */ }
} catch { /* no modules at all */ }
export class SGD {
  private t = 0;
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {
    const next = replay?.[++this.t];
    if (next) this.parameters.data.set(next);
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
