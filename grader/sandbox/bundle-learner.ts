// Turns a learner's TypeScript file (and the files it imports from its own folder) into one JavaScript module
// for the sandbox. Imports of Node.js built-ins or packages are refused: learner code needs neither.
import { build, type Message, type Plugin } from 'esbuild';
import { join, relative, resolve } from 'node:path';

export class LearnerBuildError extends Error {
  override name = 'LearnerBuildError';
}

const ownFilesOnly: Plugin = {
  name: 'own-files-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => ({
      errors: [{ text: `\`import '${args.path}'\` is not allowed in exercise code: use only the files of the exercise folder` }],
    }));
  },
};

/** `where: message`, naming the file as the learner knows it: `shownAs` stands for the folder `dir`. */
function describe(message: Message, dir: string, shownAs: string): string {
  const location = message.location;
  const where = location ? `${join(shownAs, relative(dir, resolve(location.file)))}:${location.line}:${location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

/** The bundled module's source, with an inline source map so that stack traces name the learner's lines. */
export async function bundleLearner(file: string, dir: string, shownAs: string): Promise<string> {
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      sourcemap: 'inline',
      sourceRoot: '',
      logLevel: 'silent',
      plugins: [ownFilesOnly],
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (errors && errors.length > 0) throw new LearnerBuildError(describe(errors[0]!, dir, shownAs));
    throw error;
  }
}
