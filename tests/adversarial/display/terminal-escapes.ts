// Adversarial: a message written for the terminal of whoever reads the scorecard (an instructor checking a
// submission with --target, say): move up a line, erase it, write a pass in its place, retitle the window, go back
// to the start of the line, and reverse what follows. And the same in what the code prints.
const HOSTILE = "\u001b[1A\u001b[2K  sgd  passed\u001b]0;graded\u0007\rfake\u202eotni";
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {
    console.log(HOSTILE);
    throw new Error(HOSTILE);
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
