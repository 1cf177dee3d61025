// Adversarial: topologicalOrder() lists only the output, after trying to hide every value's children from the
// grader: an accessor on Object.prototype swallows each `children` assignment made after this module loads and
// reads back an empty list (the grader's values define their fields, so no assignment reaches it). backward()
// keeps what the accessor saw to do its own work, where it can.
// The engine's Value as far as this file needs it (it is graded beside the learner's value.ts).
interface Value {
  grad: number;
  readonly children: Value[];
  localBackward(): void;
}

const real = new WeakMap<object, Value[]>();
Object.defineProperty(Object.prototype, 'children', {
  configurable: true,
  set(this: object, children: Value[]) {
    real.set(this, children);
  },
  get() {
    return [];
  },
});

export function topologicalOrder(output: Value): Value[] {
  return [output];
}

export function backward(output: Value): void {
  const order: Value[] = [];
  const seen = new Set<Value>();
  const visit = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    for (const child of real.get(v) ?? v.children) visit(child);
    order.push(v);
  };
  visit(output);
  output.grad = 1;
  for (const v of order.reverse()) v.localBackward();
}
