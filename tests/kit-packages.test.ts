// The kit's package.json and package-lock.json: only what the kit's files and scripts use is declared, and the lock
// keeps exactly what those declarations install, every dependency resolving inside it as npm resolves it. Checked on
// a small lock made by hand (nested, shared, optional and peer packages) and on this repository's own.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inKit, KIT_SCRIPTS } from '../scripts/release/kit-contents.js';
import {
  commandsOf,
  packagesRunByPath,
  importedPackages,
  kitManifest,
  packageOf,
  specifiersIn,
  UndeclaredPackageError,
  type PackageJson,
} from '../scripts/release/kit-packages.js';
import { LockError, pruneLock, resolveIn, type Lock, type LockEntry } from '../scripts/release/prune-lock.js';
import { KIT_ROOT } from './kit-sandbox.js';

const entry = (version: string, fields: Partial<LockEntry> = {}): LockEntry => ({
  version,
  integrity: `sha512-${version}`,
  ...fields,
});

/**
 * An instructor's project: `app` and `zipper` for everyone, `runner` and `tool` for development. `tool` brings its
 * own `util` (1.x) where `app` has a nested 2.x, and shares `shared` with `app`; `zipper` shares `both` with
 * `runner`; `app` has a platform package, a missing optional one, a peer and an optional peer.
 */
const LOCK: Lock = {
  name: 'course',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': {
      name: 'course',
      version: '1.0.0',
      dependencies: { app: '^1.0.0', zipper: '^1.0.0' },
      devDependencies: { runner: '^1.0.0', tool: '^1.0.0' },
      engines: { node: '>=20' },
    },
    'node_modules/app': entry('1.0.0', {
      dependencies: { shared: '^1.0.0', util: '^2.0.0' },
      optionalDependencies: { 'app-linux': '1.0.0', 'app-darwin': '1.0.0' },
      peerDependencies: { host: '^1.0.0', extra: '^1.0.0' },
      peerDependenciesMeta: { extra: { optional: true } },
    }),
    'node_modules/app/node_modules/util': entry('2.0.0', { dependencies: { leaf: '^1.0.0' } }),
    'node_modules/app-linux': entry('1.0.0', { optional: true, os: ['linux'] }),
    'node_modules/host': entry('1.0.0'),
    'node_modules/shared': entry('1.0.0', { dependencies: { leaf: '^1.0.0' } }),
    'node_modules/leaf': entry('1.0.0'),
    'node_modules/zipper': entry('1.0.0', { dependencies: { both: '^1.0.0' } }),
    'node_modules/both': entry('1.0.0'),
    'node_modules/runner': entry('1.0.0', { dev: true, dependencies: { both: '^1.0.0' }, bin: { run: 'bin/run.js' } }),
    'node_modules/tool': entry('1.0.0', {
      dev: true,
      dependencies: { util: '^1.0.0', shared: '^1.0.0', extra: '^1.0.0', helper: '^1.0.0' },
      bin: { tool: 'bin/tool.js' },
    }),
    'node_modules/tool/node_modules/helper': entry('1.0.0', { dev: true }),
    'node_modules/util': entry('1.0.0', { dev: true }),
    'node_modules/extra': entry('1.0.0', { dev: true }),
  },
};

/** The kit keeps `app` and `runner`, as the kit's package.json would say. */
const KIT_DEPENDENCIES = { dependencies: { app: '^1.0.0' }, devDependencies: { runner: '^1.0.0' } };

const FLAGS = ['dev', 'optional', 'devOptional', 'peer'];
const unflagged = (entry: LockEntry) => Object.fromEntries(Object.entries(entry).filter(([f]) => !FLAGS.includes(f)));

/** What pruning promises about any lock: nothing needed is missing, nothing unneeded is left. */
function expectSelfContained(original: Lock, pruned: Lock): void {
  for (const [key, { dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta }] of Object.entries(
    pruned.packages,
  )) {
    const required = [
      ...Object.keys(dependencies ?? {}),
      ...Object.keys(peerDependencies ?? {}).filter((name) => !peerDependenciesMeta?.[name]?.optional),
      ...(key === '' ? Object.keys(pruned.packages['']!.devDependencies ?? {}) : []),
    ].filter((name) => !(name in (optionalDependencies ?? {})));
    for (const name of required) {
      const at = resolveIn(pruned.packages, key, name);
      expect(at, `${key || 'the root'} needs ${name}`).toBeDefined();
      // Where it was before: pruning never moves a package, so npm sees the same tree, less what no one needs.
      if (key !== '') expect(at).toBe(resolveIn(original.packages, key, name));
    }
    for (const name of Object.keys(optionalDependencies ?? {}))
      expect(resolveIn(pruned.packages, key, name)).toBe(resolveIn(original.packages, key, name));
    if (key !== '') expect(unflagged(pruned.packages[key]!), key).toEqual(unflagged(original.packages[key]!));
  }
  expect(pruneLock(pruned, pruned.packages['']!)).toEqual(pruned);
}

