// The bundle-time doors: a learner file is bundled reading nothing but its own exercise folder, and a file that
// strains esbuild fails its own submission only. Every attack of tests/adversarial/bundle/ is one submission of a
// class graded by the CLI in a kit copy (no pass, a message naming the import, bounded time, no kit file changed); a
// class with pathological members still grades the honest ones; and the import rule, the pre-scan, the folder reader
// and the bundler process on their own, in-process, while both classes are graded.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleLearner, LearnerBuildError } from '../grader/sandbox/bundle-learner.js';
import { confinedBuild, type ConfinedBuildResult } from '../grader/sandbox/confined-build.js';
import { refusalMessage, resolveImport, type ImportRequest } from '../grader/sandbox/import-rule.js';
import { firstTooDeep, MAX_NESTING } from '../grader/sandbox/nesting-scan.js';
import { exerciseOf, gradeClassRun, type ClassRun } from './class-run.js';
import { KIT_ROOT, makeSandbox, snapshot } from './kit-sandbox.js';

const CORPUS = join(KIT_ROOT, 'tests', 'adversarial', 'bundle');
const SHOWN = 'exercises/optimizers';

/** A corpus file made real: the kit's path for __KIT__, repeats expanded, and its `// symlink NAME -> TARGET` lines. */
function instantiate(template: string, kit: string): { source: string; links: Array<[string, string]> } {
  const source = template
    .replaceAll('__KIT__', kit)
    .replace(/\/\*__REPEAT\((\d+), '([^']*)'\)__\*\//g, (_, count: string, text: string) => text.repeat(Number(count)));
  const links = [...source.matchAll(/^\/\/ symlink (\S+) -> (\S+)$/gm)].map((m): [string, string] => [m[1]!, m[2]!]);
  return { source, links };
}

/**
 * Every attack of the corpus together must be graded within this: each is refused before it runs, or within the
 * bundler's 5 s; one that hung the grader would hold it until its watchdog.
 */
const CLASS_SECONDS = 120;

const REACHES_OUT = 'reaches outside your exercise folder: import only files of';
const attribute = (type: string) =>
  `\`import './parameter.ts' with { type: '${type}' }\`: import attributes are not allowed here`;
const BUNDLER_ADVICE = 'esbuild, not your code, was running';

/** A file esbuild chokes on ends with one of these; which one depends on how fast it runs out of memory here. */
const BOUNDED = new RegExp(
  `sgd\\.ts (made the bundler run out of memory or crash|took longer than 5 s to bundle) \\(${BUNDLER_ADVICE}`,
);

