// The official solution as a file: URL rather than a path.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export { SGD } from 'file://__KIT__/solutions/optimizers/sgd.ts';
