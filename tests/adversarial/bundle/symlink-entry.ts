// The learner's sgd.ts is a link to the official solution (the test makes the link).
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
// symlink sgd.ts -> __KIT__/solutions/optimizers/sgd.ts
