// Vite plugin serving `virtual:search-heatmap`: the reference Momentum's steps-to-converge over the
// hyperparameter-search grid as plain numbers, computed here in Node, so the browser bundle holds no solution code.
import type { Plugin } from 'vite';
import { searchHeatmap } from './search-heatmap.js';

const PUBLIC_ID = 'virtual:search-heatmap';
const RESOLVED_ID = `\0${PUBLIC_ID}`;

export function searchHeatmapData(): Plugin {
  let cached: Promise<string> | null = null;
  return {
    name: 'search-heatmap',
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      cached ??= searchHeatmap().then((data) => `export default ${JSON.stringify(data)};\n`);
      return cached;
    },
  };
}
