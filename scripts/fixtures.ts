// `npm run fixtures [course…]`: regenerates each course's expected numbers from its real reference, by running
// the course's own generator (grader/<course>/fixtures/generate.py) with a Python that has PyTorch: Debian's, or
// the one $PYTHON names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REFERENCE_PYTHON as PYTHON } from './reference-python.js';

const KIT_ROOT = resolve(import.meta.dirname, '..');
const generator = (course: string): string => join(KIT_ROOT, 'grader', course, 'fixtures', 'generate.py');

function main(argv: string[]): number {
  const all = readdirSync(join(KIT_ROOT, 'grader'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(generator(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const chosen = argv.length > 0 ? argv : all;
  const unknown = chosen.filter((course) => !all.includes(course));
  if (unknown.length > 0) {
    console.error(
      `fixtures: no generator for ${unknown.join(', ')} (expected grader/<course>/fixtures/generate.py); courses with one: ${all.join(', ') || 'none'}`,
    );
    return 2;
  }
  for (const course of chosen) {
    console.log(`fixtures: ${course}`);
    const run = spawnSync(PYTHON, [generator(course)], { stdio: 'inherit' });
    if (run.error || run.status !== 0) {
      console.error(
        `fixtures: ${course}'s generator failed${run.error ? ` (${run.error.message})` : ''}; it needs PyTorch: apt-get install python3-torch, or PYTHON=/path/to/a/python/with/torch npm run fixtures`,
      );
      return 1;
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
