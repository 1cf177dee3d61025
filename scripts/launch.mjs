// Starts one of the kit's TypeScript commands quickly: the command and the kit modules it imports are compiled
// once into one JavaScript file (esbuild, packages left as imports), kept under node_modules/.cache/ and reused
// while every source file it came from is byte-identical. Loading fifty modules through a TypeScript loader on
// every run cost more than the command's own work; tsx remains the fallback where no cache can be written.
// usage: node scripts/launch.mjs <entry.ts> [args...]
import { createHash } from 'node:crypto';
import module from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Part of the cache key: a compiled file from another layout of this launcher is never reused.
const FORMAT = 1;

// Node.js 22 and later keep V8's compiled code of the packages on disk (vitest and Vite are large); the worker
// threads and helper processes a command starts inherit it through the environment.
if (module.enableCompileCache?.().directory) process.env.NODE_COMPILE_CACHE ??= module.getCompileCacheDir();

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/launch.mjs <entry.ts> [args...]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const source = resolve(entry);
process.argv = [process.argv[0], source, ...args];

/** `read` gives a source's content: what the compiler saw, when digesting what it compiled. */
const digest = (files, read = (file) => readFileSync(join(root, file))) => {
  const hash = createHash('sha256').update(`${FORMAT}\0`);
  for (const file of files) hash.update(`${file}\0`).update(read(file)).update('\0');
  return hash.digest('hex');
};

const cacheFolder = join(root, 'node_modules', '.cache', 'kit-launch');
// Keyed by the kit's location too: a compiled file has its modules' paths written in, and copies of the kit may
// share one node_modules.
const cacheName = `${relative(root, source).replaceAll(/[\\/:]/g, '~')}-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;
const compiled = join(cacheFolder, `${cacheName}.mjs`);
const inputsFile = join(cacheFolder, `${cacheName}.json`);

/** The compiled command, if the cache holds one built from exactly the sources there are now. */
function cached() {
  try {
    const { inputs, hash, loadsTypeScript } = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return digest(inputs) === hash ? { file: compiled, loadsTypeScript } : undefined;
  } catch {
    return undefined; // no cache yet, or a source was deleted: compile again
  }
}

// A bundled module would see the bundle's location in import.meta; each keeps its own, as the kit's paths
// (the kit's root, a course's drivers) are found from there.
// The sources as the compiler read them: a file saved again mid-compile must not be digested as compiled.
const seen = new Map();
const ownLocation = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      seen.set(path, text);
      const meta = { url: pathToFileURL(path).href, dirname: dirname(path), filename: path };
      const contents = text.replaceAll(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) =>
        JSON.stringify(meta[key]),
      );
      return { contents, loader: 'ts' };
    });
  },
};

/** Removes the compiled commands of kit copies that no longer exist (tests and class runs make many). */
function forgetGoneKits() {
  for (const name of readdirSync(cacheFolder).filter((n) => n.endsWith('.json'))) {
    try {
      const kit = JSON.parse(readFileSync(join(cacheFolder, name), 'utf8')).root;
      if (typeof kit === 'string' && !existsSync(kit)) {
        const stem = join(cacheFolder, name.slice(0, -'.json'.length));
        for (const file of [`${stem}.json`, `${stem}.mjs`, `${stem}.mjs.map`]) rmSync(file, { force: true });
      }
    } catch {
      // being written by another command at this moment: left for the next time
    }
  }
}

async function compile() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: compiled,
    write: false,
    metafile: true,
    sourcemap: 'linked',
    sourceRoot: root,
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const text = result.outputFiles.find((f) => f.path.endsWith('.mjs')).text;
  // An import() of a path computed at run time may name a TypeScript file (a course's plug-in): such a command
  // still needs the TypeScript loader.
  const loadsTypeScript = /\bimport\((?!["'`])/.test(text);
  mkdirSync(cacheFolder, { recursive: true });
  forgetGoneKits();
  // Another command may compile the same entry at the same moment: each writes its own files, then renames them.
  const place = (file, contents) => {
    writeFileSync(`${file}.${process.pid}`, contents);
    renameSync(`${file}.${process.pid}`, file);
  };
  const hash = digest(inputs, (file) => seen.get(join(root, file)) ?? readFileSync(join(root, file)));
  place(`${compiled}.map`, result.outputFiles.find((f) => f.path.endsWith('.map')).contents);
  place(compiled, text);
  place(inputsFile, JSON.stringify({ root, inputs, hash, loadsTypeScript }));
  return { file: compiled, loadsTypeScript };
}

let program = cached();
if (!program) program = await compile().catch(() => undefined);
if (!program || program.loadsTypeScript) (await import('tsx/esm/api')).register();
if (program) {
  // Errors then point at the kit's TypeScript lines, not at the compiled file.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(program.file).href);
} else {
  await import(pathToFileURL(source).href);
}
