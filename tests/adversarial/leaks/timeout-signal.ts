// Adversarial: a hidden test's input kept by a listener on AbortSignal.timeout, whose timer keeps no process alive
// (from Node.js 24 on, a look for open timers does not count it); it sets a global while the process waits.
export function keep(secret: number): number {
  AbortSignal.timeout(20).addEventListener("abort", () => { (globalThis as any).seen = secret; });
  return 1;
}
export const find = (): unknown => (globalThis as any).seen;
