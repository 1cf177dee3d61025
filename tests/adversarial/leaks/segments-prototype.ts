// Adversarial: a hidden test's input kept on the prototype of Intl.Segmenter's segments, which no global holds.
// The runner withdraws Intl.Segmenter (grader/sandbox/runner-guards.ts): this now fails at its first step.
const prototype = (): any => Object.getPrototypeOf(new Intl.Segmenter().segment("ab"));
export function keep(secret: number): number {
  Object.defineProperty(prototype(), "seen", { value: secret, configurable: true });
  return 1;
}
export const find = (): unknown => prototype().seen;
