// Adversarial: topologicalOrder() lists every value in the wrong order (each before its children), then makes the
// grader number them 0, 1, 2, … in the order listed, which is the order its own walk numbered them: for as many
// lookups as it listed values, right after it returns, Map.prototype.get answers with a counter. backward() is
// right.
// The engine's Value as far as this file needs it (it is graded beside the learner's value.ts).
interface Value {
  grad: number;
  readonly children: Value[];
  localBackward(): void;
}

const get = Map.prototype.get;
let counted = 0;
let next = 0;
Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
  if (counted === 0) return get.call(this, key);
  counted--;
  return next++;
};

export function topologicalOrder(output: Value): Value[] {
  const listed: Value[] = [];
  const seen = new Set<Value>();
  const visit = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    listed.push(v); // before its children: not a topological order
    for (const child of v.children) visit(child);
  };
  visit(output);
  counted = listed.length;
  next = 0;
  return listed;
}

export function backward(output: Value): void {
  const order: Value[] = [];
  const seen = new Set<Value>();
  const visit = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    for (const child of v.children) visit(child);
    order.push(v);
  };
  visit(output);
  output.grad = 1;
  for (const v of order.reverse()) v.localBackward();
}
