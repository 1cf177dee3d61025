// The grader's helper processes (the sandbox runner, the bundler) run plain JavaScript bundled from the grader's
// own TypeScript once per grading process, in memory; where a process needs it as a file, the file goes into a
// folder private to this grading process, never under a guessable name in a shared temporary folder.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { build } from 'esbuild';

const texts = new Map<string, Promise<string>>();

/** `entry` (a file of grader/sandbox/, or an absolute path) and everything it imports, as one ES module's text. */
export function compiledScript(entry: string): Promise<string> {
  let text = texts.get(entry);
  if (!text) {
    text = build({
      entryPoints: [isAbsolute(entry) ? entry : join(import.meta.dirname, entry)],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
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
