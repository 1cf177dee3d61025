// Correct engine: closures per operation, sub and div with rules of their own instead of composites.
export type Operand = Value | number;

export class Value {
  grad = 0;
  localBackward: () => void = () => undefined;
  constructor(
    public data: number,
    readonly children: Value[] = [],
    readonly op = '',
  ) {}

  private static of(x: Operand): Value {
    return x instanceof Value ? x : new Value(x);
  }

  private make(data: number, others: Value[], op: string, step: (g: number) => void): Value {
    const out = new Value(data, [this, ...others], op);
    out.localBackward = () => step(out.grad);
    return out;
  }

  add(other: Operand): Value {
    const b = Value.of(other);
    return this.make(this.data + b.data, [b], '+', (g) => {
      this.grad += g;
      b.grad += g;
    });
  }

  mul(other: Operand): Value {
    const b = Value.of(other);
    return this.make(this.data * b.data, [b], '*', (g) => {
      this.grad += g * b.data;
      b.grad += g * this.data;
    });
  }

  pow(k: number): Value {
    return this.make(Math.pow(this.data, k), [], '**', (g) => {
      this.grad += g * k * Math.pow(this.data, k - 1);
    });
  }

  neg(): Value {
    return this.make(-this.data, [], 'neg', (g) => {
      this.grad -= g;
    });
  }

  sub(other: Operand): Value {
    const b = Value.of(other);
    return this.make(this.data - b.data, [b], '-', (g) => {
      this.grad += g;
      b.grad -= g;
    });
  }

  div(other: Operand): Value {
    const b = Value.of(other);
    return this.make(this.data / b.data, [b], '/', (g) => {
      this.grad += g / b.data;
      b.grad -= (g * this.data) / (b.data * b.data);
    });
  }
}