/** What each attack's report must say (with the kit copy's path for __KIT__); none may pass. */
const expected: Record<string, Array<string | RegExp>> = {
  'absolute-solution': [`\`import '__KIT__/solutions/optimizers/sgd.ts'\` ${REACHES_OUT}`],
  'absolute-hidden-json': [
    `\`import '__KIT__/grader/optimizers/hidden/cases.json' with { type: 'json' }\` ${REACHES_OUT}`,
  ],
  'relative-solution': [`\`import '../../solutions/optimizers/sgd.ts'\` ${REACHES_OUT}`],
  'relative-normalised': [`\`import './sub/../../../solutions/optimizers/sgd.js'\` ${REACHES_OUT}`],
  'etc-passwd-text': [
    `\`import '../../../../../../../../../../../../etc/passwd' with { type: 'text' }\` ${REACHES_OUT}`,
  ],
  'dev-zero-text': [`\`import '/dev/zero' with { type: 'text' }\` ${REACHES_OUT}`],
  'attribute-file': [attribute('file')],
  'attribute-binary': [attribute('binary')],
  'attribute-base64': [attribute('base64')],
  'attribute-dataurl': [attribute('dataurl')],
  'attribute-text': [attribute('text')],
  'attribute-json-on-ts': [attribute('json')],
  // Intake refuses links before the bundler sees them; the bundler refuses them too (see the folder tests below).
  // A refused learner file is named in its exercise's verdict (checked below), not called missing.
  'symlink-entry': ['optimizers/sgd.ts is a symbolic link: upload the file itself'],
  'symlink-import': ["`import './momentum.js'`: there is no file", 'optimizers/momentum.ts is a symbolic link'],
  'require-absolute': [`\`require('__KIT__/solutions/optimizers/sgd.ts')\` ${REACHES_OUT}`],
  'dynamic-import-absolute': [`\`import('__KIT__/solutions/optimizers/sgd.ts')\` ${REACHES_OUT}`],
  'export-star': [`\`import '__KIT__/solutions/optimizers/sgd.ts'\` ${REACHES_OUT}`],
  'file-url': ["`import 'file://__KIT__/solutions/optimizers/sgd.ts'` is not allowed in exercise code"],
  'deep-brackets': [`brackets nest more than ${MAX_NESTING} deep here`],
  // Over intake's 256 KB: refused before staging, so never bundled.
  'million-brackets': ['optimizers/sgd.ts is larger than 256 KB'],
  'huge-file': ['optimizers/sgd.ts is larger than 256 KB'],
  'large-file': ['sgd.ts is 98 KB, more than the 64 KB an exercise file may have'],
  'if-chain': [BOUNDED],
  'arrow-chain': [`sgd.ts took longer than 5 s to bundle (${BUNDLER_ADVICE}`],
};
/** Refused imports name where they are: `…/optimizers/sgd.ts:LINE:COLUMN: \`import …\``. */
const located = Object.keys(expected).filter(
  (name) => String(expected[name]![0]).startsWith('`') || name === 'deep-brackets',
);
/** Files intake refuses (a link, over 256 KB): the verdict of sgd itself says why, as its first expected part. */
const refusedAtIntake = ['symlink-entry', 'million-brackets', 'huge-file'];

/** A class laid out and graded in a copy of the kit of its own. */
interface GradedClass {
  kit: { root: string; dispose(): void };
  work: string;
  run: ClassRun;
}

/** A folder of submissions made by `lay(classDir, kitRoot)`, graded on `exercises` in a fresh kit copy. */
async function gradeInKitCopy(
  lay: (classDir: string, kitRoot: string) => void,
  exercises: string[],
): Promise<GradedClass & { kitBefore: Record<string, string> }> {
  const kit = makeSandbox();
  const work = mkdtempSync(join(tmpdir(), 'adversarial-bundle-'));
  const kitBefore = kitFiles(kit.root);
  lay(join(work, 'class'), kit.root);
  const run = await gradeClassRun({
    kit: kit.root,
    submissions: join(work, 'class'),
    out: join(work, 'out'),
    exercises,
    killAfterMs: 2 * CLASS_SECONDS * 1000,
  });
  return { kit, work, run, kitBefore };
}

const kitFiles = (kit: string) => ({
  ...snapshot(join(kit, 'grader')),
  ...snapshot(join(kit, 'solutions')),
  ...snapshot(join(kit, 'exercises')),
});

/** One submission per attack: a copy of exercises/ with the attack as optimizers/sgd.ts (and its links). */
function layCorpus(classDir: string, kit: string): void {
  for (const file of readdirSync(CORPUS)) {
    const member = join(classDir, file.replace(/\.ts$/, ''));
    cpSync(join(kit, 'exercises'), member, { recursive: true });
    const { source, links } = instantiate(readFileSync(join(CORPUS, file), 'utf8'), kit);
    writeFileSync(join(member, 'optimizers', 'sgd.ts'), source);
    for (const [link, to] of links) {
      rmSync(join(member, 'optimizers', link));
      symlinkSync(to, join(member, 'optimizers', link));
    }
  }
}

