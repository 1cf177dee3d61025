// Starts one of the kit's TypeScript commands quickly: the command and the kit modules it imports are compiled
// once into one JavaScript file (esbuild, packages left as imports), kept under node_modules/.cache/ and reused
// while every source file it came from is byte-identical. Loading fifty modules through a TypeScript loader on
// every run cost more than the command's own work; tsx remains the fallback where no cache can be written.
// usage: node scripts/launch.mjs <entry.ts> [args...]
// First: on a Node.js older than the kit's, everything below would fail without saying why.
import './supported-node.mjs';
import { enterCallerFolder } from './caller-folder.mjs';
import { createHash } from 'node:crypto';
import module from 'node:module';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Part of the cache key: a compiled file from another layout of this launcher is never reused.
const FORMAT = 2;

const root = resolve(import.meta.dirname, '..');

// Node.js 22 and later keep V8's compiled code of the packages on disk (vitest and Vite are large); the worker
// threads and helper processes a command starts inherit it through the environment. It goes with the kit's other
// caches, not in the system's temporary folder, where Node.js would leave it behind (and make the folder when
// TMPDIR names one that is missing). NODE_COMPILE_CACHE, when set, still decides: Node.js has then enabled it
// already, and the variable is left as it is. (The directory Node.js reports names the subfolder of its version,
// in which each thread would nest another.)
const compileCache = process.env.NODE_COMPILE_CACHE ?? join(root, 'node_modules', '.cache', 'node-compile-cache');
if (module.enableCompileCache?.(compileCache).status === module.constants?.compileCacheStatus?.ENABLED)
  process.env.NODE_COMPILE_CACHE = compileCache;

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/launch.mjs <entry.ts> [args...]');
  process.exit(2);
}
const source = resolve(entry);
process.argv = [process.argv[0], source, ...args];

// The compiled modules find their own location (the kit's root, a course's drivers are found from there) through
// this, given their path relative to the kit's root: the compiled text names no kit, so every copy of the kit
// with the same sources (tests and class runs make many, sharing one node_modules) runs the same compiled file.
const inKit = (file) => join(root, file);
const inKitPath = (path) => relative(root, path).split(sep).join('/');
globalThis[Symbol.for('kit-launch')] = {
  url: (file) => pathToFileURL(inKit(file)).href,
  dirname: (file) => dirname(inKit(file)),
  filename: inKit,
};

/** The sources' digest, by their paths relative to a kit's root; `read` gives a source's content. */
const digest = (files, read) => {
  const hash = createHash('sha256').update(`${FORMAT}\0`);
  for (const file of files) hash.update(`${file}\0`).update(read(file)).update('\0');
  return hash.digest('hex');
};
const contents = new Map();
/** This kit's sources, each read once however many compiled files are checked against them. */
const readHere = (file) => {
  if (!contents.has(file)) contents.set(file, readFileSync(join(root, file)));
  return contents.get(file);
};

// One folder per kit, holding for each command it ran a record of the sources compiled and the compiled file
// named by their digest: a hard link to the same file in every kit with the same sources. The source map is the
// kit's own: Node.js resolves a map beside the module's real path, and errors must name the TypeScript lines of
// the kit being run.
const cacheFolder = join(root, 'node_modules', '.cache', 'kit-launch');
const ownFolder = join(cacheFolder, createHash('sha256').update(root).digest('hex').slice(0, 16));
const name = relative(root, source).replaceAll(/[\\/:]/g, '~');
const compiledName = (hash) => `${name}-${hash.slice(0, 16)}.mjs`;
const KIT_FILE = 'kit';

/** The compiled command, if this kit's record says it was built from exactly the sources there are now. */
function cached() {
  try {
    const { inputs, hash, loadsTypeScript } = JSON.parse(readFileSync(join(ownFolder, `${name}.json`), 'utf8'));
    const file = join(ownFolder, compiledName(hash));
    return digest(inputs, readHere) === hash && existsSync(file) ? { file, loadsTypeScript } : undefined;
  } catch {
    return undefined; // no cache yet, or a source was deleted: compile again
  }
}

// Another command may write the same file at the same moment: each writes its own, then renames it.
const place = (file, write) => {
  const own = `${file}.${process.pid}`;
  rmSync(own, { force: true });
  write(own);
  renameSync(own, file);
  rmSync(own, { force: true }); // left in place where it was already a link to the same file
};

/** The map as this kit's copy of it: sources relative to this kit's root. */
const mapHere = (map) => `{"sourceRoot":${JSON.stringify(`${pathToFileURL(root).href}/`)},${map.slice(1)}`;
/** The map as compiled, from a kit's copy of it. */
const mapAsCompiled = (map) => map.replace(/^\{"sourceRoot":"(?:[^"\\]|\\.)*",/, '{');

/**
 * Records the compiled command (`write` writes it, `map` is its source map) as this kit's; the kit's earlier ones
 * go, once no command started just before can still be about to load them.
 */
