// `npm run site`: the Vite dev server for the course pages. Pages re-render when a template or markdown file
// changes, and saving a file in exercises/ reloads the page so the charts run the new code.
import '../../scripts/supported-node.mjs'; // first: an older Node.js is named before Vite loads
import { readOptions, UsageError } from '../../grader/cli/read-options.js';

const USAGE = `usage: npm run site -- [--port N]
  --port N  serve on http://127.0.0.1:N (default 5173; the next free port if it is taken)`;

/** The port asked for, a whole number a server can listen on; the default when none is given. */
function sitePort(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  const port = Number(given);
  if (!/^\d+$/.test(given) || port < 1 || port > 65535)
    throw new UsageError(`--port ${given}: a port is a whole number from 1 to 65535, e.g. --port 5174`);
  return port;
}

async function main(argv: string[]): Promise<number> {
  const { values } = readOptions(argv, { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = sitePort(values.port);
  // Loaded once the options are known to be good: Vite and every course's plug-in take seconds to load.
  const [{ createServer }, { siteConfig }] = await Promise.all([import('vite'), import('./site-config.js')]);
  const server = await createServer(await siteConfig({ port }));
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });

  // Close the watcher and sockets on Ctrl+C or a plain kill, rather than leaving Node to tear them down mid-write.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`error: ${error.message}\n${USAGE}`);
  process.exitCode = 2;
}
