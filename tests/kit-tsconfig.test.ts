// The kit's tsconfig.json leaves out exactly the files that import a module the kit does not have.
import { expect, test } from 'vitest';
import { filesWithMissingImports, kitTsconfig } from '../scripts/release/kit-tsconfig.js';

const kit = new Set([
  'site/plugin.ts',
  'site/data/shipped.ts',
  'scripts/caller-folder.mjs',
  'scripts/caller-folder.d.mts',
  'grader/a.ts',
  'grader/data.json',
]);
const exists = (path: string) => kit.has(path);

test('a file importing a module the kit lacks, in any form, is named; one whose imports all resolve is not', () => {
  const files = [
    { path: 'site/plugin.ts', text: "import { x } from './data/shipped.js';\nexport const y = x;" },
    { path: 'site/lazy.ts', text: "export const f = async () => (await import('./data/runs-solutions.js')).run();" },
    { path: 'site/typed.ts', text: "import type { Step } from '../solutions/course/step.js';\nexport type S = Step;" },
    { path: 'site/mjs.ts', text: "import { here } from '../scripts/caller-folder.mjs';\nexport { here };" },
    { path: 'grader/b.ts', text: "import data from './data.json' with { type: 'json' };\nimport { a } from './a.js';" },
    { path: 'grader/c.ts', text: "import { a } from './missing.js';\nimport 'node:fs';\nimport { z } from 'zod';" },
    { path: 'grader/readme.md', text: "import { a } from './missing.js';" },
  ];
  expect(filesWithMissingImports(files, exists)).toEqual(['grader/c.ts', 'site/lazy.ts', 'site/typed.ts']);
});

test("the tsconfig excludes them beside what the repository's excludes; with none it is the repository's", () => {
  const config = { compilerOptions: { strict: true }, include: ['site'], exclude: ['node_modules'] };
  expect(JSON.parse(kitTsconfig(config, ['site/lazy.ts']))).toEqual({
    ...config,
    exclude: ['node_modules', 'site/lazy.ts'],
  });
  expect(JSON.parse(kitTsconfig(config, []))).toEqual(config);
});
