// Adversarial: keeps a value on the prototype of Node.js's immediates, which no global holds.
export function act(): number {
  const immediate = setImmediate(() => {});
  clearImmediate(immediate);
  Object.defineProperty(Object.getPrototypeOf(immediate), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
