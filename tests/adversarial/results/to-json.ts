// Adversarial: a toJSON on every object and array, so that whatever the grader's driver measured leaves the sandbox
// as the learner's code would like it read (here: a trajectory that ends at the goal, and no NaN).
Object.defineProperty(Array.prototype, "toJSON", { configurable: true, value() { return [[1, 1]]; } });
Object.defineProperty(Object.prototype, "toJSON", { configurable: true, value() { return { steps: [[1, 1]], nan: 0, infinite: 0 }; } });
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
