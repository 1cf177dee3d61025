// Adversarial: keeps a value on a built-in function object (Array.prototype.map), whose identity a look records but
// whose own properties it may not, for a later session to read.
export function act(): number {
  Object.defineProperty(Array.prototype.map, "seen", { value: [0.123456789], configurable: true });
  return 1;
}
