// Adversarial: Promise's own `then` and `constructor`, and the species its derived promises take, replaced. Awaiting
// a driver's promise reads `constructor` (a promise of another kind is wrapped) and calls `then`: this `then` hands
// every result that looks like a call's its own value instead. Each way in is tried on its own.
const forged = { value: { steps: [[1, 1]], nan: 0, infinite: 0 }, calls: [] };
const realThen = Promise.prototype.then;
const swap = (v: unknown) =>
  v !== null && typeof v === "object" && "value" in (v as object) && "calls" in (v as object) ? forged : v;
try {
  Object.defineProperty(Promise.prototype, "constructor", { configurable: true, writable: true, value: function Other() {} });
} catch {}
try {
  Object.defineProperty(Promise.prototype, "then", {
    configurable: true,
    writable: true,
    value(this: Promise<unknown>, ok?: (v: unknown) => unknown, failed?: (e: unknown) => unknown) {
      return realThen.call(this, (v: unknown) => (ok ? ok(swap(v)) : v), failed);
    },
  });
} catch {}
try {
  Object.defineProperty(Promise, Symbol.species, { configurable: true, get: () => Promise });
} catch {}
// One place no result comes from is open: the realm is changed, and the process must go.
Object.defineProperty(Map.prototype, "marker", { value: 1, configurable: true });
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
