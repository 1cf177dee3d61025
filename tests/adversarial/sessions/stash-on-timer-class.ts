// Adversarial: keeps a value on the prototype of Node.js's timers, which no global holds.
export function act(): number {
  const timer = setTimeout(() => {}, 1e6);
  clearTimeout(timer);
  Object.defineProperty(Object.getPrototypeOf(timer), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