/** Honest members with the two files that strain esbuild between them (alphabetical order alternates them). */
function layPathological(classDir: string, kit: string): void {
  const member = (id: string, sgd: string) => {
    mkdirSync(join(classDir, id, 'optimizers'), { recursive: true });
    writeFileSync(join(classDir, id, 'optimizers', 'sgd.ts'), sgd);
    cpSync(join(kit, 'solutions', 'optimizers', 'momentum.ts'), join(classDir, id, 'optimizers', 'momentum.ts'));
  };
  const honest = readFileSync(join(kit, 'solutions', 'optimizers', 'sgd.ts'), 'utf8');
  const corpus = (name: string) => instantiate(readFileSync(join(CORPUS, `${name}.ts`), 'utf8'), kit).source;
  member('a-honest', honest);
  member('b-crashes-esbuild', corpus('if-chain'));
  member('c-honest', honest);
  member('d-stalls-esbuild', corpus('arrow-chain'));
  member('e-honest', honest);
}

// Both classes are graded from the start, while the in-process tests below run; their tests await them.
let corpusGrading: ReturnType<typeof gradeInKitCopy>;
let pathologicalGrading: ReturnType<typeof gradeInKitCopy>;
beforeAll(() => {
  corpusGrading = gradeInKitCopy(layCorpus, ['sgd']);
  pathologicalGrading = gradeInKitCopy(layPathological, ['sgd', 'momentum']);
  // A failure is reported where the tests await them.
  corpusGrading.catch(() => undefined);
  pathologicalGrading.catch(() => undefined);
});
afterAll(async () => {
  for (const graded of await Promise.allSettled([corpusGrading, pathologicalGrading])) {
    if (graded.status !== 'fulfilled') continue;
    rmSync(graded.value.work, { recursive: true, force: true });
    graded.value.kit.dispose();
  }
});

