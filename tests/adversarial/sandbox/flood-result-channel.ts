// Adversarial: floods the result channel with megabytes and no newline, to cost the grader quadratic time.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
const fs = await builtin("fs");
try { const block = "x".repeat(1 << 20); for (let i = 0; i < 200; i++) fs?.writeSync(3, block); } catch { /* denied */ }
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
