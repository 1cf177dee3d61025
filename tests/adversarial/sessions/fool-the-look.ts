// Adversarial: replaces what a look over the built-ins would use to walk them (array iteration, push, Set), so
// that the patched prototype is skipped and the look sees what it saw before.
export function act(): number {
  const iterate = Array.prototype[Symbol.iterator];
  Array.prototype.push = function (this: unknown[]) { return this.length; };
  Set.prototype.add = function () { return this; };
  Array.prototype[Symbol.iterator] = function (this: unknown[]) { return iterate.call(this.length > 50 ? this.slice(0, 0) : this); };
  Math.max = () => 0;
  return 1;
}