describe('the import rule', () => {
  const files = new Set([
    'sgd.ts',
    'parameter.ts',
    'legacy.js',
    'data.json',
    'notes.txt',
    'index.ts',
    'lib/index.ts',
    'lib/helper.ts',
  ]);
  const probed: string[] = [];
  const exists = (file: string) => {
    probed.push(file);
    return files.has(file);
  };
  const request = (
    specifier: string,
    attributes: Record<string, string> = {},
    importer = 'sgd.ts',
    kind = 'import-statement',
  ): ImportRequest => ({ specifier, importer, kind, attributes });

  test.each([
    ['./parameter.js', 'sgd.ts', 'parameter.ts'],
    ['./parameter', 'sgd.ts', 'parameter.ts'],
    ['./parameter.ts', 'sgd.ts', 'parameter.ts'],
    ['./legacy.js', 'sgd.ts', 'legacy.js'],
    ['./data.json', 'sgd.ts', 'data.json'],
    ['./lib', 'sgd.ts', 'lib/index.ts'],
    ['./lib/', 'sgd.ts', 'lib/index.ts'],
    ['./', 'sgd.ts', 'index.ts'],
    ['.', 'sgd.ts', 'index.ts'],
    ['../parameter.js', 'lib/helper.ts', 'parameter.ts'],
    ['./helper.js', 'lib/index.ts', 'lib/helper.ts'],
    ['./lib/../parameter.js', 'sgd.ts', 'parameter.ts'],
    ['./sgd.ts', '', 'sgd.ts'],
  ])('%s from %s is %s of the folder', (specifier, importer, file) => {
    expect(resolveImport(request(specifier, {}, importer), exists)).toMatchObject({ file });
  });

  test('JSON may be imported with `with { type: "json" }`, and gets the JSON loader', () => {
    expect(resolveImport(request('./data.json', { type: 'json' }), exists)).toEqual({
      file: 'data.json',
      loader: 'json',
    });
    expect(resolveImport(request('./parameter.js'), exists)).toEqual({ file: 'parameter.ts', loader: 'ts' });
  });

  test.each([
    ['/etc/passwd', 'sgd.ts'],
    ['/dev/zero', 'sgd.ts'],
    ['../sgd.ts', 'sgd.ts'],
    ['..', 'sgd.ts'],
    ['./lib/../../sgd.ts', 'sgd.ts'],
    ['../../solutions/optimizers/sgd.ts', 'sgd.ts'],
    ['../../x.ts', 'lib/helper.ts'],
  ])('%s from %s reaches outside, and nothing outside is even looked at', (specifier, importer) => {
    probed.length = 0;
    expect(resolveImport(request(specifier, {}, importer), exists)).toEqual({ refused: { reason: 'outside' } });
    expect(probed).toEqual([]);
  });

  test.each([
    'fs',
    'node:fs',
    'esbuild',
    'file:///etc/passwd',
    'data:text/javascript,export default 1',
    'https://example.com/x.js',
    '.\\parameter.ts',
    '',
  ])('%j is no file of the folder', (specifier) => {
    probed.length = 0;
    expect(resolveImport(request(specifier), exists)).toEqual({ refused: { reason: 'not-a-file-import' } });
    expect(probed).toEqual([]);
  });

  test.each([
    ['./parameter.ts', { type: 'text' }],
    ['./parameter.ts', { type: 'file' }],
    ['./parameter.ts', { type: 'binary' }],
    ['./parameter.ts', { type: 'base64' }],
    ['./parameter.ts', { type: 'dataurl' }],
    ['./parameter.ts', { type: 'copy' }],
    ['./parameter.ts', { type: 'json' }],
    ['./data.json', { type: 'text' }],
    ['./data.json', { type: 'json', loader: 'text' }],
    ['./data.json', { kind: 'json' }],
  ])('%s with %j is refused for its attributes', (specifier, attributes) => {
    expect(resolveImport(request(specifier, attributes), exists)).toEqual({ refused: { reason: 'attributes' } });
  });

  test('a file that is not source, and one that does not exist', () => {
    expect(resolveImport(request('./notes.txt'), exists)).toEqual({
      refused: { reason: 'not-source', file: 'notes.txt' },
    });
    // Named as the TypeScript file the import stands for, the one to create or bring back.
    expect(resolveImport(request('./nothing.js'), exists)).toEqual({
      refused: { reason: 'missing', file: 'nothing.ts' },
    });
    expect(resolveImport(request('./nothing'), exists)).toEqual({ refused: { reason: 'missing', file: 'nothing' } });
  });

  test('the message names the import as written and says what to do', () => {
    const passwd = request('/etc/passwd');
    expect(refusalMessage(passwd, { reason: 'outside' }, SHOWN)).toBe(
      "`import '/etc/passwd'` reaches outside your exercise folder: import only files of exercises/optimizers/ by a relative path like './parameter.js'",
    );
    expect(
      refusalMessage(request('/etc/passwd', { type: 'text' }, 'sgd.ts', 'require-call'), { reason: 'outside' }, SHOWN),
    ).toMatch(/^`require\('\/etc\/passwd'\)`/);
    expect(
      refusalMessage(
        request('/etc/passwd', { type: 'text' }, 'sgd.ts', 'dynamic-import'),
        { reason: 'outside' },
        SHOWN,
      ),
    ).toMatch(/^`import\('\/etc\/passwd', \{ with: \{ type: 'text' \} \}\)`/);
    expect(refusalMessage(request('node:fs'), { reason: 'not-a-file-import' }, SHOWN)).toMatch(
      /^`import 'node:fs'` is not allowed in exercise code/,
    );
  });
});

