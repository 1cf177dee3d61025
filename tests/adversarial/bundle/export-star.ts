// Re-exports everything of the official solution.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export * from '__KIT__/solutions/optimizers/sgd.ts';
