// Adversarial: keeps a value on the prototype of a web stream's async iterator, which no global holds.
export function act(): number {
  const iterator = (new ReadableStream() as any).values();
  Object.defineProperty(Object.getPrototypeOf(iterator), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
