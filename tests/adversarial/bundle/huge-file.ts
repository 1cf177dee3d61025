// A 5 MB file.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export const SGD = "/*__REPEAT(5000000, 'x')__*/";
