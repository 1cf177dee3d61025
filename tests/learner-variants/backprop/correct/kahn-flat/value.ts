// Correct engine: no class; each value is an object of closures over itself, made by a constructor function.
export type Operand = Value | number;

export interface Value {
  data: number;
  grad: number;
  children: Value[];
  op: string;
  localBackward: () => void;
  add(other: Operand): Value;
  mul(other: Operand): Value;
  pow(k: number): Value;
  neg(): Value;
  sub(other: Operand): Value;
  div(other: Operand): Value;
}

interface ValueConstructor {
  new (data: number, children?: Value[], op?: string): Value;
}

const wrap = (x: Operand): Value => (typeof x === 'number' ? new Value(x) : x);

export const Value = function (data: number, children: Value[] = [], op = ''): Value {
  const self: Value = {
    data,
    grad: 0,
    children,
    op,
    localBackward: () => undefined,
    add(other) {
      const b = wrap(other);
      const out = new Value(self.data + b.data, [self, b], '+');
      out.localBackward = () => {
        self.grad += out.grad;
        b.grad += out.grad;
      };
      return out;
    },
    mul(other) {
      const b = wrap(other);
      const out = new Value(self.data * b.data, [self, b], '*');
      out.localBackward = () => {
        self.grad += b.data * out.grad;
        b.grad += self.data * out.grad;
      };
      return out;
    },
    pow(k) {
      const out = new Value(self.data ** k, [self], `**${k}`);
      out.localBackward = () => {
        self.grad += k * self.data ** (k - 1) * out.grad;
      };
      return out;
    },
    neg: () => self.mul(-1),
    sub: (other) => self.add(wrap(other).mul(-1)),
    div: (other) => self.mul(wrap(other).pow(-1)),
  };
  return self;
} as unknown as ValueConstructor;
