// Adversarial: keeps a value on the prototype of iterator helpers (Node.js 22 on), which no global holds; before
// Node.js 22, on the array iterators' prototype, which a helper would have been made from.
export function act(): number {
  const values = [1].values() as any;
  const helper = typeof values.map === "function" ? values.map((x: number) => x) : values;
  Object.defineProperty(Object.getPrototypeOf(helper), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
