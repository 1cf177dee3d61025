// The grader's helper processes (the sandbox runner, the bundler) run plain JavaScript bundled from the grader's
// own TypeScript, kept under node_modules/.cache/ while every source it came from is byte-identical (a grading run
// then needs no compiler of its own), and held in memory once read; where a process needs it as a file, the file
// goes into a folder private to this grading process, never under a guessable name in a shared temporary folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cacheFolder = join(root, 'node_modules', '.cache', 'kit-scripts');
const texts = new Map<string, Promise<string>>();

/** The sources' digest, by their paths relative to the kit's root; `read` gives what the compiler read. */
const digest = (inputs: string[], read = (file: string): string | Buffer => readFileSync(join(root, file))): string => {
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(`${file}\0`).update(read(file)).update('\0');
  return hash.digest('hex');
};

/** The compiled text kept for `name`, if every source it came from is unchanged. */
function kept(name: string): string | undefined {
  try {
    const { inputs, hash } = JSON.parse(readFileSync(join(cacheFolder, `${name}.json`), 'utf8')) as {
      inputs: string[];
      hash: string;
    };
    return digest(inputs) === hash ? readFileSync(join(cacheFolder, `${name}.mjs`), 'utf8') : undefined;
  } catch {
    return undefined; // none yet, or a source is gone: compile again
  }
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
  const inputs = Object.keys(result.metafile.inputs).sort();
  try {
    mkdirSync(cacheFolder, { recursive: true });
    // Another grading process may compile the same script at the same moment: each writes its own, then renames.
    const place = (file: string, contents: string) => {
      writeFileSync(`${file}.${process.pid}`, contents);
      renameSync(`${file}.${process.pid}`, file);
    };
    place(join(cacheFolder, `${name}.mjs`), text);
    place(
      join(cacheFolder, `${name}.json`),
      JSON.stringify({ inputs, hash: digest(inputs, (file) => seen.get(file) ?? readFileSync(join(root, file))) }),
    );
  } catch {
    // a read-only kit: compiled again next time
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
    privateFolder = mkdtempSync(join(tmpdir(), 'grader-scripts-'));
    const folder = privateFolder;
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
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
