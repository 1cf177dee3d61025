// Reads a system file as text through enough ../ to reach / from any folder.
// @ts-nocheck (a template: the test puts the kit's path for __KIT__ and expands __REPEAT)
import passwd from '../../../../../../../../../../../../etc/passwd' with { type: 'text' };

export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {
    console.log(passwd);
  }
  step(): void {}
  zeroGrad(): void {}
}
