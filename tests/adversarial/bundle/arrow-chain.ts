// 20,000 nested arrow functions in 60 KB: esbuild takes minutes.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export const SGD = /*__REPEAT(20000, 'a=>')__*/0;
