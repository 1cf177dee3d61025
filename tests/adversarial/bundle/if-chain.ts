// 8,500 nested `if (a)` in 60 KB: no deep brackets, but esbuild recurses as deep and runs out of memory.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
export function SGD(a: number): void {
  /*__REPEAT(8500, 'if (a) ')__*/ a++;
}
