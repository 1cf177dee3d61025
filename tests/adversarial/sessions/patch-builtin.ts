// Adversarial: replaces a built-in the next session's code (or its driver) would use.
export function act(): number {
  Math.abs = () => 0;
  return 1;
}
