// Adversarial: keeps a value (as a hidden test's inputs would be) where a look at the globals and their prototypes
// does not go: on the prototype of array iterators, which no global holds, for a later session to read.
export function act(): number {
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
  Object.defineProperty(arrayIterator, "seen", { value: [0.123456789], configurable: true });
  return 1;
}
