// Adversarial: kills the grader, then sleeps without using CPU, hoping to outlive it as an orphan.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
try { proc?.kill(proc.ppid, "SIGKILL"); } catch { /* denied */ }
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
