// A throw-away copy of the kit's sources (node_modules linked, not copied) for tests that run its commands
// and change files, so the real tree is never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { filesBelow } from '../grader/files/files-below.js';

export const KIT_ROOT = resolve(import.meta.dirname, '..');
/**
 * How `npm run` starts the kit's TypeScript commands, relative to a kit's root: `node scripts/launch.mjs <entry>`,
 * one process running the command compiled once (tsx's CLI would start a second Node.js and load every module
 * through its hooks).
 */
export const LAUNCH = 'scripts/launch.mjs';

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a kit script (path relative to the kit) as `npm run` would. */
export function runKitScript(cwd: string, script: string, args: string[] = [], timeoutMs = 60_000): CommandResult {
  const result = spawnSync(process.execPath, [LAUNCH, script, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface NpmRun {
  status: number | null;
  /** stdout, a blank line, then stderr. */
  output: string;
}

/** `npm run <script> -- args` in `root`, as a maintainer types it (without npm's banner). */
export function npmRun(root: string, script: string, args: string[] = [], timeoutMs = 240_000): NpmRun {
  const run = spawnSync('npm', ['run', '-s', script, '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** What a copy of the kit needs to grade: its courses, solutions, exercises, grader and scripts. */
const GRADING_PARTS = ['courses', 'solutions', 'exercises', 'grader', 'scripts', 'tsconfig.json', 'package.json'];
/** And to build its site too. */
export const WITH_SITE = [...GRADING_PARTS, 'site'];

export function makeSandbox(parts = GRADING_PARTS): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'kit-sandbox-'));
  for (const part of parts) cpSync(join(KIT_ROOT, part), join(root, part), { recursive: true });
  symlinkSync(join(KIT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A copy of everything the release sees (git's tracked and unignored files), in a git repository of its own so
 * that `npm run release` can run there: for tests that release with another info.toml.
 */
export function makeRepoCopy(): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'repo-copy-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: KIT_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  for (const file of files) {
    if (existsSync(join(KIT_ROOT, file))) cpSync(join(KIT_ROOT, file), join(root, file));
  }
  symlinkSync(join(KIT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  execFileSync('git', ['init', '--quiet'], { cwd: root });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file below `dir` with its content, to prove that a refused command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  // Not through the copy's link to the repository's node_modules: that is not the copy's to change.
  for (const file of filesBelow(dir)) files[file] = readFileSync(file, 'utf8');
  return files;
}

export function gitTracked(path: string): string[] {
  return execFileSync('git', ['ls-files', path], { cwd: KIT_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
}
