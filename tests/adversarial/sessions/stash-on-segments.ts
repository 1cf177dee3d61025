// Adversarial: keeps a value on the prototype of Intl.Segmenter's segments, which no global holds.
// The runner withdraws Intl.Segmenter (grader/sandbox/runner-guards.ts): this now fails at its first step.
export function act(): number {
  const segments = new Intl.Segmenter().segment("ab");
  Object.defineProperty(Object.getPrototypeOf(segments), "seen", { value: [0.123456789], configurable: true });
  Object.defineProperty(Object.getPrototypeOf(segments[Symbol.iterator]()), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
