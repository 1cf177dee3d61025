// `npm run release`: builds the student kit (a folder and a .tgz) from this repository, with no solution,
// no hidden test and no instructor tool in it, proved by a leak scan of every file of the kit and of the site
// built from it. `--gradescope` also builds Gradescope's autograder zip (the kit with the hidden tests). Where a
// course's info.toml sets revealSolutions, the kit also carries those official solutions, sealed (see seal-solutions).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { loadCourses, MetadataError, type Course } from '../grader/course/course-metadata.js';
import { loadCourseSites } from '../site/scripts/course-sites.js';
import { cachedData } from '../site/scripts/data-cache.js';
import { kitDataFile } from '../site/scripts/kit-data.js';
import { classroomWorkflow } from './release/classroom-workflow.js';
import { RUN_AUTOGRADER, SETUP_SH } from './release/gradescope.js';
import { importsSolutions, inKit, KIT_SCRIPTS } from './release/kit-contents.js';
import { kitTsconfigFor } from './release/kit-tsconfig.js';
import { kitManifest, readKitUses, UndeclaredPackageError, type PackageJson } from './release/kit-packages.js';
import { describeLeak, scanForLeaks } from './release/leak-scan.js';
import { LockError, pruneLock, type Lock } from './release/prune-lock.js';
import { SealError, sealSolutions } from './release/seal-solutions.js';
import { recordOutputs, releaseOutputProblem } from './release/release-output.js';
import { replaceOutputs } from './release/replace-outputs.js';
import { studentReadme } from './release/student-readme.js';
import { hiddenLines } from './stubs/hidden-text.js';
import { stripMarkdown } from './markers/strip-markdown.js';
import { pristinePath } from '../grader/course/starting-files.js';
import { entriesBelow, filesBelow } from '../grader/files/files-below.js';
import { makeTemporaryFolder, removeFolder, TemporaryFolderError } from '../grader/files/temporary-folders.js';
import { OutputPathError, outputFolder } from '../grader/files/output-path.js';
import { exitOnSignals } from '../grader/cli/exit-on-signal.js';
import { selectCourses } from '../grader/cli/course-selection.js';
import { readOptions, UsageError } from '../grader/cli/read-options.js';

const root = resolve(import.meta.dirname, '..');

class ReleaseError extends Error {}

/** What a release puts in its output folder; the zip only with --gradescope. */
const KIT_OUTPUTS = ['student-kit', 'student-kit.tgz'];
const GRADESCOPE_OUTPUT = 'gradescope-autograder.zip';

/**
 * The repository's files as git lists them: tracked, or new and not ignored. Without git, a folder of files (a
 * downloaded copy, say) has no record of what is the instructor's own and what is generated or ignored.
 */
function trackedFiles(): string[] {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'git is not installed here (https://git-scm.com)'
        : `${root} is not a git repository`;
    throw new ReleaseError(
      `${why}: the release takes the files git lists (committed or not, but never what .gitignore leaves out). ` +
        'Run `git init` in the repository (nothing needs committing), or clone it, then release again.',
    );
  }
  return listed.split('\n').filter((path) => path && existsSync(join(root, path)));
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A course's own folders: what a kit of other courses leaves out. */
const courseFolders = (course: string): string[] =>
  ['courses', 'exercises', 'grader', 'solutions'].map((dir) => `${dir}/${course}/`);

/**
 * What the release writes for the site that a kit, having no solutions/, cannot compute: every data module the
 * course's site plug-in declares, computed here from solutions/.
 */
async function writeSiteData(kit: string, course: Course): Promise<void> {
  const site = (await loadCourseSites(root)).find((s) => s.course.id === course.id);
  for (const [name, compute] of Object.entries(site?.plugin.data ?? {}))
    write(
      join(kit, kitDataFile(`${name}.json`)),
      `${JSON.stringify(await cachedData(root, course.id, name, compute))}\n`,
    );
}

/**
 * Lays out the student kit of `courses` in `kit`: the kit's files (none of another course's), student versions of
 * a few, and generated ones.
 */
