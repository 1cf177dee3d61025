// Builds, at test time, a class folder of honest submissions (the solutions' learner files, which earn full marks)
// and hostile ones, each aimed at one way of breaking a class run: links, FIFOs, deep or huge trees, zips that
// climb out, hold links or lie about sizes, names that collide or read as spreadsheet formulas. Links, FIFOs and
// deep trees cannot live in git, hence code. Each member comes with what the gradebook must say about it.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourses } from '../../../grader/course/course-metadata.js';
import { FIFO_MODE, SYMLINK_MODE, withDeclaredSize, zipOf, type ZipEntry } from './zip-bytes.js';

export interface Expected {
  /** The row's id in the gradebook (its first cell, before any neutralising '). */
  id: string;
  /** Honest: full marks and no problem. */
  honest: boolean;
  /** Exercises that must score 0 (for a hostile member graded in part); every exercise when `refused`. */
  zeroed: string[];
  /** The whole submission is refused: nothing graded. */
  refused: boolean;
  /** What its problems cell must say. */
  problems: RegExp[];
}

const DEPTH = 2_000;

export function learnerFiles(kit: string): string[] {
  return loadCourses(kit).flatMap((c) => c.exercises.flatMap((e) => e.files.map((f) => `${c.id}/${f}`)));
}

/** The solutions' learner files, by path relative to exercises/. */
function solutionFiles(kit: string): Record<string, string> {
  return Object.fromEntries(learnerFiles(kit).map((path) => [path, readFileSync(join(kit, 'solutions', path), 'utf8')]));
}

function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
}

