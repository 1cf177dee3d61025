// Adversarial: never finishes loading.
for (;;) { /* spin */ }
export class SGD {}
