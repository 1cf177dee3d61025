// Adversarial: allocates without end at load.
const hoard: number[][] = [];
for (;;) hoard.push(new Array(1_000_000).fill(1));
export class SGD {}
