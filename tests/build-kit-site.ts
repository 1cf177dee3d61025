// Builds the site of a kit (this repository or a copy of it) in a process of its own and writes the build's outcome,
// its module graph included, as JSON. It loads the kit's own site/ scripts, so that the kit's learner files are
// the ones bundled. usage: node scripts/launch.mjs tests/build-kit-site.ts KIT OUT_DIR RESULT_FILE [--instructor]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importTypeScript } from '../site/scripts/import-typescript.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { instructor: { type: 'boolean' } } });
const [kit, outDir, resultFile] = positionals;
if (!kit || !outDir || !resultFile)
  throw new Error('usage: node scripts/launch.mjs tests/build-kit-site.ts KIT OUT_DIR RESULT_FILE');
const { buildSite } = (await importTypeScript(
  pathToFileURL(join(kit, 'site', 'scripts', 'build.ts')).href,
)) as typeof import('../site/scripts/build.js');
writeFileSync(resultFile, JSON.stringify(await buildSite({ outDir, logLevel: 'warn', instructor: values.instructor })));
