// A static-string import() of the official solution by absolute path (bundled, so resolved at bundle time).
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
const solution = await import('__KIT__/solutions/optimizers/sgd.ts');
export const SGD = solution.SGD;
