// Grading for the record (a class with --submissions, Gradescope, --official) runs only under the sandbox's full
// guards unless the instructor says otherwise: a weaker sandbox is fine for a learner's own feedback on their
// laptop, not for a grade. Pure but for the platform's name.
import { GUARD_SOURCE, missingForOfficial, type Guard } from '../sandbox/isolation.js';

export class WeakSandboxError extends Error {
  override name = 'WeakSandboxError';
}

/** Which guards are on, in one line, and which of those grading for the record needs are not. */
export function guardsLine(guards: readonly Guard[]): string {
  const missing = missingForOfficial(guards);
  return `sandbox guards on ${process.platform}: ${guards.join(', ')}${missing.length ? ` (not here: ${missing.join(', ')})` : ''}`;
}

/** Throws a WeakSandboxError naming what is missing and what gives it, unless nothing is or `allowWeak`. */
export function requireOfficialGuards(guards: readonly Guard[], allowWeak: boolean): void {
  const missing = missingForOfficial(guards);
  if (missing.length === 0 || allowWeak) return;
  const sources = [...new Set(missing.map((guard) => GUARD_SOURCE[guard]))];
  throw new WeakSandboxError(
    `grading for the record needs the sandbox's full guards, and this machine (${process.platform}) lacks ${missing.join(', ')}, ` +
      `which come from ${sources.join(' and ')}.\n` +
      'Grade on Linux with util-linux installed (as root, or where unprivileged user namespaces are allowed), ' +
      'or pass --allow-weak-sandbox to grade anyway: the JSON reports then record the guards that were on.',
  );
}
