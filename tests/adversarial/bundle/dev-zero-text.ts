// Reads an endless device as text: esbuild would grow without limit.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
import zeros from '/dev/zero' with { type: 'text' };

export const SGD = zeros;
