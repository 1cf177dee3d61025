// 20,000 nested brackets in 40 KB: seconds and gigabytes for esbuild's recursive parser.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export const SGD = /*__REPEAT(20000, '[')__*//*__REPEAT(20000, ']')__*/0;
