// Adversarial: keeps a value on the prototype of a class that is a property of a global, not a global itself
// (Intl.Collator), for a later session to read.
export function act(): number {
  Object.defineProperty(Intl.Collator.prototype, "seen", { value: [0.123456789], configurable: true });
  return 1;
}
