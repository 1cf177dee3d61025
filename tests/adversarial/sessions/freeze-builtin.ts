// Adversarial: freezes a built-in, so that the next session's own (honest) changes to it would throw.
export function act(): number {
  Object.preventExtensions(Math);
  return 1;
}
