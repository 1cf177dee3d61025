// Adversarial: replaces the very tools that look for changes (Reflect.ownKeys, Object.getOwnPropertyDescriptor) so
// that they report the built-ins as they were, then patches a prototype behind them.
export function act(): number {
  const ownKeys = Reflect.ownKeys;
  const describe = Object.getOwnPropertyDescriptor;
  const original = Array.prototype.map;
  Reflect.ownKeys = (target: object) => ownKeys(target);
  Object.getOwnPropertyDescriptor = (target: object, key: PropertyKey) =>
    target === Array.prototype && key === 'map' ? { value: original, writable: true, enumerable: false, configurable: true } : describe(target, key);
  try { Array.prototype.map = function () { return []; } as never; } catch {}
  return 1;
}
