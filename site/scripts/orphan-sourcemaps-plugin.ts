// Build plugin: Vite drops the empty JavaScript chunk of each HTML entry (the pages share one script) but
// leaves that chunk's .map behind; remove such maps so the output holds no empty, dangling files.
import type { Plugin } from 'vite';

export function dropOrphanSourcemaps(): Plugin {
  return {
    name: 'drop-orphan-sourcemaps',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (fileName.endsWith('.js.map') && !(fileName.slice(0, -'.map'.length) in bundle)) delete bundle[fileName];
      }
    },
  };
}
