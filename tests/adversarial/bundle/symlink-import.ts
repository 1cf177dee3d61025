// Imports a learner file of the folder that is a link to the official solution (the test makes the link).
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
// symlink momentum.ts -> __KIT__/solutions/optimizers/sgd.ts
export { SGD } from './momentum.js';
