// Buggy value: add's local backward step assigns (=) instead of adding (+=); mul and pow add.
// A scalar that remembers how it was computed (micrograd's Value).
export type Operand = Value | number;

export class Value {
  data: number;
  grad = 0;
  readonly children: Value[];
  readonly op: string;
  localBackward: () => void = () => {};

  constructor(data: number, children: Value[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.op = op;
  }

  add(other: Operand): Value {
    const b = asValue(other);
    const out = new Value(this.data + b.data, [this, b], '+');
    out.localBackward = () => {
      this.grad = out.grad;
      b.grad = out.grad;
    };
    return out;
  }

  mul(other: Operand): Value {
    const b = asValue(other);
    const out = new Value(this.data * b.data, [this, b], '*');
    out.localBackward = () => {
      this.grad += b.data * out.grad;
      b.grad += this.data * out.grad;
    };
    return out;
  }

  pow(k: number): Value {
    const out = new Value(this.data ** k, [this], `**${k}`);
    out.localBackward = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  neg(): Value {
    return this.mul(-1);
  }

  sub(other: Operand): Value {
    return this.add(asValue(other).neg());
  }

  div(other: Operand): Value {
    return this.mul(asValue(other).pow(-1));
  }
}

export function asValue(x: Operand): Value {
  return typeof x === 'number' ? new Value(x) : x;
}
