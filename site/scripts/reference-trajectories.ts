// The reference trajectories the charts draw: run from solutions/ in the instructor's repository, read from
// the data file a release writes in a student kit (which has no solutions to run).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OptimizerId, Point } from '../shared/demo-runs.js';

export type ReferenceTrajectories = Record<OptimizerId, Point[]>;

const root = resolve(import.meta.dirname, '..', '..');
export const REFERENCE_DATA = join(root, 'site', 'data', 'reference-trajectories.json');

export async function referenceTrajectories(): Promise<ReferenceTrajectories> {
  if (existsSync(join(root, 'solutions'))) return (await import('./reference-runs.js')).runReferences();
  if (existsSync(REFERENCE_DATA)) return JSON.parse(readFileSync(REFERENCE_DATA, 'utf8')) as ReferenceTrajectories;
  throw new Error(`${REFERENCE_DATA} is missing: this kit was not built by \`npm run release\``);
}
