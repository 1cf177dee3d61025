// `npm run fixtures [course…]`: regenerates each course's expected numbers from its real reference, by running
// the course's own generator (grader/<course>/fixtures/generate.py) with a Python that has PyTorch: Debian's, or
// the one $PYTHON names.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCommandLine, readOptions } from '../grader/cli/read-options.js';
import { REFERENCE_PYTHON as PYTHON } from './reference-python.js';

const KIT_ROOT = resolve(import.meta.dirname, '..');
const generator = (course: string): string => join(KIT_ROOT, 'grader', course, 'fixtures', 'generate.py');

const USAGE = `usage: npm run fixtures -- [course ...]
  regenerates each named course's expected numbers (every course's by default) with its PyTorch generator,
  grader/<course>/fixtures/generate.py; PYTHON=path picks the Python (default /usr/bin/python3)`;

function main(argv: string[]): number {
  const { values, positionals: chosenArgs } = readCommandLine(USAGE, () =>
    readOptions(argv, { help: { type: 'boolean', short: 'h' } }, true),
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const all = readdirSync(join(KIT_ROOT, 'grader'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(generator(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const chosen = chosenArgs.length > 0 ? chosenArgs : all;
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
