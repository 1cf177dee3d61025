// A trainable parameter, shaped like a PyTorch tensor with requires_grad: values plus an accumulated gradient.

export interface Parameter {
  data: Float64Array;
  /** Sum of every gradient computed since the last zeroGrad(); null when cleared. */
  grad: Float64Array | null;
}

export function createParameter(values: ArrayLike<number>): Parameter {
  return { data: Float64Array.from(values), grad: null };
}

/** Adds `gradient` into `parameter.grad`, as PyTorch's backward() does: gradients accumulate until cleared. */
export function accumulateGrad(parameter: Parameter, gradient: ArrayLike<number>): void {
  if (gradient.length !== parameter.data.length) {
    throw new Error(`gradient has ${gradient.length} values but the parameter has ${parameter.data.length}`);
  }
  parameter.grad ??= new Float64Array(parameter.data.length);
  for (let i = 0; i < gradient.length; i++) parameter.grad[i] += gradient[i];
}

/** The gradient an optimizer's step() should use, with a clear error when backward() was not called. */
export function gradientOf(parameter: Parameter): Float64Array {
  if (parameter.grad === null) {
    throw new Error('step() was called with no gradient: compute the loss gradient (backward) first');
  }
  return parameter.grad;
}
