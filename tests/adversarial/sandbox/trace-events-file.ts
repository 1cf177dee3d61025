// Adversarial: turns on trace events, which Node.js writes to a file in the working directory (the kit root, once).
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
try { const tracing = (await builtin("trace_events"))?.createTracing({ categories: ["node.console", "v8"] }); tracing?.enable(); } catch { /* denied */ }
for (let i = 0; i < 20_000; i++) console.log("trace me", i);
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
