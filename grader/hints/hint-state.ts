// Which hints a learner has already seen, per exercise, kept in .grade/hints.json beside the kit
// so that `npm run hint` reveals them one at a time and the scorecard can say how many are left.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../files/write-atomically.js';

export type HintState = Record<string, number>; // "course/exercise" → hints revealed

export const hintStatePath = (root: string): string => join(root, '.grade', 'hints.json');

export function readHintState(root: string): HintState {
  const path = hintStatePath(root);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as HintState;
  } catch {
    return {}; // a damaged file only means hints start over
  }
}

export function writeHintState(root: string, state: HintState): void {
  writeAtomically(hintStatePath(root), `${JSON.stringify(state, null, 2)}\n`);
}
