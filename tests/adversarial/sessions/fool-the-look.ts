// Adversarial: replaces what a look over the built-ins would use to walk them (array iteration, push, Set), so
// that the patched prototype is skipped and the look sees what it saw before. (Array's methods are fixed before
// learner code runs: those attempts fail, and the rest is tried anyway.)
export function act(): number {
  const iterate = Array.prototype[Symbol.iterator];
  try { Array.prototype.push = function (this: unknown[]) { return this.length; }; } catch {}
  Set.prototype.add = function () { return this; };
  try { Array.prototype[Symbol.iterator] = function (this: unknown[]) { return iterate.call(this.length > 50 ? this.slice(0, 0) : this); }; } catch {}
  Math.max = () => 0;
  return 1;
}
