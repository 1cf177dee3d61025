// Correct engine: no closures; one localBackward method dispatches on the operation each value records.
export type Operand = Value | number;

export class Value {
  grad = 0;
  readonly children: Value[];
  constructor(
    public data: number,
    children: Value[] = [],
    readonly op = '',
    /** The exponent of a '**' value. */
    readonly k = 0,
  ) {
    this.children = children;
  }

  localBackward(): void {
    const [a, b] = this.children;
    const g = this.grad;
    switch (this.op) {
      case '+':
        a!.grad += g;
        b!.grad += g;
        break;
      case '*':
        a!.grad += b!.data * g;
        b!.grad += a!.data * g;
        break;
      case '**':
        a!.grad += this.k * a!.data ** (this.k - 1) * g;
        break;
      case 'tanh':
        a!.grad += (1 - this.data ** 2) * g;
        break;
      case 'relu':
        a!.grad += this.data > 0 ? g : 0;
        break;
      case 'exp':
        a!.grad += this.data * g;
        break;
      case 'log':
        a!.grad += g / a!.data;
        break;
    }
  }

  add(other: Operand): Value {
    const b = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data + b.data, [this, b], '+');
  }
  mul(other: Operand): Value {
    const b = typeof other === 'number' ? new Value(other) : other;
    return new Value(this.data * b.data, [this, b], '*');
  }
  pow(k: number): Value {
    return new Value(this.data ** k, [this], '**', k);
  }
  neg(): Value {
    return this.mul(-1);
  }
  sub(other: Operand): Value {
    return this.add(typeof other === 'number' ? -other : other.neg());
  }
  div(other: Operand): Value {
    return this.mul(typeof other === 'number' ? 1 / other : other.pow(-1));
  }
}