describe('the nesting pre-scan', () => {
  const sourcesBelow = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name));

  test('passes every honest file: the exercises, the solutions, the learner variants and the grader itself', () => {
    const honest = [
      ...sourcesBelow(join(KIT_ROOT, 'exercises')),
      ...sourcesBelow(join(KIT_ROOT, 'solutions')),
      ...sourcesBelow(join(KIT_ROOT, 'tests', 'learner-variants')),
      ...sourcesBelow(join(KIT_ROOT, 'grader')),
    ];
    expect(honest.length).toBeGreaterThan(50);
    expect(honest.filter((file) => firstTooDeep(readFileSync(file, 'utf8')) !== undefined)).toEqual([]);
  });

  test('finds the first bracket past the limit', () => {
    expect(firstTooDeep('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING))).toBeUndefined();
    expect(firstTooDeep(`x = ${'['.repeat(MAX_NESTING + 1)}`)).toBe(4 + MAX_NESTING);
    expect(firstTooDeep('`${'.repeat(MAX_NESTING + 1))).toBeDefined();
    expect(firstTooDeep(`f(${'{a: '.repeat(60)}${'(1 + '.repeat(60)}`)).toBeDefined();
  });

  test('brackets in comments, strings, template text and regular expressions do not count', () => {
    const open = '('.repeat(500);
    expect(
      firstTooDeep(
        `// ${open}\n/* ${open} */ const s = '${open}' + "${open}" + \`${open}\`; const r = /[(]${'\\('.repeat(200)}/g;`,
      ),
    ).toBeUndefined();
  });

  test('closing brackets hidden in comments, strings or regular expressions cannot hide real nesting', () => {
    expect(firstTooDeep('(/*)*/'.repeat(200))).toBeDefined();
    expect(firstTooDeep('(")"'.repeat(200))).toBeDefined();
    expect(firstTooDeep('(`)`'.repeat(200))).toBeDefined();
    // After `if (…)` a `/` starts a regular expression: its `)` closes nothing.
    expect(firstTooDeep('{ if (a) /)/.test(s); '.repeat(200))).toBeDefined();
    // After an object literal's `}` a `/` is a division: the brackets that follow still count.
    expect(firstTooDeep(`x = {} / ${'('.repeat(200)}1`)).toBeDefined();
  });
});

