// The command line of `npm run grade`: which exercises, which folder, which format.
import { parseArgs } from 'node:util';
import type { Course, Exercise } from '../course/course-metadata.js';

export const USAGE = `usage: npm run grade -- [exercise ...] [--target DIR] [--format text|json] [--watch]

  exercise       ids to grade (e.g. sgd momentum, or optimizers/sgd); all when none is given
  --target DIR   grade the learner files in DIR (laid out like exercises/); default exercises/
  --format F     text (a scorecard, the default) or json (a machine-readable report)
  --watch        grade again whenever a file is saved (also: npm run watch)

exit code: 0 when every selected exercise passes, 1 when one does not, 2 for a usage error`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface GradeArgs {
  help: boolean;
  target: string | undefined;
  format: 'text' | 'json';
  watch: boolean;
  exercises: Exercise[];
}

function suggestion(id: string, known: string[]): string {
  const near = known.find((k) => k.startsWith(id.slice(0, 3)) || id.startsWith(k.slice(0, 3)));
  return near ? ` (did you mean ${near}?)` : '';
}

export function parseGradeArgs(argv: string[], courses: Course[]): GradeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { target: { type: 'string' }, format: { type: 'string', default: 'text' }, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${values.format}`);
  const all = courses.flatMap((c) => c.exercises);
  const known = all.map((e) => e.id);
  const exercises = positionals.length === 0 ? all : positionals.map((name) => {
    const [course, id] = name.includes('/') ? name.split('/', 2) : [undefined, name];
    const matches = all.filter((e) => e.id === id && (!course || e.course === course));
    if (matches.length === 0) throw new UsageError(`no exercise named ${name}${suggestion(id!, known)}; exercises: ${known.join(', ')}`);
    if (matches.length > 1) throw new UsageError(`${name} is in several courses; write it as ${matches.map((e) => `${e.course}/${e.id}`).join(' or ')}`);
    return matches[0]!;
  });
  if (values.watch && values.format !== 'text') throw new UsageError('--watch shows the scorecard; it does not combine with --format');
  return { help: values.help ?? false, target: values.target, format: values.format, watch: values.watch ?? false, exercises: [...new Set(exercises)] };
}
