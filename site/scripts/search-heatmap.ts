// The hyperparameter-search heatmap's background: run from solutions/ in the instructor's repository, read from
// the data file a release writes in a student kit (which has no solutions to run).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SearchHeatmap } from '../shared/search-heatmap.js';

const root = resolve(import.meta.dirname, '..', '..');
export const SEARCH_HEATMAP_DATA = join(root, 'site', 'data', 'search-heatmap.json');

export async function searchHeatmap(): Promise<SearchHeatmap> {
  if (existsSync(join(root, 'solutions'))) return (await import('./search-heatmap-runs.js')).runSearchHeatmap();
  if (existsSync(SEARCH_HEATMAP_DATA)) return JSON.parse(readFileSync(SEARCH_HEATMAP_DATA, 'utf8')) as SearchHeatmap;
  throw new Error(`${SEARCH_HEATMAP_DATA} is missing: this kit was not built by \`npm run release\``);
}
