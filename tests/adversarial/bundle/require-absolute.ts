// A static require() of the official solution by absolute path.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
const solution = require('__KIT__/solutions/optimizers/sgd.ts') as { SGD: unknown };
export const SGD = solution.SGD;