describe('pruneLock', () => {
  const pruned = pruneLock(LOCK, KIT_DEPENDENCIES);

  test("keeps what the kit's dependencies install, where it was, and nothing of the instructor's tool", () => {
    expect(Object.keys(pruned.packages).sort()).toEqual([
      '',
      'node_modules/app',
      'node_modules/app-linux',
      'node_modules/app/node_modules/util',
      'node_modules/both',
      'node_modules/host',
      'node_modules/leaf',
      'node_modules/runner',
      'node_modules/shared',
    ]);
    expect(pruned.packages['']).toEqual({
      name: 'course',
      version: '1.0.0',
      dependencies: { app: '^1.0.0' },
      devDependencies: { runner: '^1.0.0' },
      engines: { node: '>=20' },
    });
    expect(pruned.name).toBe('course');
    expect(pruned.lockfileVersion).toBe(3);
    expectSelfContained(LOCK, pruned);
  });

  test('recomputes the flags npm writes: what only a kept devDependency still needs becomes dev', () => {
    const flags = (key: string) => FLAGS.filter((flag) => pruned.packages[key]![flag] === true);
    expect(flags('node_modules/both')).toEqual(['dev']); // zipper, which also needed it, is gone
    expect(flags('node_modules/runner')).toEqual(['dev']);
    expect(flags('node_modules/app-linux')).toEqual(['optional']);
    expect(flags('node_modules/shared')).toEqual([]);
    expect(flags('node_modules/host')).toEqual(['peer']); // installed: a peer is required unless marked optional
    expect(pruned.packages['node_modules/app-linux']).toEqual(LOCK.packages['node_modules/app-linux']);
  });

  test('leaves its input as it was', () => {
    const copy = structuredClone(LOCK);
    pruneLock(LOCK, KIT_DEPENDENCIES);
    expect(LOCK).toEqual(copy);
  });

  test('a package only an optional peer names goes, as npm prunes it; a required one that is missing is an error', () => {
    expect(pruned.packages['node_modules/extra']).toBeUndefined();
    const broken = structuredClone(LOCK);
    delete broken.packages['node_modules/host'];
    expect(() => pruneLock(broken, KIT_DEPENDENCIES)).toThrow(
      new LockError('node_modules/app needs host, which the lock does not hold'),
    );
  });

  test('resolves from the nearest node_modules outwards', () => {
    const packages = LOCK.packages;
    expect(resolveIn(packages, 'node_modules/app', 'util')).toBe('node_modules/app/node_modules/util');
    expect(resolveIn(packages, 'node_modules/app/node_modules/util', 'util')).toBe(
      'node_modules/app/node_modules/util',
    );
    expect(resolveIn(packages, 'node_modules/app/node_modules/util', 'leaf')).toBe('node_modules/leaf');
    expect(resolveIn(packages, 'node_modules/tool', 'util')).toBe('node_modules/util');
    expect(resolveIn(packages, 'node_modules/shared', 'helper')).toBeUndefined();
  });
});

