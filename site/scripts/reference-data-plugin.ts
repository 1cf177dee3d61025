// Vite plugin serving `virtual:reference-trajectories`: the reference solutions' trajectories as plain
// numbers, computed here in Node, so the browser bundle holds data and no solution code.
import type { Plugin } from 'vite';
import { referenceTrajectories } from './reference-trajectories.js';

const PUBLIC_ID = 'virtual:reference-trajectories';
const RESOLVED_ID = `\0${PUBLIC_ID}`;

export function referenceData(): Plugin {
  return {
    name: 'reference-trajectories',
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(await referenceTrajectories())};\n`;
    },
  };
}
