// `npm run site`: the Vite dev server for the course pages. Pages re-render when a template or markdown file
// changes, and saving a file in exercises/ reloads the page so the charts run the new code.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { siteConfig } from './site-config.js';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const server = await createServer(await siteConfig({ port: values.port ? Number(values.port) : undefined }));
await server.listen();
server.printUrls();
server.bindCLIShortcuts({ print: true });

// Close the watcher and sockets on Ctrl+C or a plain kill, rather than leaving Node to tear them down mid-write.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
