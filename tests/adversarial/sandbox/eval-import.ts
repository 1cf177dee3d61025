// Adversarial: evaluates code from a string, where the bundler cannot see an import of a Node.js module.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
let got = "";
try { got = String(await new Function("return import(\"node:fs\")")()); } catch (e) { got = String(e); }
try { got += String(eval("globalThis.process")); } catch { /* refused */ }
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
