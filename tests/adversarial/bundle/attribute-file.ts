// Loads a file of the folder with `with { type: 'file' }`: only JSON may take an import attribute.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
import contents from './parameter.ts' with { type: 'file' };

export const SGD = contents;
