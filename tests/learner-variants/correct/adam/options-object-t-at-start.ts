// Correct Adam: stores the options object, increments t as the first statement of step() (++t), ε inside.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

interface AdamOptions {
  learningRate: number;
  momentumGrad: number;
  momentumGradSquared: number;
  epsilon: number;
}

export class Adam {
  private t = 0;
  private readonly moments: { first: Float64Array; second: Float64Array };

  constructor(
    readonly parameters: Parameter,
    readonly options: AdamOptions,
  ) {
    const n = parameters.data.length;
    this.moments = { first: new Float64Array(n), second: new Float64Array(n) };
  }

  step(): void {
    const t = ++this.t;
    const grad = this.parameters.grad;
    if (grad === null) throw new Error('no gradient');
    const o = this.options;
    const { first, second } = this.moments;
    grad.forEach((g, i) => {
      first[i] = o.momentumGrad * first[i]! + (1 - o.momentumGrad) * g;
      second[i] = o.momentumGradSquared * second[i]! + (1 - o.momentumGradSquared) * g * g;
      const firstHat = first[i]! / (1 - o.momentumGrad ** t);
      const secondHat = second[i]! / (1 - o.momentumGradSquared ** t);
      this.parameters.data[i] -= (o.learningRate * firstHat) / Math.sqrt(secondHat + o.epsilon);
    });
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
