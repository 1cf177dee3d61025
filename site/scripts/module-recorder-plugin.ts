// Records every module that went into a build (page bundles and workers alike), so a test can prove
// from the bundler's own module graph that nothing under solutions/ was bundled.
import type { Plugin } from 'vite';

export interface ModuleRecorder {
  /** A fresh plugin instance per build; Vite builds each worker with its own plugin list. */
  plugin(): Plugin;
  /** Module ids seen so far, sorted; virtual modules keep their `\0` prefix. */
  modules(): string[];
}

export function moduleRecorder(): ModuleRecorder {
  const ids = new Set<string>();
  return {
    plugin: () => ({
      name: 'record-bundled-modules',
      apply: 'build',
      buildEnd() {
        for (const id of this.getModuleIds()) ids.add(id);
      },
    }),
    modules: () => [...ids].sort(),
  };
}
