// The grader's helper processes (the sandbox runner, the bundler) run plain JavaScript bundled from the grader's
// own TypeScript, kept under node_modules/.cache/ while every source it came from is byte-identical (a grading run
// then needs no compiler of its own), and held in memory once read; where a process needs it as a file, the file
// goes into a folder private to this grading process, never under a guessable name in a shared temporary folder.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { makeTemporaryFolder } from '../files/temporary-folders.js';

const root = join(import.meta.dirname, '..', '..');
// Each compiled script is named by its sources' digest and never rewritten: copies of the kit sharing one
// node_modules, some with a source edited, keep theirs side by side, and no grading process pairs the record of
// one with the text of another written meanwhile.
const cacheFolder = join(root, 'node_modules', '.cache', 'kit-scripts');
/** How many compiled versions of one script are kept, the most recently used. */
const KEPT_VERSIONS = 8;
const texts = new Map<string, Promise<string>>();

/** The sources' digest, by their paths relative to the kit's root; `read` gives what the compiler read. */
const digest = (inputs: string[], read = (file: string): string | Buffer => readFileSync(join(root, file))): string => {
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(`${file}\0`).update(read(file)).update('\0');
  return hash.digest('hex');
};

/** The compiled versions of `name` there are, the most recently used first. */
function versions(name: string): string[] {
  const version = (file: string) =>
    file.startsWith(`${name}-`) && /^[0-9a-f]{16}\.json$/.test(file.slice(name.length + 1));
  const found: Array<{ stem: string; used: number }> = [];
  for (const file of readdirSync(cacheFolder).filter(version)) {
    try {
      found.push({
        stem: join(cacheFolder, file.slice(0, -'.json'.length)),
        used: statSync(join(cacheFolder, file)).mtimeMs,
      });
    } catch {
      // removed by another grading process meanwhile
    }
  }
  return found.sort((a, b) => b.used - a.used).map((v) => v.stem);
}

/** The compiled text kept for `name` whose sources are all as they are now, if there is one. */
function kept(name: string): string | undefined {
  const contents = new Map<string, Buffer>();
  const read = (file: string): Buffer => {
    if (!contents.has(file)) contents.set(file, readFileSync(join(root, file)));
    return contents.get(file)!;
  };
  try {
    for (const stem of versions(name)) {
      try {
        const { inputs, hash } = JSON.parse(readFileSync(`${stem}.json`, 'utf8')) as { inputs: string[]; hash: string };
        if (digest(inputs, read) !== hash) continue;
        const text = readFileSync(`${stem}.mjs`, 'utf8');
        try {
          const now = new Date();
          utimesSync(`${stem}.json`, now, now); // most recently used: kept the longest
        } catch {
          // a read-only kit: nothing is ever removed there
        }
        return text;
      } catch {
        // a source it came from is gone here, or another process removed this version meanwhile: the next one
      }
    }
  } catch {
    // no cache yet
  }
  return undefined;
}

async function compile(path: string, name: string): Promise<string> {
  const seen = new Map<string, string>();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [
      {
        // The sources as the compiler read them: a file saved again meanwhile must not be digested as compiled.
        name: 'remember-sources',
        setup(build) {
          build.onLoad({ filter: /\.[cm]?[jt]s$/ }, ({ path }) => {
            const contents = readFileSync(path, 'utf8');
            seen.set(relative(root, path), contents);
            return { contents, loader: /\.[cm]?ts$/.test(path) ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const text = result.outputFiles[0]!.text;
  // The compiler's settings are part of what it compiled from.
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    ...(existsSync(join(root, 'tsconfig.json')) ? ['tsconfig.json'] : []),
  ];
  inputs.sort();
  try {
    const hash = digest(inputs, (file) => seen.get(file) ?? readFileSync(join(root, file)));
    mkdirSync(cacheFolder, { recursive: true });
    // Another grading process may compile the same script at the same moment: each writes its own, then renames.
    const place = (file: string, contents: string) => {
      writeFileSync(`${file}.${process.pid}`, contents);
      renameSync(`${file}.${process.pid}`, file);
    };
    const stem = join(cacheFolder, `${name}-${hash.slice(0, 16)}`);
    place(`${stem}.mjs`, text);
    place(`${stem}.json`, JSON.stringify({ inputs, hash }));
    for (const old of [...versions(name).slice(KEPT_VERSIONS), join(cacheFolder, name)]) {
      for (const file of [`${old}.json`, `${old}.mjs`]) rmSync(file, { force: true });
    }
  } catch {
    // a read-only kit, or a source removed meanwhile: compiled again next time
  }
  return text;
}

/** `entry` (a file of grader/sandbox/, or an absolute path) and everything it imports, as one ES module's text. */
export function compiledScript(entry: string): Promise<string> {
  let text = texts.get(entry);
  if (!text) {
    const path = isAbsolute(entry) ? entry : join(import.meta.dirname, entry);
    const name = relative(root, path).replaceAll(/[\\/:]/g, '~');
    const found = kept(name);
    text = found !== undefined ? Promise.resolve(found) : compile(path, name);
    text.catch(() => texts.delete(entry));
    texts.set(entry, text);
  }
  return text;
}

let privateFolder: string | undefined;

/** The compiled script written to a file of this grading process's own (removed when it exits). */
export async function compiledScriptFile(entry: string): Promise<string> {
  const text = await compiledScript(entry);
  if (!privateFolder) {
    privateFolder = makeTemporaryFolder('grader-scripts-');
  }
  const path = join(privateFolder, entry.replace(/\.ts$/, '.mjs'));
  writeFileSync(path, text, { flag: 'w', mode: 0o600 });
  return path;
}

/**
 * A course's sandbox drivers (grader/<course>/drivers.ts), bundled for the runner to import; a course without
 * drivers of its own has the runner's built-in ones only.
 */
export function compiledDrivers(course: string): Promise<string> {
  if (!/^[a-z][a-z0-9-]*$/.test(course)) throw new Error(`"${course}" is not a course id`);
  const file = join(import.meta.dirname, '..', course, 'drivers.ts');
  return existsSync(file) ? compiledScript(file) : Promise.resolve('export default {};\n');
}
