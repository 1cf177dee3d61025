// Throw-away copies of the kit whose learner files are courses' solutions (with some files replaced), and builds of
// a kit's site in a process of its own: for the Chromium tests and a course's site bench, which need learner code
// that works.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KIT_ROOT } from './kit-sandbox.js';

/** For each course whose learner files are its solutions: the files laid over them, by name ({} for none). */
export type LearnerFiles = Record<string, Record<string, string>>;

/** What site/scripts/build.ts's buildSite() returns, as the build's own process wrote it. */
export interface KitSite {
  outDir: string;
  modules: string[];
}

/** Copies the kit into the folder `kit`, its exercises/<course>/ the solutions with `courses`' files over them. */
export function copySolvedKit(kit: string, courses: LearnerFiles): void {
  for (const dir of ['courses', 'grader', 'scripts', 'site', 'solutions', 'exercises']) {
    cpSync(join(KIT_ROOT, dir), join(kit, dir), {
      recursive: true,
      filter: (source) => !/[\\/]site[\\/]dist(-instructor)?([\\/]|$)/.test(source),
    });
  }
  for (const [course, replaced] of Object.entries(courses)) {
    cpSync(join(KIT_ROOT, 'solutions', course), join(kit, 'exercises', course), { recursive: true });
    for (const [name, source] of Object.entries(replaced)) writeFileSync(join(kit, 'exercises', course, name), source);
  }
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(KIT_ROOT, file), join(kit, file));
  symlinkSync(join(KIT_ROOT, 'node_modules'), join(kit, 'node_modules'), 'dir');
}

/**
 * Builds the site of `kit` (KIT_ROOT or a copy) into `outDir`, in a child process: Vite builds are not meant to overlap
 * in one, and a copy's build must load the copy's own modules.
 */
export async function buildKitSite(
  kit: string,
  outDir: string,
  options: { instructor?: boolean; timeoutMs?: number } = {},
): Promise<KitSite> {
  const resultFile = `${outDir}.json`;
  await promisify(execFile)(
    process.execPath,
    [
      join(KIT_ROOT, 'scripts', 'launch.mjs'),
      join(KIT_ROOT, 'tests', 'build-kit-site.ts'),
      kit,
      outDir,
      resultFile,
      ...(options.instructor ? ['--instructor'] : []),
    ],
    { cwd: kit, timeout: options.timeoutMs ?? 240_000 },
  );
  return JSON.parse(readFileSync(resultFile, 'utf8')) as KitSite;
}

/** A copy of the kit whose exercises/<course>/ is the solutions (with `replaced` files over them), its site built. */
export async function buildSolvedKit(
  course: string,
  replaced: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<{ kit: string; outDir: string }> {
  const kit = mkdtempSync(join(tmpdir(), `${course}-solved-kit-`));
  copySolvedKit(kit, { [course]: replaced });
  const { outDir } = await buildKitSite(kit, join(kit, 'out'), { timeoutMs });
  return { kit, outDir };
}
