// Adversarial: remembers every start and setting it is run with (hidden tests included), and tries to get them
// out: printed, in exception messages, and by crashing last so that what it printed is quoted in a report.
const seen: string[] = [];
let updates = 0;
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, options: Record<string, number>) {
    seen.push(`${Array.from(parameters.data).join(',')} ${JSON.stringify(options)}`);
    console.log(`seen so far: ${seen.join(' | ')}`);
  }
  step(): void {
    updates++;
    if (seen.length > 1 && updates % 7 === 0) throw new Error(`seen so far: ${seen.join(' | ')}`);
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
// Crash the process once the hidden runs have begun, so that later results are missing.
setTimeout(() => { throw new Error(`seen so far: ${seen.join(' | ')}`); }, 0);
