// Which hints a learner has already seen, per exercise, kept in .grade/hints.json beside the kit
// so that `npm run hint` reveals them one at a time and the scorecard can say how many are left.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveState } from '../files/save-state.js';

export type HintState = Record<string, number>; // "course/exercise" → hints revealed

export const hintStatePath = (root: string): string => join(root, '.grade', 'hints.json');

/** The hints seen, by exercise; whatever in the file is not a count of hints is left out (a damaged file starts over). */
export function readHintState(root: string): HintState {
  const path = hintStatePath(root);
  let data: unknown;
  try {
    data = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  return Object.fromEntries(
    Object.entries(data).filter(([, seen]) => Number.isSafeInteger(seen) && (seen as number) >= 0),
  ) as HintState;
}

/** Saves the hints seen; a note for the learner when they could not be. */
export function writeHintState(root: string, state: HintState): string | undefined {
  return saveState(root, join('.grade', 'hints.json'), `${JSON.stringify(state, null, 2)}\n`);
}