describe('the exercise folder, as the bundler reads it', () => {
  let folder: string;
  const bundle = (entry: string, source: string): Promise<ConfinedBuildResult> => {
    writeFileSync(join(folder, entry), source);
    return confinedBuild(build, { folder, file: entry, shownAs: SHOWN });
  };
  const problem = async (entry: string, source: string) => {
    const result = await bundle(entry, source);
    expect(result, 'it bundled').toHaveProperty('problem');
    return (result as { problem: string }).problem;
  };

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'adversarial-bundle-folder-'));
    cpSync(join(KIT_ROOT, 'exercises', 'optimizers'), folder, { recursive: true });
    symlinkSync(join(KIT_ROOT, 'grader', 'optimizers', 'fixtures', 'cases.json'), join(folder, 'link-out.json'));
    symlinkSync(join(KIT_ROOT, 'solutions', 'optimizers'), join(folder, 'linked-dir'));
    symlinkSync('/dev/zero', join(folder, 'zero.json'));
    symlinkSync('parameter.ts', join(folder, 'link-in.ts'));
    spawnSync('mkfifo', [join(folder, 'fifo.json')]);
    writeFileSync(join(folder, 'data.json'), '{ "rate": 0.5 }');
    // esbuild would fail on this tsconfig if it read it: it must not, as it reads no file at all.
    writeFileSync(
      join(folder, 'tsconfig.json'),
      '{ "extends": "/nowhere/tsconfig.json", "compilerOptions": { "verbatimModuleSyntax": true } }',
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('honest imports bundle, with a source map that names the learner files and no path of the machine', async () => {
    const result = await bundle(
      'honest.ts',
      "import { gradientOf } from './parameter.js';\nimport { createParameter } from './parameter';\nimport { type Parameter } from './parameter.ts';\nimport data from './data.json' with { type: 'json' };\nimport { gradientOf as again } from './link-in.js';\nexport const use = (p: Parameter) => [gradientOf, createParameter, again, data.rate, p];\n",
    );
    expect(result).toHaveProperty('code');
    const code = (result as { code: string }).code;
    const map = JSON.parse(
      Buffer.from(/sourceMappingURL=data:application\/json;base64,(.+)$/m.exec(code)![1]!, 'base64').toString(),
    ) as { sources: string[] };
    expect(map.sources.sort()).toEqual(['data.json', 'honest.ts', 'link-in.ts', 'parameter.ts']);
    expect(code).not.toContain(folder);
  });

  test('a stack trace in the bundle maps back to the learner line', async () => {
    const result = await bundle(
      'thrower.ts',
      "import { createParameter } from './parameter.js';\nexport const p = createParameter;\n\nthrow new Error('from line 4');\n",
    );
    const file = join(folder, 'thrower.bundle.mjs');
    writeFileSync(file, (result as { code: string }).code);
    const run = spawnSync(process.execPath, ['--enable-source-maps', file], { encoding: 'utf8' });
    expect(run.stderr).toMatch(/thrower\.ts:4:\d+/);
  });

  test('a link out of the folder, to a file or a folder, and a link to a device are refused', async () => {
    expect(await problem('a.ts', "import x from './link-out.json';\nexport default x;\n")).toBe(
      `${SHOWN}/a.ts:1:15: ${SHOWN}/link-out.json is a link to a file outside your exercise folder: replace the link with the file itself`,
    );
    expect(await problem('b.ts', "export { SGD } from './linked-dir/sgd.js';\n")).toContain(
      `${SHOWN}/linked-dir/sgd.ts is a link to a file outside your exercise folder`,
    );
    expect(await problem('c.ts', "import z from './zero.json';\nexport default z;\n")).toContain(
      `${SHOWN}/zero.json is a link to a file outside your exercise folder`,
    );
  });

  test('a FIFO is refused at once, never opened for reading', async () => {
    const started = Date.now();
    expect(await problem('d.ts', "import f from './fifo.json' with { type: 'json' };\nexport default f;\n")).toContain(
      `${SHOWN}/fifo.json is not a regular file`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('an entry point that is itself a link out is refused', async () => {
    symlinkSync(join(KIT_ROOT, 'solutions', 'optimizers', 'sgd.ts'), join(folder, 'entry-link.ts'));
    const result = await confinedBuild(build, { folder, file: 'entry-link.ts', shownAs: SHOWN });
    expect(result).toEqual({
      problem: `${SHOWN}/entry-link.ts is a link to a file outside your exercise folder: replace the link with the file itself`,
    });
  });

  test('a file over 64 KB, and files over 256 KB together, are refused before esbuild parses them', async () => {
    expect(await problem('big.ts', `export const s = "${'x'.repeat(70_000)}";\n`)).toBe(
      `${SHOWN}/big.ts is 69 KB, more than the 64 KB an exercise file may have: remove what the exercise does not need`,
    );
    for (let i = 0; i < 5; i++)
      writeFileSync(join(folder, `part${i}.ts`), `export const s${i} = "${'x'.repeat(60_000)}";\n`);
    const entry = [0, 1, 2, 3, 4].map((i) => `export * from './part${i}.js';`).join('\n');
    expect(await problem('parts.ts', entry)).toMatch(/brings the files this bundle reads to more than 256 KB/);
  });

  test('deep brackets are refused where they get too deep', async () => {
    expect(await problem('deep.ts', `export const x =\n  ${'['.repeat(1000)}${']'.repeat(1000)};\n`)).toBe(
      `${SHOWN}/deep.ts:2:${3 + MAX_NESTING}: brackets nest more than ${MAX_NESTING} deep here: no exercise needs that; split the expression into named parts`,
    );
  });
});

describe('the bundler process', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'adversarial-bundler-'));
    cpSync(join(KIT_ROOT, 'exercises', 'optimizers'), folder, { recursive: true });
    writeFileSync(join(folder, 'crash.ts'), `export function f(a: number) {\n  ${'if (a) '.repeat(8500)}a++;\n}\n`);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('a file that brings esbuild down fails alone: builds beside it and after it succeed', async () => {
    const started = Date.now();
    const [before, crashed, beside] = await Promise.allSettled([
      bundleLearner(folder, 'sgd.ts', SHOWN),
      bundleLearner(folder, 'crash.ts', SHOWN),
      bundleLearner(folder, 'momentum.ts', SHOWN),
    ]);
    expect(before.status).toBe('fulfilled');
    expect(beside.status).toBe('fulfilled');
    expect(crashed.status).toBe('rejected');
    const reason = (crashed as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(LearnerBuildError);
    // Whether esbuild hits the memory limit or the time limit first depends on how busy the machine is; either
    // way the file is blamed, with the same advice.
    expect((reason as Error).message).toMatch(
      new RegExp(
        `^${SHOWN}/crash\\.ts (made the bundler run out of memory or crash|took longer than \\d+ s to bundle) \\(`,
      ),
    );
    expect((reason as Error).message).toContain(
      `${BUNDLER_ADVICE}: look for an enormous or deeply nested expression or statement and split it into named parts`,
    );
    expect(await bundleLearner(folder, 'adam.ts', SHOWN)).toContain('var Adam = class');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('every bundle-time attack, graded by the CLI as one class', () => {
  let kit: GradedClass['kit'];
  let run: ClassRun;
  let kitBefore: Record<string, string>;
  beforeAll(
    async () => {
      ({ kit, run, kitBefore } = await corpusGrading);
    },
    3 * CLASS_SECONDS * 1000,
  );

  test('every attack has an expectation', () => {
    expect(
      readdirSync(CORPUS)
        .map((f) => f.replace(/\.ts$/, ''))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  test('the grader survives them all, in bounded time', () => {
    expect(run.signal).toBeNull();
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.seconds).toBeLessThan(CLASS_SECONDS);
  });

  test.each(Object.keys(expected))('%s: no pass, and a message saying why', (name) => {
    const report = run.reports.get(name);
    expect(report, `no report for ${name}`).toBeDefined();
    const sgd = exerciseOf(report, 'sgd');
    const message = sgd.tests.find((t) => t.status !== 'pass')?.message ?? '';
    // A link or an oversized file refused at intake is named in the report beside the verdicts.
    const refusals = [report!.problem ?? '', ...report!.warnings, ...report!.refused.map((r) => r.message)];
    const said = [message, ...refusals].join('\n');
    expect(sgd.status, said).toBe('error');
    for (const part of expected[name]!) {
      if (typeof part === 'string') expect(said).toContain(part.replaceAll('__KIT__', kit.root));
      else expect(said).toMatch(part);
    }
    if (located.includes(name)) expect(message).toMatch(/optimizers\/sgd\.ts:\d+:\d+: /);
    if (refusedAtIntake.includes(name)) expect(message).toContain(expected[name]![0]);
  });

  test('no file of the kit changed', () => {
    expect(kitFiles(kit.root)).toEqual(kitBefore);
  });
});

describe('a class run with pathological submissions', () => {
  let run: ClassRun;
  beforeAll(
    async () => {
      ({ run } = await pathologicalGrading);
    },
    3 * CLASS_SECONDS * 1000,
  );

  test('grades the honest ones in full, and fails only the pathological file of the others', () => {
    expect(run.stderr).toBe('');
    expect(run.seconds).toBeLessThan(120);
    const rows = run.gradebook.trim().split('\n');
    expect(rows[0]).toBe('student,status,sgd,momentum,required (of 2),problems');
    expect(rows.slice(1)).toEqual([
      'a-honest,graded,1,1,2,',
      'b-crashes-esbuild,graded,0,1,1,sgd: does not load',
      'c-honest,graded,1,1,2,',
      'd-stalls-esbuild,graded,0,1,1,sgd: does not load',
      'e-honest,graded,1,1,2,',
    ]);
    const message = (id: string) => exerciseOf(run.reports.get(id), 'sgd').tests[0]!.message;
    expect(message('b-crashes-esbuild')).toMatch(BOUNDED);
    expect(message('d-stalls-esbuild')).toContain('sgd.ts took longer than 5 s to bundle');
  });
});
