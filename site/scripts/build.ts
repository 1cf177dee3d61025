// `npm run build`: renders every course's pages and bundles them with Vite into a static site (site/dist by default;
// `--out-dir DIR` to put it elsewhere; `--instructor` adds the solutions, into site/dist-instructor). Exports buildSite() for the tests.
import '../../scripts/supported-node.mjs'; // first: an older Node.js is named before Vite loads
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LogLevel } from 'vite';
import { exitOnSignals } from '../../grader/cli/exit-on-signal.js';
import { readOptions, UsageError } from '../../grader/cli/read-options.js';
import { enterCallerFolder } from '../../scripts/caller-folder.mjs';
import { SiteOutputError, siteOutput } from './site-output.js';
import { DEFAULT_OUT_DIR, INSTRUCTOR_OUT_DIR, REPO_ROOT } from './site-paths.js';

export interface SiteBuild {
  outDir: string;
  /** Every module bundled into the pages and workers, as the bundler saw them. */
  modules: string[];
}

export async function buildSite(
  options: { outDir?: string; logLevel?: LogLevel; instructor?: boolean } = {},
): Promise<SiteBuild> {
  const given = options.outDir ?? (options.instructor ? INSTRUCTOR_OUT_DIR : DEFAULT_OUT_DIR);
  // Checked before Vite empties it: `--out-dir exercises` would otherwise delete the learner's work.
  const outDir = siteOutput(resolve(given), REPO_ROOT, options.outDir ?? relative(process.cwd(), given));
  // Loaded only now: with every course's plug-in they take seconds, which a mistyped option should not wait for.
  const [{ build }, { siteConfig }, { moduleRecorder }] = await Promise.all([
    import('vite'),
    import('./site-config.js'),
    import('./module-recorder-plugin.js'),
  ]);
  const recorder = moduleRecorder();
  await build(
    await siteConfig({ outDir, recorder, logLevel: options.logLevel ?? 'info', instructor: options.instructor }),
  );
  return { outDir, modules: recorder.modules() };
}

const USAGE = `usage: npm run build -- [--out-dir DIR] [--instructor]
  --out-dir DIR  where the site goes: a new or empty folder, or an earlier build (default site/dist)
  --instructor   every exercise page also shows its solution (default folder site/dist-instructor); never publish it`;

const OPTIONS = {
  'out-dir': { type: 'string' },
  instructor: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(): Promise<void> {
  enterCallerFolder('site/scripts/build.ts'); // --out-dir names a folder from where the command was typed
  const { values } = readOptions(process.argv.slice(2), OPTIONS, false);
  if (values.help) return void console.log(USAGE);
  const started = performance.now();
  const site = await buildSite({ outDir: values['out-dir'], instructor: values.instructor });
  if (values.instructor)
    console.log('\nInstructor build: every exercise page holds its solution. Do not publish it to learners.');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nSite built in ${seconds} s into ${relative(process.cwd(), site.outDir) || '.'} (${site.modules.length} modules).`,
  );
  console.log(`Open it with any static server, e.g. npx vite preview --outDir ${relative(process.cwd(), site.outDir)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  exitOnSignals(); // the instructor build's copy of the solutions goes when the build is stopped
  main().catch((error: unknown) => {
    if (error instanceof SiteOutputError || error instanceof UsageError) {
      console.error(`error: ${error.message}${error instanceof UsageError ? `\n${USAGE}` : ''}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