function keep({ inputs, hash, loadsTypeScript }, write, map) {
  mkdirSync(ownFolder, { recursive: true });
  place(join(ownFolder, KIT_FILE), (file) => writeFileSync(file, root));
  const file = join(ownFolder, compiledName(hash));
  place(file, write);
  place(`${file}.map`, (own) => writeFileSync(own, mapHere(map)));
  place(join(ownFolder, `${name}.json`), (own) =>
    writeFileSync(own, JSON.stringify({ inputs, hash, loadsTypeScript })),
  );
  for (const old of readdirSync(ownFolder)) {
    const earlier = old.startsWith(`${name}-`) && /^[0-9a-f]{16}\.mjs\.map$/.test(old.slice(name.length + 1));
    if (!earlier || old === `${compiledName(hash)}.map`) continue;
    const stem = join(ownFolder, old.slice(0, -'.map'.length));
    try {
      if (Date.now() - statSync(`${stem}.map`).mtimeMs < 60_000) continue;
      for (const file of [stem, `${stem}.map`]) rmSync(file, { force: true });
    } catch {
      // removed by another command meanwhile
    }
  }
  return { file, loadsTypeScript };
}

/** The compiled command of another kit whose sources are byte-identical to this one's, taken without compiling. */
function fromAnotherKit() {
  const tried = new Set();
  for (const kit of readdirSync(cacheFolder)) {
    const folder = join(cacheFolder, kit);
    if (folder === ownFolder) continue;
    try {
      const record = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'));
      if (tried.has(record.hash)) continue;
      tried.add(record.hash);
      if (digest(record.inputs, readHere) !== record.hash) continue;
      const theirs = join(folder, compiledName(record.hash));
      const map = mapAsCompiled(readFileSync(`${theirs}.map`, 'utf8'));
      const link = (own) => {
        try {
          linkSync(theirs, own);
        } catch {
          copyFileSync(theirs, own); // a file system without hard links
        }
      };
      return keep(record, link, map);
    } catch {
      // that kit has not run this command, or is being removed: the next one
    }
  }
  return undefined;
}

/** Removes the compiled commands of kit copies that no longer exist (tests and class runs make many). */
function forgetGoneKits() {
  for (const entry of readdirSync(cacheFolder, { withFileTypes: true })) {
    const path = join(cacheFolder, entry.name);
    try {
      if (entry.isDirectory()) {
        if (!existsSync(readFileSync(join(path, KIT_FILE), 'utf8'))) rmSync(path, { recursive: true, force: true });
      } else if (Date.now() - statSync(path).mtimeMs > 86_400_000) {
        rmSync(path, { force: true }); // an earlier layout's, unused for a day
      }
    } catch {
      // being set up by another command at this moment: left for the next time
    }
  }
}

// The sources as the compiler read them: a file saved again mid-compile must not be digested as compiled.
const seen = new Map();
// A bundled module would see the bundle's location in import.meta; each keeps its own, found at run time from the
// kit's root (see inKit above).
const ownLocation = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      seen.set(path, text);
      const file = JSON.stringify(inKitPath(path));
      const contents = text.replaceAll(
        /\bimport\.meta\.(url|dirname|filename)\b/g,
        (_, key) => `globalThis[Symbol.for("kit-launch")].${key}(${file})`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

async function compile() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Never written there: the map's sources are relative to the output's folder, here the kit's root.
    outfile: join(root, `${name}.mjs`),
    write: false,
    metafile: true,
    sourcemap: 'external',
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  // What compiled them is part of what they were compiled from: the compiler's settings and this launcher (its
  // import.meta replacements).
  const compiledBy = [inKitPath(fileURLToPath(import.meta.url))];
  if (existsSync(join(root, 'tsconfig.json'))) compiledBy.push('tsconfig.json');
  const inputs = [...Object.keys(result.metafile.inputs), ...compiledBy].sort();
  const output = (suffix) => result.outputFiles.find((f) => f.path.endsWith(suffix)).text;
  const hash = digest(inputs, (file) => seen.get(join(root, file)) ?? readFileSync(join(root, file)));
  const text = `${output('.mjs')}//# sourceMappingURL=${encodeURIComponent(compiledName(hash))}.map\n`;
  // An import() of a path computed at run time may name a TypeScript file (a course's plug-in): such a command
  // still needs the TypeScript loader.
  const loadsTypeScript = /\bimport\((?!["'`])/.test(text);
  return keep({ inputs, hash, loadsTypeScript }, (file) => writeFileSync(file, text), output('.map'));
}

let program = cached();
if (!program) {
  try {
    forgetGoneKits();
    program = fromAnotherKit();
  } catch {
    // no cache folder yet
  }
}
if (!program) program = await compile().catch(() => undefined);
if (!program) (await import('tsx/esm/api')).register();
else if (program.loadsTypeScript) {
  // Scoped to the modules imported through it (a course's plug-in and what that imports): registered for the whole
  // process, tsx's hooks would also read every package module loaded after them (Vite and Rolldown are large), about
  // a second of a site build.
  const tsx = (await import('tsx/esm/api')).register({ namespace: 'kit-launch' });
  globalThis[Symbol.for('kit-launch')].import = (url) => tsx.import(url, import.meta.url);
}
// Everything above works from the package's folder, where npm runs its scripts (tsx finds the kit's tsconfig.json from
// there); the command itself, from the folder it was typed in, so that the paths it is given mean what they say.
enterCallerFolder(inKitPath(source));
if (program) {
  // Errors then point at the kit's TypeScript lines, not at the compiled file.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(program.file).href);
} else {
  await import(pathToFileURL(source).href);
}
