// Climbs out through a sub-folder that only normalising the path reveals: ./sub/../../../ is ../../.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export { SGD } from './sub/../../../solutions/optimizers/sgd.js';
