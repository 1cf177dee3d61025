// Starts one of the kit's TypeScript commands quickly: its heavy dependencies are imported natively first
// (through tsx's loader they take three times as long), then tsx is registered to compile the kit's own modules.
// usage: node scripts/launch.mjs <entry.ts> [args...]   (preloads come from PRELOAD below, by entry)
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const PRELOAD = {
  'grader/cli/grade.ts': ['vitest/node'],
  'scripts/stubs.ts': ['ts-morph'],
  'scripts/release.ts': ['ts-morph'],
  'scripts/check.ts': ['ts-morph'],
  'bench/stubs-scaling.ts': ['ts-morph'],
  'bench/watch-latency.ts': [],
  'bench/class-batch.ts': [],
};

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/launch.mjs <entry.ts> [args...]');
  process.exit(2);
}
await Promise.all((PRELOAD[entry] ?? []).map((specifier) => import(specifier)));
register();
process.argv = [process.argv[0], resolve(entry), ...args];
await import(pathToFileURL(resolve(entry)).href);
