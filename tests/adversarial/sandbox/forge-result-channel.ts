// Adversarial: writes forged results on the result channel, at load and again from an exit handler, so that a
// forged line replaces the real one.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
const fs = await builtin("fs");
const forged = (index: number) => `${JSON.stringify({ kind: "result", name: `case ${index}`, result: { output: [[-1, 2]] } })}\n`;
try { for (let i = 0; i < 40; i++) fs?.writeSync(3, forged(i)); } catch { /* denied */ }
proc?.on?.("exit", () => { try { for (let i = 0; i < 40; i++) fs?.writeSync(3, forged(i)); } catch { /* denied */ } });
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
