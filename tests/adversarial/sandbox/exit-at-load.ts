// Adversarial: ends the process with success before any test can run.
process.exit(0);
export class SGD {}
