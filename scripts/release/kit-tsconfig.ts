// The kit's tsconfig.json: the repository's, less the few files that import a module the kit leaves out (a site
// data module that runs solutions/, the stub generator). Those run only in the instructor's repository, where they
// are checked; in a kit they would show as errors to a student's editor or a `tsc -p tsconfig.json`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { relativeImports } from './kit-contents.js';

/** What a relative import may name on disk: TypeScript's source for a .js/.mjs specifier, or the file itself. */
function candidates(target: string): string[] {
  const stem = target.replace(/\.(m?js|m?ts)$/, '');
  if (/\.m(js|ts)$/.test(target)) return [`${stem}.mts`, `${stem}.mjs`, `${stem}.d.mts`];
  if (/\.(js|ts)$/.test(target)) return [`${stem}.ts`, `${stem}.tsx`, `${stem}.js`, `${stem}.d.ts`];
  return [target, `${target}.ts`, `${target}/index.ts`];
}

/** A TypeScript source file, which the kit's tsconfig.json checks (declaration files only describe others). */
const isTypeScriptSource = (path: string): boolean => /\.(m?ts|tsx)$/.test(path) && !/\.d\.m?ts$/.test(path);

/**
 * The code files among `files` (paths relative to the kit's root, with their text) that import, statically, by a
 * dynamic import() or in a type, a relative module that `exists` does not find.
 */
export function filesWithMissingImports(
  files: Array<{ path: string; text: string }>,
  exists: (path: string) => boolean,
): string[] {
  return files
    .filter(({ path }) => isTypeScriptSource(path))
    .filter(({ path, text }) => relativeImports(path, text).some((target) => !candidates(target).some(exists)))
    .map(({ path }) => path)
    .sort();
}

/** The text of the kit's tsconfig.json: the repository's `config`, with `left` added to what it excludes. */
export function kitTsconfig(config: { exclude?: string[] } & Record<string, unknown>, left: string[]): string {
  const exclude = [...(config.exclude ?? []), ...left];
  return `${JSON.stringify(left.length > 0 ? { ...config, exclude } : config, null, 2)}\n`;
}

/** The kit's tsconfig.json for the kit laid out at `kit`, whose files are `paths` (relative to it). */
export function kitTsconfigFor(root: string, kit: string, paths: string[]): string {
  const config = ts.parseConfigFileTextToJson('tsconfig.json', readFileSync(join(root, 'tsconfig.json'), 'utf8'))
    .config as { exclude?: string[] } & Record<string, unknown>;
  const files = paths.filter(isTypeScriptSource).map((path) => ({ path, text: readFileSync(join(kit, path), 'utf8') }));
  return kitTsconfig(
    config,
    filesWithMissingImports(files, (path) => existsSync(join(kit, path))),
  );
}
