// Which of the instructor's packages a kit declares: those its own files import, those its npm scripts run, and
// the type packages its type-check needs. The instructor's tools (linters, formatters, the stub generator, the
// browser driver of the tests) fall out because nothing in a kit uses them.
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
// ts-morph's TypeScript: the release has it loaded already (stubs, hidden lines), where a second copy costs half a second.
import { ts } from 'ts-morph';
import { filesBelow } from '../../grader/files/files-below.js';
import type { Lock } from './prune-lock.js';

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  [field: string]: unknown;
}

/** What a kit uses, read from its files. */
export interface KitUses {
  /** Each package the kit's code imports, with the files that import it. */
  imports: Map<string, string[]>;
  /** The kit's npm scripts. */
  scripts: Record<string, string>;
  /** The `compilerOptions.types` of the kit's tsconfig files. */
  types: string[];
}

export class UndeclaredPackageError extends Error {}

/** The package an import names ('@scope/name/sub' → '@scope/name'), or nothing for a file, a built-in or a URL. */
export function packageOf(specifier: string): string | undefined {
  if (/^[./#]/.test(specifier) || /^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.includes('*')) return undefined;
  if (isBuiltin(specifier)) return undefined;
  const parts = specifier.split(/[?]/)[0]!.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

const literal = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/**
 * Every module name `text` loads or names for its types: imports and re-exports, `import()`, `require()`,
 * `createRequire(…)()`, `import.meta.resolve()`, `require.resolve()` and `createRequire(…).resolve()` of a literal,
 * `import('…')` types, module augmentations and `/// <reference types>`.
 */
export function specifiersIn(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest);
  const found = file.typeReferenceDirectives.map((reference) => reference.fileName);
  const add = (name: string | undefined) => name !== undefined && found.push(name);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      add(literal(node.moduleSpecifier));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(literal(node.moduleReference.expression));
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(literal(node.argument.literal));
    else if (ts.isModuleDeclaration(node)) add(literal(node.name));
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isCallExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'createRequire') ||
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'resolve' &&
          (ts.isMetaProperty(callee.expression) ||
            ts.isCallExpression(callee.expression) ||
            (ts.isIdentifier(callee.expression) && callee.expression.text === 'require')));
      if (loads) add(literal(node.arguments[0]));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The packages the given files import, each with the files that do. */
export function importedPackages(files: Array<{ path: string; text: string }>): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const { path, text } of files.filter((f) => SOURCE.test(f.path))) {
    for (const name of new Set(specifiersIn(path, text).map(packageOf))) {
      if (name !== undefined) imports.set(name, [...(imports.get(name) ?? []), path]);
    }
  }
  return imports;
}

/** The programs a script's commands start ('tsc --noEmit && vite build' → tsc, vite). */
export function commandsOf(script: string): string[] {
  return script
    .split(/&&|\|\||[;|&]/)
    .map((command) =>
      command
        .trim()
        .split(/\s+/)
        .find((word) => !/^\w+=/.test(word)),
    )
    .filter((word): word is string => Boolean(word));
}

/**
 * The packages a script runs by the path of a file in them ('node node_modules/typescript-native/bin/tsc -p x' →
 * typescript-native): a way to name one of two packages that install a binary of the same name.
 */
export function packagesRunByPath(script: string): string[] {
  return [...script.matchAll(/(?:^|[\s'"])node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g)].map((match) => match[1]!);
}

/** DefinitelyTyped's name for a package's types ('@scope/name' → '@types/scope__name'). */
const typesOf = (name: string): string => `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;

/**
 * The kit's package.json: the instructor's, with the kit's scripts and, of its dependencies and devDependencies
 * (each kept where it was), only those the kit uses. A package is used when a file of the kit imports it, a script
 * runs one of its binaries (found in the lock) or a file in it by path, a tsconfig's `types` names it, or it holds
 * the types of one of those. Refuses an import of a package the instructor's package.json does not declare: the kit
 * would install it only by luck, as the dependency of another.
 */
export function kitManifest(manifest: PackageJson, lock: Lock, uses: KitUses): PackageJson {
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  const undeclared = [...uses.imports].filter(([name]) => !(name in declared));
  if (undeclared.length > 0)
    throw new UndeclaredPackageError(
      undeclared
        .map(
          ([name, files]) =>
            `${files.join(', ')} import${files.length > 1 ? '' : 's'} ${name}, which package.json does not declare`,
        )
        .join('\n'),
    );
  const programs = new Set(Object.values(uses.scripts).flatMap(commandsOf));
  const byPath = new Set(Object.values(uses.scripts).flatMap(packagesRunByPath));
  const runs = Object.keys(declared).filter(
    (name) =>
      byPath.has(name) ||
      Object.keys(lock.packages[`node_modules/${name}`]?.bin ?? {}).some((bin) => programs.has(bin)),
  );
  const typed = uses.types.map((type) => (typesOf(type) in declared ? typesOf(type) : packageOf(type)));
  const used = new Set([...uses.imports.keys(), ...runs, ...typed].filter((name) => name !== undefined));
  for (const name of [...used]) if (typesOf(name) in declared) used.add(typesOf(name));
  const only = (deps: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(deps ?? {}).filter(([name]) => used.has(name)));
  const kit: PackageJson = {
    ...manifest,
    scripts: uses.scripts,
    dependencies: only(manifest.dependencies),
    devDependencies: only(manifest.devDependencies),
  };
  for (const field of ['dependencies', 'devDependencies'] as const)
    if (Object.keys(kit[field]!).length === 0) delete kit[field];
  return kit;
}

/** The source files and tsconfig types of the kit laid out in `kit`, with the scripts it will have. */
export function readKitUses(kit: string, scripts: Record<string, string>): KitUses {
  const paths = filesBelow(kit, { skip: (name) => name === 'node_modules' })
    .map((file) => relative(kit, file))
    .filter((path) => SOURCE.test(path));
  const imports = importedPackages(paths.map((path) => ({ path, text: readFileSync(join(kit, path), 'utf8') })));
  const types = readdirSync(kit)
    .filter((name) => /^tsconfig.*\.json$/.test(name))
    .flatMap((name) => {
      const { config } = ts.parseConfigFileTextToJson(name, readFileSync(join(kit, name), 'utf8'));
      return (config as { compilerOptions?: { types?: string[] } } | undefined)?.compilerOptions?.types ?? [];
    });
  return { imports, scripts, types };
}
