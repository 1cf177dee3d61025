// Adversarial: swaps a built-in prototype's own prototype, which no property of it shows.
export function act(): number {
  Object.setPrototypeOf(Float64Array.prototype, Object.create(Object.getPrototypeOf(Float64Array.prototype)));
  return 1;
}
