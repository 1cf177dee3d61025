// Adversarial: tries to start a process and to reach the network at load; then does nothing useful.
import { execSync } from 'node:child_process';
try { execSync('touch /tmp/adversarial-was-here'); } catch { /* denied */ }
void fetch?.('http://127.0.0.1:9/').catch(() => {});
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
