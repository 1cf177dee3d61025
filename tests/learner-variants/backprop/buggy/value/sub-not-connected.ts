// Buggy value: sub() makes a new Value from the difference of the numbers, with no children, so no gradient reaches a or b.
// A scalar that remembers how it was computed (micrograd's Value): each operation records its inputs and a
// local backward step, the chain rule for that one operation, so that backward() can send gradients back.

/** Either a Value or a plain number, which the operations wrap into a constant Value. */
export type Operand = Value | number;

export class Value {
  /** The number this value holds. */
  data: number;
  /** ∂output/∂this: 0 until a backward pass adds into it. */
  grad = 0;
  /** The values this one was computed from (none for a leaf or a constant). */
  readonly children: Value[];
  /** What made it ('+', '*', '**2', 'tanh', …): only for reading a graph. */
  readonly op: string;
  /** Adds this value's share of the gradient into each child's grad; a leaf has nothing to pass on. */
  localBackward: () => void = () => {};

  constructor(data: number, children: Value[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.op = op;
  }

  /** out = a + b: ∂out/∂a = 1, ∂out/∂b = 1. */
  add(other: Operand): Value {
    const b = asValue(other);
    const out = new Value(this.data + b.data, [this, b], '+');
    out.localBackward = () => {
      this.grad += out.grad;
      b.grad += out.grad;
    };
    return out;
  }

  /** out = a · b: ∂out/∂a = b, ∂out/∂b = a. */
  mul(other: Operand): Value {
    const b = asValue(other);
    const out = new Value(this.data * b.data, [this, b], '*');
    out.localBackward = () => {
      this.grad += b.data * out.grad;
      b.grad += this.data * out.grad;
    };
    return out;
  }

  /** out = aᵏ for a plain number k: ∂out/∂a = k · aᵏ⁻¹. */
  pow(k: number): Value {
    const out = new Value(this.data ** k, [this], `**${k}`);
    out.localBackward = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  /** −a = a · (−1): mul already knows its gradient. */
  neg(): Value {
    return this.mul(-1);
  }

  /** a − b = a + (−b). */
  sub(other: Operand): Value {
    return new Value(this.data - asValue(other).data);
  }

  /** a / b = a · b⁻¹. */
  div(other: Operand): Value {
    return this.mul(asValue(other).pow(-1));
  }
}

/** A number becomes a constant leaf; a Value stays itself. */
export function asValue(x: Operand): Value {
  return typeof x === 'number' ? new Value(x) : x;
}
