// Adversarial: a toJSON on every object and array, so that whatever the grader's driver measured leaves the sandbox
// as the learner's code would like it read (here: a trajectory that ends at the goal, and no NaN).
try { Object.defineProperty(Array.prototype, "toJSON", { configurable: true, value() { return [[1, 1]]; } }); } catch {}
try { Object.defineProperty(Object.prototype, "toJSON", { configurable: true, value() { return { steps: [[1, 1]], nan: 0, infinite: 0 }; } }); } catch {}
// One place no result comes from is open: the realm is changed, and the process must go.
Object.defineProperty(Map.prototype, "marker", { value: 1, configurable: true });
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
