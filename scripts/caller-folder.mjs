// npm runs a package's scripts in the package's own folder, whatever folder the command was typed in, and keeps that
// one in INIT_CWD. A command enters it before reading its arguments, so that the paths a user gives (--target,
// --out, --submissions …) mean what they mean where they were typed. Plain JavaScript: the launcher uses it.
import { dirname } from 'node:path';

/**
 * Enters the folder the command was typed in, when `entry` (the command's file, from the package's root, e.g.
 * grader/cli/grade.ts) is what npm is running as this package's script. A process started any other way (by
 * another command, or by a test) may have inherited npm's variables from a script run elsewhere: it stays put.
 */
export function enterCallerFolder(entry) {
  const { INIT_CWD: caller, npm_package_json: manifest, npm_lifecycle_script: script } = process.env;
  if (!caller || !manifest || !script || dirname(manifest) !== process.cwd() || caller === process.cwd()) return;
  if (!script.split(/\s+/).includes(entry)) return;
  try {
    process.chdir(caller);
  } catch {
    // gone, or not readable: the paths given stay relative to the package's folder, as npm leaves them
  }
}
