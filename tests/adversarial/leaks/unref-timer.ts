// Adversarial: a hidden test's input kept by a timer that keeps no process alive (unref), which a look for open
// timers and handles does not count; it sets a global once the look is over, for a later visible test to read.
export function keep(secret: number): number {
  setTimeout(() => { (globalThis as any).seen = secret; }, 20).unref();
  return 1;
}
export const find = (): unknown => (globalThis as any).seen;
