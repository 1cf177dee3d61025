// Which file of the exercise folder an import names, and how it is loaded: the rule that confines bundling to the
// learner's folder. Pure: the folder is seen only through `exists`, so the rule is tested without one.
import { posix } from 'node:path';

/** esbuild's loaders for the files an exercise may import; no other loader is ever used. */
export type Loader = 'ts' | 'tsx' | 'js' | 'jsx' | 'json';

/** How the import is written (esbuild's import kinds, as far as they matter here). */
export type ImportKind =
  'entry-point' | 'import-statement' | 'require-call' | 'dynamic-import' | 'require-resolve' | (string & {});

export interface ImportRequest {
  /** What the import says, e.g. './parameter.js'. */
  specifier: string;
  /** The importing file, relative to the folder ('' for the entry point). */
  importer: string;
  kind: ImportKind;
  /** Import attributes, `with { type: 'json' }` → { type: 'json' }. */
  attributes: Record<string, string>;
}

export type ImportRefusal =
  /** 'fs', 'node:fs', a package, a URL: nothing of the folder. */
  | { reason: 'not-a-file-import' }
  /** '/etc/passwd', or '../..' climbing out of the folder. */
  | { reason: 'outside' }
  /** Attributes other than `with { type: 'json' }`, or that one on a file other than .json. */
  | { reason: 'attributes' }
  | { reason: 'missing'; file: string }
  | { reason: 'not-source'; file: string };

export type Resolution = { file: string; loader: Loader } | { refused: ImportRefusal };

const LOADERS: Record<string, Loader> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
};
/** Tried after the name as written, in esbuild's order: `./parameter` finds parameter.ts. */
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.json', '.mts', '.cts', '.mjs', '.cjs'];
/** TypeScript's convention that esbuild follows: `./parameter.js` names parameter.ts. */
const TYPESCRIPT_FOR: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The TypeScript file an import of `path` names by TypeScript's convention (parameter.js → parameter.ts), or itself. */
function sourceNamed(path: string): string {
  const ext = posix.extname(path);
  const typescript = TYPESCRIPT_FOR[ext]?.[0];
  return typescript ? path.slice(0, -ext.length) + typescript : path;
}

/** The loader for a file of the folder, or undefined when it is no file an exercise may import. */
export function loaderFor(file: string): Loader | undefined {
  return LOADERS[posix.extname(file).toLowerCase()];
}

/** The files `path` (normalised, inside the folder) may stand for, in the order they are tried. */
function candidates(path: string): string[] {
  const asDirectory = (dir: string) => EXTENSIONS.map((ext) => (dir === '' ? `index${ext}` : `${dir}/index${ext}`));
  if (path === '.' || path.endsWith('/')) return asDirectory(path === '.' ? '' : path.slice(0, -1));
  const ext = posix.extname(path);
  const typescript = (TYPESCRIPT_FOR[ext] ?? []).map((ts) => path.slice(0, -ext.length) + ts);
  return [path, ...typescript, ...EXTENSIONS.map((e) => path + e), ...asDirectory(path)];
}

/**
 * The file of the folder `request` names: only relative paths that stay inside the folder, only source and JSON
 * files, and import attributes only as `with { type: 'json' }` on a .json file. `exists(file)` says whether
 * something other than a directory is at `file` (relative to the folder); whether it may be read is decided when it
 * is read.
 */
export function resolveImport(request: ImportRequest, exists: (file: string) => boolean): Resolution {
  const { specifier, importer, attributes } = request;
  if (specifier.startsWith('/')) return { refused: { reason: 'outside' } };
  if (!/^\.\.?(\/|$)/.test(specifier)) return { refused: { reason: 'not-a-file-import' } };
  const joined = posix.normalize(posix.join(posix.dirname(importer || '.'), specifier));
  const path = joined === './' ? '.' : joined;
  if (path === '..' || path.startsWith('../')) return { refused: { reason: 'outside' } };
  const keys = Object.keys(attributes);
  const asJson = keys.length === 1 && attributes.type === 'json';
  if (keys.length > 0 && !asJson) return { refused: { reason: 'attributes' } };

  const file = candidates(path).find(exists);
  // A missing './parameter.js' is a missing parameter.ts: the file the learner has to bring back.
  if (file === undefined) return { refused: { reason: 'missing', file: sourceNamed(path.replace(/\/$/, '')) } };
  const loader = loaderFor(file);
  if (loader === undefined) return { refused: { reason: 'not-source', file } };
  if (asJson && loader !== 'json') return { refused: { reason: 'attributes' } };
  return { file, loader };
}

/** The import as the learner wrote it, e.g. `import '/etc/passwd' with { type: 'text' }`. */
export function importText(request: ImportRequest): string {
  const attributes = Object.entries(request.attributes)
    .map(([key, value]) => `${key}: '${value}'`)
    .join(', ');
  const quoted = `'${request.specifier}'`;
  switch (request.kind) {
    case 'require-call':
      return `\`require(${quoted})\``;
    case 'require-resolve':
      return `\`require.resolve(${quoted})\``;
    case 'dynamic-import':
      return `\`import(${quoted}${attributes ? `, { with: { ${attributes} } }` : ''})\``;
    default:
      return `\`import ${quoted}${attributes ? ` with { ${attributes} }` : ''}\``;
  }
}

/** Why the import is refused and what to do, naming the folder as `folderShown` (e.g. exercises/<course>). */
export function refusalMessage(request: ImportRequest, refusal: ImportRefusal, folderShown: string): string {
  const what = importText(request);
  const onlyOwnFiles = `import only files of ${folderShown}/ by a relative path like './parameter.js'`;
  switch (refusal.reason) {
    case 'not-a-file-import':
      return `${what} is not allowed in exercise code (no Node.js module, package or URL): ${onlyOwnFiles}`;
    case 'outside':
      return `${what} reaches outside your exercise folder: ${onlyOwnFiles}`;
    case 'attributes':
      return `${what}: import attributes are not allowed here (only a .json file may take \`with { type: 'json' }\`): remove the \`with { … }\``;
    case 'missing':
      return `${what}: there is no file ${folderShown}/${refusal.file} among the files graded: check the name (a file of your own beside the course's files is not graded; keep your code in them)`;
    case 'not-source':
      return `${what}: ${folderShown}/${refusal.file} is not a TypeScript, JavaScript or JSON file, the only kinds exercise code may import`;
  }
}