async function layOutKit(kit: string, courses: Course[], others: Course[]): Promise<void> {
  const elsewhere = others.flatMap((c) => courseFolders(c.id));
  for (const path of trackedFiles().filter((p) => inKit(p) && !elsewhere.some((dir) => p.startsWith(dir)))) {
    const from = join(root, path);
    if (importsSolutions(root, path)) continue;
    const to = join(kit, path);
    mkdirSync(dirname(to), { recursive: true });
    const course = courses.find((c) => path.startsWith(`courses/${c.id}/`));
    if (course && path.endsWith('.md'))
      writeFileSync(to, stripMarkdown(readFileSync(from, 'utf8'), path, course.labels, 'normal'));
    else cpSync(from, to);
  }
  write(join(kit, 'README.md'), studentReadme(courses));
  write(join(kit, '.github', 'workflows', 'classroom.yml'), classroomWorkflow(courses));
  // The site's data computed from solutions/, and every file of each course's exercise folder as it starts: reset
  // restores the learner's files from it, and grading takes the rest from it, never from the learner's folder.
  for (const course of courses) await writeSiteData(kit, course);
  for (const course of courses)
    cpSync(join(root, 'exercises', course.id), join(kit, pristinePath(course.id, '')), { recursive: true });
  const laidOut = filesBelow(kit).map((file) => relative(kit, file).split(sep).join('/'));
  write(join(kit, 'tsconfig.json'), kitTsconfigFor(root, kit, laidOut));
}

/**
 * The kit's package.json and package-lock.json, from what the files laid out in `kit` use: a student's `npm ci`
 * installs the kit's packages, not the instructor's tools.
 */
