// Vite plugin serving a `virtual:` module whose default export is data computed here in Node, once per build or
// dev server, so that the browser bundle holds numbers and never the solution code that made them.
import type { Plugin } from 'vite';

export function virtualData(publicId: string, data: () => Promise<unknown>): Plugin {
  const resolvedId = `\0${publicId}`;
  let module: Promise<string> | null = null;
  return {
    name: publicId,
    resolveId(id) {
      return id === publicId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      module ??= data().then((value) => `export default ${JSON.stringify(value)};\n`);
      return module;
    },
  };
}
