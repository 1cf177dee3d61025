// A throw-away copy of the kit whose learner files are a course's solutions (with `replaced` files over them),
// its site built: for the Chromium tests and a course's site bench, which need learner code that works.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KIT_ROOT } from './kit-sandbox.js';

export async function buildSolvedKit(
  course: string,
  replaced: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<{ kit: string; outDir: string }> {
  const kit = mkdtempSync(join(tmpdir(), `${course}-solved-kit-`));
  for (const dir of ['courses', 'grader', 'scripts', 'site', 'solutions', 'exercises']) {
    cpSync(join(KIT_ROOT, dir), join(kit, dir), {
      recursive: true,
      filter: (source) => !/[\\/]site[\\/]dist(-instructor)?([\\/]|$)/.test(source),
    });
  }
  cpSync(join(KIT_ROOT, 'solutions', course), join(kit, 'exercises', course), { recursive: true });
  for (const [name, source] of Object.entries(replaced)) writeFileSync(join(kit, 'exercises', course, name), source);
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(KIT_ROOT, file), join(kit, file));
  symlinkSync(join(KIT_ROOT, 'node_modules'), join(kit, 'node_modules'), 'dir');
  const outDir = join(kit, 'out');
  await promisify(execFile)(
    join(KIT_ROOT, 'node_modules', '.bin', 'tsx'),
    ['site/scripts/build.ts', '--out-dir', outDir],
    {
      cwd: kit,
      timeout: timeoutMs,
    },
  );
  return { kit, outDir };
}