describe('kitManifest', () => {
  const manifest: PackageJson = {
    name: 'course',
    scripts: { lint: 'tool .', test: 'run' },
    devDependencies: { runner: '^1.0.0', tool: '^1.0.0', '@types/app': '^1.0.0', '@types/scoped__lib': '^1.0.0' },
    dependencies: { app: '^1.0.0', zipper: '^1.0.0', '@scoped/lib': '^1.0.0' },
  };
  const uses = (imports: Record<string, string[]>, scripts: Record<string, string> = {}, types: string[] = []) => ({
    imports: new Map(Object.entries(imports)),
    scripts,
    types,
  });

  test('declares what the files import, what the scripts run and their types, each where the instructor had it', () => {
    const kit = kitManifest(manifest, LOCK, uses({ app: ['a.ts'], '@scoped/lib': ['b.ts'] }, { check: 'run --all' }));
    expect(kit).toEqual({
      name: 'course',
      scripts: { check: 'run --all' },
      devDependencies: { runner: '^1.0.0', '@types/app': '^1.0.0', '@types/scoped__lib': '^1.0.0' },
      dependencies: { app: '^1.0.0', '@scoped/lib': '^1.0.0' },
    });
    expect(kitManifest(manifest, LOCK, uses({}, {}, ['app']))).toEqual({
      name: 'course',
      scripts: {},
      devDependencies: { '@types/app': '^1.0.0' },
    });
  });

  test('refuses a file that imports a package the instructor does not declare', () => {
    expect(() => kitManifest(manifest, LOCK, uses({ leaf: ['grader/x.ts', 'site/y.ts'], app: ['a.ts'] }))).toThrow(
      new UndeclaredPackageError('grader/x.ts, site/y.ts import leaf, which package.json does not declare'),
    );
  });

  test('reads every way a module names a package', () => {
    const source = `/// <reference types="reference" />
import a from 'default-import';
import type { B } from '@scope/type-import/sub';
export { c } from 'reexport';
import './local.js';
import 'node:fs';
import 'path';
import 'virtual:generated';
const d = await import('dynamic');
const e = require('required');
const f = import.meta.resolve('meta-resolved/dist');
const g = createRequire(import.meta.url).resolve('create-required');
const i = createRequire(import.meta.url)('create-require-loaded');
type H = import('type-only').H;
declare module 'augmented' {}
import css from 'styled/dist/x.css?inline';
const notOne = path.resolve('dist');`;
    expect(specifiersIn('x.ts', source).map(packageOf).filter(Boolean).sort()).toEqual([
      '@scope/type-import',
      'augmented',
      'create-require-loaded',
      'create-required',
      'default-import',
      'dynamic',
      'meta-resolved',
      'reexport',
      'reference',
      'required',
      'styled',
      'type-only',
    ]);
    expect(commandsOf('FOO=1 tsc --noEmit && vite build; node x.js | tee y')).toEqual(['tsc', 'vite', 'node', 'tee']);
    // Two packages may install a binary of the same name: a script then runs the one it means by its path.
    expect(
      packagesRunByPath('node node_modules/typescript-native/bin/tsc -p x && node "node_modules/@s/n/cli.js"'),
    ).toEqual(['typescript-native', '@s/n']);
    expect(packagesRunByPath('node scripts/launch.mjs grader/node_modules_list.ts')).toEqual([]);
  });
});

describe("this repository's kit", () => {
  const read = (file: string) => readFileSync(join(KIT_ROOT, file), 'utf8');
  const shipped = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: KIT_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((path) => path && inKit(path) && existsSync(join(KIT_ROOT, path)));
  const manifest = JSON.parse(read('package.json')) as PackageJson;
  const lock = JSON.parse(read('package-lock.json')) as Lock;
  const types = (JSON.parse(read('tsconfig.json')) as { compilerOptions: { types?: string[] } }).compilerOptions.types;
  const uses = {
    imports: importedPackages(shipped.map((path) => ({ path, text: read(path) }))),
    scripts: KIT_SCRIPTS,
    types: types ?? [],
  };

  test('every package a file of the kit imports is declared by package.json', () => {
    expect(() => kitManifest(manifest, lock, uses)).not.toThrow();
  });

  test("declares the grader's, the site's and the type-check's packages, and none of the instructor's tools", () => {
    const kit = kitManifest(manifest, lock, uses);
    const declared = Object.keys({ ...kit.dependencies, ...kit.devDependencies });
    expect(declared).toEqual(
      expect.arrayContaining(['vitest', 'esbuild', 'tsx', 'typescript', 'typescript-native', 'vite', '@types/node']),
    );
    const tools = [
      'eslint',
      '@eslint/js',
      'typescript-eslint',
      'prettier',
      'dependency-cruiser',
      'ts-morph',
      'playwright-core',
      'fast-check',
    ];
    expect(declared.filter((name) => tools.includes(name))).toEqual([]);
    const pruned = pruneLock(lock, kit);
    expect(
      Object.keys(pruned.packages).filter((key) => tools.some((tool) => key.endsWith(`node_modules/${tool}`))),
    ).toEqual([]);
    expectSelfContained(lock, pruned);
  });
});
