// Adversarial: keeps a value on the prototype of URLSearchParams' iterators, which no global holds.
export function act(): number {
  const iterator = new URLSearchParams("a=1").entries();
  Object.defineProperty(Object.getPrototypeOf(iterator), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
