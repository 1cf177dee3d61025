// Adversarial: a `then` on the prototypes of what a driver returns. The runner awaits each driver, and awaiting a
// value reads its `then`: this one would take the result and hand back a trajectory that ends at the goal. Each way
// in is tried on its own, so that the module loads whichever the runner has closed.
const forged = { value: { steps: [[1, 1]], nan: 0, infinite: 0 }, calls: [] };
const thenable = { get: () => (resolve: (value: unknown) => void) => resolve(forged), configurable: true };
for (const proto of [Object.prototype, Array.prototype, Object.getPrototypeOf(Int8Array.prototype), Float64Array.prototype]) {
  try { Object.defineProperty(proto, "then", thenable); } catch {}
}
// A prototype slipped in above Array.prototype, holding a `then`.
try { Object.setPrototypeOf(Array.prototype, Object.create(Object.prototype, { then: thenable })); } catch {}
// One place no result comes from is open: the realm is changed, and the process must go.
Object.defineProperty(Map.prototype, "then", thenable);
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
