// One esbuild build of a learner file that reads nothing but its exercise folder: every import, the entry point
// included, is resolved by the import rule into a namespace of its own, and every file is read by ExerciseFolder
// and pre-scanned, so esbuild itself never opens a file. Runs in the bundler process (bundler-main.ts).
import type { build as esbuildBuild, Message, OutputFile, PartialMessage, Plugin } from 'esbuild';
import { ExerciseFolder, readRefusalMessage } from './exercise-folder.js';
import { loaderFor, refusalMessage, resolveImport, type ImportRequest } from './import-rule.js';
import { firstTooDeep, lineAndColumn, MAX_NESTING } from './nesting-scan.js';

/** All the files one bundle reads together: a few exercise files at most. */
export const TOTAL_BYTES_LIMIT = 256 * 1024;

export interface ConfinedBuildRequest {
  /** Absolute path of the exercise folder (e.g. the staged <course>/), the only place files are read from. */
  folder: string;
  /** The entry file, relative to the folder. */
  file: string;
  /** How to name the folder to the learner, e.g. exercises/<course>. */
  shownAs: string;
}

/** The bundle, or what is wrong with the learner's files as a message naming file, line and what to do. */
export type ConfinedBuildResult = { code: string } | { problem: string };

const NAMESPACE = 'exercise-folder';

function confinedToFolder(folder: ExerciseFolder, shownAs: string): Plugin {
  let bytesRead = 0;
  return {
    name: 'confined-to-exercise-folder',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const request: ImportRequest = {
          specifier: args.path,
          importer: args.namespace === NAMESPACE ? args.importer : '',
          kind: args.kind,
          attributes: args.with,
        };
        const resolved = resolveImport(request, (file) => folder.exists(file));
        if ('refused' in resolved) return { errors: [{ text: refusalMessage(request, resolved.refused, shownAs) }] };
        return { path: resolved.file, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const shown = `${shownAs}/${args.path}`;
        const loader = loaderFor(args.path);
        if (!loader) return { errors: [{ text: `${shown} is not a source file` }] }; // resolveImport lets none through
        const read = folder.read(args.path);
        if ('refused' in read) return { errors: [{ text: readRefusalMessage(shown, read.refused) }] };
        bytesRead += Buffer.byteLength(read.text);
        if (bytesRead > TOTAL_BYTES_LIMIT) {
          return {
            errors: [
              {
                text: `${shown} brings the files this bundle reads to more than ${TOTAL_BYTES_LIMIT / 1024} KB: exercise files are far smaller; remove what the exercise does not need`,
              },
            ],
          };
        }
        const deep = firstTooDeep(read.text);
        if (deep !== undefined) {
          const location = { file: args.path, namespace: NAMESPACE, ...lineAndColumn(read.text, deep) };
          const error: PartialMessage = {
            text: `brackets nest more than ${MAX_NESTING} deep here: no exercise needs that; split the expression into named parts`,
            location,
          };
          return { errors: [error] };
        }
        return { contents: read.text, loader };
      });
      // Nothing resolves elsewhere; should anything try, esbuild must still not read it itself.
      build.onLoad({ filter: /.*/ }, (args) => ({ errors: [{ text: `${args.path} is outside the exercise folder` }] }));
    },
  };
}

/** esbuild names files of a namespace `namespace:path` (in messages and source maps); learners know them as `path`. */
const withoutNamespace = (file: string) => (file.startsWith(`${NAMESPACE}:`) ? file.slice(NAMESPACE.length + 1) : file);

/** `where: message`, naming the file as the learner knows it. */
function describe(message: Message, shownAs: string): string {
  const location = message.location;
  if (!location) return message.text;
  return `${shownAs}/${withoutNamespace(location.file)}:${location.line}:${location.column + 1}: ${message.text}`;
}

/** The bundle's code with its source map inline, naming the learner's files (file.ts) without the namespace. */
function withInlineMap(outputs: OutputFile[]): string {
  const code = outputs.find((output) => !output.path.endsWith('.map'))!.text;
  const map = JSON.parse(outputs.find((output) => output.path.endsWith('.map'))!.text) as { sources: string[] };
  map.sources = map.sources.map(withoutNamespace);
  return `${code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
}

/**
 * Bundles `request.file` with `build` (esbuild's, passed in so that this runs wherever esbuild was loaded). Throws
 * only when esbuild itself failed (its service died): the caller treats that as a crash, not the learner's message.
 */
export async function confinedBuild(
  build: typeof esbuildBuild,
  request: ConfinedBuildRequest,
): Promise<ConfinedBuildResult> {
  let folder: ExerciseFolder;
  try {
    folder = new ExerciseFolder(request.folder);
  } catch {
    return { problem: `${request.shownAs}/ could not be read: restore the folder` };
  }
  try {
    const result = await build({
      entryPoints: [`./${request.file}`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      sourcemap: 'external',
      sourceRoot: '',
      outfile: 'bundle.mjs',
      logLevel: 'silent',
      // An import() whose specifier is computed at run time cannot be checked here: esbuild turns it into a
      // require(), which the sandbox (an ES module, with no require) refuses. Literal ones are resolved above.
      supported: { 'dynamic-import': false },
      plugins: [confinedToFolder(folder, request.shownAs)],
    });
    return { code: withInlineMap(result.outputFiles) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (errors && errors.length > 0) return { problem: describe(errors[0]!, request.shownAs) };
    throw error;
  }
}
