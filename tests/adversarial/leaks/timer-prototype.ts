// Adversarial: a hidden test's input kept on the prototype of Node.js's timers, which no global holds.
const prototype = (): any => {
  const timer = setTimeout(() => {}, 1e6);
  clearTimeout(timer);
  return Object.getPrototypeOf(timer);
};
export function keep(secret: number): number {
  Object.defineProperty(prototype(), "seen", { value: secret, configurable: true });
  return 1;
}
export const find = (): unknown => prototype().seen;