function sh(script: string, ...args: string[]): void {
  const run = spawnSync('sh', ['-c', script, 'sh', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not build the hostile class: ${run.stderr}`);
}

const prefixed = (prefix: string, files: Record<string, string>): Record<string, ZipEntry> =>
  Object.fromEntries(Object.entries(files).map(([path, data]) => [`${prefix}${path}`, data]));

/** Fills `dir` with the class and returns what each member's row must show. */
export function buildHostileClass(dir: string, kit: string): Expected[] {
  const solutions = solutionFiles(kit);
  const all = learnerFiles(kit).map((path) => path.split('/')[1]!.replace(/\.ts$/, ''));
  const exerciseOf = (file: string) => loadCourses(kit).flatMap((c) => c.exercises).find((e) => e.files.includes(file))!.id;
  const expected: Expected[] = [];
  const honest = (id: string) => expected.push({ id, honest: true, zeroed: [], refused: false, problems: [] });
  const refused = (id: string, ...problems: RegExp[]) => expected.push({ id, honest: false, zeroed: all, refused: true, problems });
  const partly = (id: string, files: string[], ...problems: RegExp[]) => expected.push({ id, honest: false, zeroed: files.map(exerciseOf), refused: false, problems });
  mkdirSync(dir, { recursive: true });

  // Honest: a folder, a zip with the files nested deep in it, and two whose names a spreadsheet would misread.
  writeTree(join(dir, 'honest-folder'), solutions);
  honest('honest-folder');
  writeFileSync(join(dir, 'honest-zip.zip'), zipOf(prefixed('repo/work/', solutions)));
  honest('honest-zip');
  writeTree(join(dir, '=1+2'), solutions);
  honest('=1+2');
  const oddName = 'quote"comma,cr\rname';
  writeTree(join(dir, oddName), solutions);
  honest(oddName);

  // A learner file that is a link to the instructor's solution: refused, never followed.
  writeTree(join(dir, 'symlink-file'), { ...solutions, 'optimizers/sgd.ts': '' });
  sh('rm "$1" && ln -s "$2" "$1"', join(dir, 'symlink-file', 'optimizers', 'sgd.ts'), join(kit, 'solutions', 'optimizers', 'sgd.ts'));
  partly('symlink-file', ['sgd.ts'], /optimizers\/sgd\.ts is a symbolic link: upload the file itself/);

  // The whole course folder a link to solutions/: it held 6/6 when links were followed.
  mkdirSync(join(dir, 'symlink-folder'));
  symlinkSync(join(kit, 'solutions', 'optimizers'), join(dir, 'symlink-folder', 'optimizers'));
  refused('symlink-folder', /optimizers is a symbolic link: upload the folder itself/, /symlink-folder holds none of the learner files/);

  // A FIFO where a learner file belongs: opening it would block the run forever.
  writeTree(join(dir, 'fifo'), { ...solutions, 'optimizers/sgd.ts': '' });
  sh('rm "$1" && mkfifo "$1"', join(dir, 'fifo', 'optimizers', 'sgd.ts'));
  partly('fifo', ['sgd.ts'], /optimizers\/sgd\.ts is a named pipe, not a file/);

  // 2,000 nested folders (made with relative steps: the full path is longer than the system allows).
  writeTree(join(dir, 'deep-folder'), solutions);
  sh(`cd "$1" && i=0 && while [ $i -lt ${DEPTH} ]; do mkdir d && cd d || exit 1; i=$((i+1)); done && echo x > sgd.ts`, join(dir, 'deep-folder'));
  refused('deep-folder', /deep-folder\/d\/d\/.* nests folders more than 32 deep/);

  writeFileSync(join(dir, 'deep-zip.zip'), zipOf({ ...solutions, [`${'d/'.repeat(DEPTH)}optimizers/sgd.ts`]: 'x' }));
  refused('deep-zip', /nests folders more than 32 deep/);

  writeFileSync(join(dir, 'zip-slip.zip'), zipOf({ ...solutions, '../../escape.ts': 'export const escaped = true;\n' }));
  refused('zip-slip', /zip-slip\.zip could not be unpacked: holds a path outside the archive: \.\.\/\.\.\/escape\.ts/);
  writeFileSync(join(dir, 'zip-absolute.zip'), zipOf({ ...solutions, '/tmp/escape-absolute.ts': 'x' }));
  refused('zip-absolute', /holds a path outside the archive: \/tmp\/escape-absolute\.ts/);

  // Zip entries with a link's mode (to the solution) and a FIFO's, beside honest files.
  const target = join(kit, 'solutions', 'optimizers', 'sgd.ts');
  writeFileSync(join(dir, 'zip-links.zip'), zipOf({ ...solutions, 'optimizers/sgd.ts': { data: target, mode: SYMLINK_MODE }, 'optimizers/rmsprop.ts': { data: '', mode: FIFO_MODE } }));
  partly('zip-links', ['sgd.ts', 'rmsprop.ts'], /optimizers\/sgd\.ts is a symbolic link/, /optimizers\/rmsprop\.ts is a named pipe/);
  // The same link with the files a folder down: named where it is in the upload, in sgd's verdict too.
  writeFileSync(join(dir, 'zip-links-nested.zip'), zipOf({ ...prefixed('my-work/', solutions), 'my-work/optimizers/sgd.ts': { data: target, mode: SYMLINK_MODE } }));
  partly('zip-links-nested', ['sgd.ts'], /my-work\/optimizers\/sgd\.ts is a symbolic link/);
  writeFileSync(join(dir, 'zip-link-folder.zip'), zipOf({ optimizers: { data: join(kit, 'solutions', 'optimizers'), mode: SYMLINK_MODE } }));
  refused('zip-link-folder', /optimizers is a symbolic link/, /holds none of the learner files/);

  // The learner files by themselves, as a platform exports a student's attachments: honest, then with sgd.ts a link
  // to the solution (refused and named), then nothing but that link (a link steers nothing: no learner file at all),
  // then zipped with rmsprop.ts a FIFO's entry.
  const flat = Object.fromEntries(Object.entries(solutions).map(([path, text]) => [path.split('/')[1]!, text]));
  writeTree(join(dir, 'honest-flat'), flat);
  honest('honest-flat');
  writeTree(join(dir, 'flat-symlink'), { ...flat, 'sgd.ts': '' });
  sh('rm "$1" && ln -s "$2" "$1"', join(dir, 'flat-symlink', 'sgd.ts'), target);
  partly('flat-symlink', ['sgd.ts'], /sgd\.ts is a symbolic link: upload the file itself/);
  mkdirSync(join(dir, 'flat-link-only'));
  symlinkSync(target, join(dir, 'flat-link-only', 'sgd.ts'));
  refused('flat-link-only', /sgd\.ts is a symbolic link/, /flat-link-only holds none of the learner files/);
  writeFileSync(join(dir, 'flat-zip-fifo.zip'), zipOf({ ...prefixed('hw/', flat), 'hw/rmsprop.ts': { data: '', mode: FIFO_MODE } }));
  partly('flat-zip-fifo', ['rmsprop.ts'], /hw\/rmsprop\.ts is a named pipe/);

  // Sizes that lie: an entry declared as small as the honest file but inflating to 64 MB, and one declared 4 GB.
  const bomb = `${solutions['optimizers/sgd.ts']}\n${' '.repeat(64 * 1024 * 1024)}`;
  writeFileSync(join(dir, 'size-lying.zip'), withDeclaredSize(zipOf({ ...solutions, 'optimizers/sgd.ts': bomb }), 'optimizers/sgd.ts', solutions['optimizers/sgd.ts']!.length));
  refused('size-lying', /optimizers\/sgd\.ts unpacks to more bytes than the archive declares/);
  writeFileSync(join(dir, 'declared-huge.zip'), withDeclaredSize(zipOf(solutions), 'optimizers/sgd.ts', 0xfffffff0));
  refused('declared-huge', /declared-huge\.zip holds more than 100 MB/);

  // A folder and a zip of the same name: the stubs and the solutions, each graded as itself.
  writeTree(join(dir, 'alice'), Object.fromEntries(learnerFiles(kit).map((path) => [path, readFileSync(join(kit, 'exercises', path), 'utf8')])));
  expected.push({ id: 'alice', honest: false, zeroed: all, refused: false, problems: [] });
  writeFileSync(join(dir, 'alice.zip'), zipOf(solutions));
  honest('alice.zip');

  // Too many entries, too many bytes (a sparse file: no disk used), one learner file too large to bundle.
  writeTree(join(dir, 'crowded'), solutions);
  mkdirSync(join(dir, 'crowded', 'many'));
  for (let i = 0; i <= 10_000; i++) closeSync(openSync(join(dir, 'crowded', 'many', `${i}`), 'w'));
  refused('crowded', /crowded holds more than 10000 files and folders/);
  writeTree(join(dir, 'huge-file'), solutions);
  sh('truncate -s 101M "$1"', join(dir, 'huge-file', 'data.bin'));
  refused('huge-file', /huge-file holds more than 100 MB of files/);
  writeTree(join(dir, 'big-sgd'), { ...solutions, 'optimizers/sgd.ts': `export const x = ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)};\n` });
  partly('big-sgd', ['sgd.ts'], /optimizers\/sgd\.ts is larger than 256 KB/);

  // Links and FIFOs where a submission belongs, in the class folder itself.
  symlinkSync(join(kit, 'solutions'), join(dir, 'linked'));
  refused('linked', /linked is a symbolic link/);
  sh('mkfifo "$1"', join(dir, 'pipe.zip'));
  refused('pipe', /pipe\.zip is a named pipe, not a file/);

  // Not a submission: the class folder's own notes are skipped, not graded.
  cpSync(join(kit, 'package.json'), join(dir, 'roster.json'));
  return expected;
}
