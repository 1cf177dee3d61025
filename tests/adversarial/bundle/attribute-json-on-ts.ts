// Claims a TypeScript file of the folder is JSON: `with { type: 'json' }` is for .json files only.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
import contents from './parameter.ts' with { type: 'json' };

export const SGD = contents;