function writeKitPackages(kit: string): void {
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const lock = readJson('package-lock.json') as Lock;
  const manifest = kitManifest(readJson('package.json') as PackageJson, lock, readKitUses(kit, KIT_SCRIPTS));
  write(join(kit, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  write(join(kit, 'package-lock.json'), `${JSON.stringify(pruneLock(lock, manifest), null, 2)}\n`);
}

/** Builds the kit's own site with this repository's packages, to scan what a student would publish. */
function buildKitSite(kit: string, out: string): void {
  const modules = join(kit, 'node_modules');
  symlinkSync(join(root, 'node_modules'), modules, 'dir');
  try {
    execFileSync(process.execPath, [join('scripts', 'launch.mjs'), 'site/scripts/build.ts', '--out-dir', out], {
      cwd: kit,
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new ReleaseError(`the kit's site does not build: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  } finally {
    rmSync(modules, { force: true });
  }
}

function expectNoLeaks(dir: string, what: string, courses: Course[]): void {
  const hidden = courses.flatMap((c) => hiddenLines(root, c));
  const leaks = scanForLeaks(dir, hidden);
  if (leaks.length > 0)
    throw new ReleaseError(
      `${what} holds solution code; nothing was released:\n${leaks.map((l) => `  ${describeLeak(l)}`).join('\n')}`,
    );
  // Hidden cases (grader/*/hidden/) and reference generators (Python) stay with the instructor, whatever the course.
  const grader = join(dir, 'grader');
  const forbidden = [
    ...(existsSync(join(dir, 'solutions')) ? ['solutions'] : []),
    ...(existsSync(grader)
      ? entriesBelow(grader)
          .map((entry) => relative(dir, entry.path).split(sep).join('/'))
          .filter((path) => /(^|\/)hidden$/.test(path) || path.endsWith('.py'))
      : []),
  ];
  if (forbidden.length > 0) throw new ReleaseError(`${what} holds ${forbidden.join(', ')}; nothing was released`);
}

/**
 * `dir` under `prefix/`, plus `scripts` at the top: those are executable (Unix mode 0755 in the entries' external
 * attributes, os 3 = Unix), as Gradescope runs run_autograder directly; the kit's files are 0644.
 */
function zipFolder(dir: string, prefix: string, scripts: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { os: number; attrs: number }]> = {};
  const walk = (path: string) => {
    for (const name of execFileSync('find', [path, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      files[`${prefix}/${relative(dir, name)}`] = [readFileSync(name), { os: 3, attrs: (0o100644 << 16) >>> 0 }];
    }
  };
  walk(dir);
  for (const [name, text] of Object.entries(scripts))
    files[name] = [new TextEncoder().encode(text), { os: 3, attrs: (0o100755 << 16) >>> 0 }];
  return zipSync(files);
}

const USAGE = `usage: npm run release -- [--course NAME ...] [--gradescope] [--out DIR] [--force]
  --course NAME  release this course only (repeat for several); every course by default
  --gradescope   also build gradescope-autograder.zip
  --out DIR      where the kit goes (default release/); what the last release put there is replaced
  --force        replace what is there even where it is not as the last release left it`;

async function main(argv: string[]): Promise<number> {
  const options = {
    out: { type: 'string' },
    gradescope: { type: 'boolean' },
    force: { type: 'boolean' },
    course: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values } = readOptions(argv, options, false);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = outputFolder(resolve(values.out ?? join(root, 'release')), values.out);
  const outputs = [...KIT_OUTPUTS, ...(values.gradescope ? [GRADESCOPE_OUTPUT] : [])];
  const outProblem = releaseOutputProblem(root, out, outputs, values.force === true);
  if (outProblem) throw new OutputPathError(`--out ${values.out ?? 'release'}: ${outProblem}.`);
  const all = loadCourses(root);
  const courses = selectCourses(all, values.course ?? []);
  const work = makeTemporaryFolder('release-');
  try {
    const kit = join(work, 'student-kit');
    await layOutKit(
      kit,
      courses,
      all.filter((c) => !courses.includes(c)),
    );
    const sealed = await sealSolutions(root, kit, courses);
    writeKitPackages(kit);
    expectNoLeaks(kit, 'the student kit', courses);
    buildKitSite(kit, join(work, 'site'));
    expectNoLeaks(join(work, 'site'), "the kit's built site", courses);

    execFileSync('tar', ['-czf', join(work, 'student-kit.tgz'), '-C', work, 'student-kit']);
    replaceOutputs(out, [
      { from: kit, name: 'student-kit' },
      { from: join(work, 'student-kit.tgz'), name: 'student-kit.tgz' },
    ]);
    recordOutputs(out, KIT_OUTPUTS);
    console.log(
      `student kit: ${relative(process.cwd(), join(out, 'student-kit'))}/ and student-kit.tgz (leak scan: clean, site built from it: clean)`,
    );
    if (sealed.length > 0)
      console.log(`solutions a passing learner may reveal (npm run reveal), sealed: ${sealed.join(', ')}`);

    if (values.gradescope) {
      // The autograder is the instructor's, never shown to students: the kit plus the hidden tests, and the
      // reference solutions of a course that asks for them ([release] gradescopeSolutions), so that checks which
      // must not trust the learner's code judge there exactly as in the instructor's repository. Learner code
      // cannot read them: bundling is confined to the submission, and the sandbox reads only its own folder.
      for (const course of courses) {
        const hidden = join(root, 'grader', course.id, 'hidden');
        if (existsSync(hidden)) cpSync(hidden, join(kit, 'grader', course.id, 'hidden'), { recursive: true });
        if (course.release?.gradescopeSolutions)
          cpSync(join(root, 'solutions', course.id), join(kit, 'solutions', course.id), { recursive: true });
      }
      writeKitPackages(kit); // what the hidden tests and solutions import too
      const zip = zipFolder(kit, 'kit', { 'setup.sh': SETUP_SH, run_autograder: RUN_AUTOGRADER });
      writeFileSync(join(work, GRADESCOPE_OUTPUT), zip);
      replaceOutputs(out, [{ from: join(work, GRADESCOPE_OUTPUT), name: GRADESCOPE_OUTPUT }]);
      recordOutputs(out, [GRADESCOPE_OUTPUT]);
      console.log(`gradescope autograder: ${relative(process.cwd(), join(out, GRADESCOPE_OUTPUT))}`);
    }
    return 0;
  } catch (error) {
    if (
      error instanceof ReleaseError ||
      error instanceof SealError ||
      error instanceof UndeclaredPackageError ||
      error instanceof LockError
    ) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    removeFolder(work);
  }
}

exitOnSignals();
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (!(error instanceof MetadataError || error instanceof TemporaryFolderError || error instanceof OutputPathError))
    throw error;
  console.error(`error: ${error.message}\nnothing was released.`);
  return 2;
});
