// A 100 KB file: under the class intake's 256 KB, over the bundler's 64 KB per exercise file.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export const SGD = "/*__REPEAT(100000, 'x')__*/";
