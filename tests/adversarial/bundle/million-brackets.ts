// 1,000,000 nested brackets: esbuild's service dies of a stack overflow, and every build after it with it.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export const SGD = /*__REPEAT(1000000, '[')__*//*__REPEAT(1000000, ']')__*/0;
