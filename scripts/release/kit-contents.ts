// What a student kit holds, file by file: the rules that keep solutions, hidden tests and the instructor's
// tools out of it, and the few files the kit gets in a student's version.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { minimatch } from 'minimatch';
import { ts } from 'ts-morph';

/** Files of the instructor's repository that go into the kit as they are (git-tracked paths). */
const INCLUDE = [
  // package.json and package-lock.json are the kit's own, written by the release (kit-packages.ts, prune-lock.ts).
  'tsconfig.json',
  'tsconfig.exercises.json',
  '.gitignore',
  'exercises/**',
  'grader/**',
  'courses/**',
  'site/**',
  'scripts/launch.mjs',
  'scripts/node-version.mjs',
  'scripts/supported-node.mjs',
  'scripts/caller-folder.mjs',
  // Their types, for the TypeScript that imports them.
  'scripts/node-version.d.mts',
  'scripts/caller-folder.d.mts',
  // The site renders instructions through the marker stripper (a no-op on the kit's already-stripped text); the
  // stub generator (ts-morph) stays with the instructor: a kit resets from grader/pristine/.
  'scripts/markers/*.ts',
  'scripts/reset.ts',
  'scripts/kit-update.ts',
];

/**
 * Never in a kit, whatever INCLUDE says: solutions, hidden tests, the scripts that hold the formulas. Sealed
 * solutions (grader/reveal/<course>/) are written by the release alone, and only for what info.toml reveals;
 * the modules of `npm run reveal` beside them (grader/reveal/*.ts) do ship.
 */
const EXCLUDE = [
  'solutions/**',
  'grader/*/hidden/**',
  'grader/*/fixtures/*.py',
  'grader/reveal/*/**',
  'tests/**',
  'bench/**',
  'courses/*/bench/**',
  '.ci/**',
  'site/dist*/**',
  '**/*.tsbuildinfo',
];

export function inKit(path: string): boolean {
  const matches = (patterns: string[]) => patterns.some((pattern) => minimatch(path, pattern, { dot: true }));
  return matches(INCLUDE) && !matches(EXCLUDE);
}

/**
 * Whether the module at `path` (relative to `root`) imports from solutions/, statically or by a dynamic import(): a
 * kit, which has no solutions, could never run it, and its own code may compute what they do (a site data module
 * running a search over a grid, say). The release leaves such modules out; nothing in a kit runs them. Only code
 * files are read.
 */
export function importsSolutions(root: string, path: string): boolean {
  if (!/\.[cm]?[jt]sx?$/.test(path)) return false;
  return relativeImports(path, readFileSync(join(root, path), 'utf8')).some((target) =>
    target.startsWith('solutions/'),
  );
}

/**
 * The modules that the module at `path` (with `text`) imports by a relative specifier, statically, by import() or
 * in a type, as paths from the same root ('site/x.ts' importing '../solutions/a.js' → 'solutions/a.js').
 */
export function relativeImports(path: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => posix.normalize(posix.join(posix.dirname(path), fileName)));
}

/** The npm scripts a student has. */
export const KIT_SCRIPTS: Record<string, string> = {
  grade: 'node scripts/launch.mjs grader/cli/grade.ts',
  watch: 'node scripts/launch.mjs grader/cli/grade.ts --watch',
  hint: 'node scripts/launch.mjs grader/hints/hint.ts',
  reset: 'node scripts/launch.mjs scripts/reset.ts',
  // Explains itself where the course reveals nothing: the kit then has no grader/reveal/ files to open.
  reveal: 'node scripts/launch.mjs grader/reveal/reveal.ts',
  update: 'node scripts/launch.mjs scripts/kit-update.ts',
  site: 'node scripts/launch.mjs site/scripts/serve.ts',
  build: 'node scripts/launch.mjs site/scripts/build.ts',
  // The learner's own files only: the kit's other folders refer to solutions/ and tests, which it does not ship.
  // TypeScript 7's native tsc (typescript-native), as the instructor's own type-check runs: under a second where
  // TypeScript 5's takes eight. Named by path, since TypeScript 5 (whose API the site build needs) installs a `tsc`
  // too.
  typecheck: 'node node_modules/typescript-native/bin/tsc --noEmit -p tsconfig.exercises.json',
};
