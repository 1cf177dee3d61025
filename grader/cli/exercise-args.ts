// The arguments of the learner's commands that act on exercises by name (hint, reveal, reset): the names, and the
// few flags each knows. An option it does not know, or more names than it takes, is said in one line, as grade
// says it, rather than ignored: the hints of the first of two exercises named, shown alone, would look like an answer.
import { unknownOption } from './unknown-option.js';

export interface ExerciseArgs {
  names: string[];
  /** The flags given, of those the command knows. */
  flags: Set<string>;
  /** `--help` or `-h`: the command shows its usage, and does nothing else. */
  help: boolean;
  /** Why the command line cannot be followed, in one line; undefined when it can. */
  problem?: string;
}

/**
 * `argv` read for `command` (as the learner types it, e.g. `npm run hint`), which knows `flags` (without their
 * dashes) and takes at most `most` exercise names (`Infinity` for any number).
 */
export function exerciseArgs(command: string, argv: string[], flags: string[], most: number): ExerciseArgs {
  const names = argv.filter((a) => !a.startsWith('-'));
  const given = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2)));
  const help = given.has('help') || argv.includes('-h');
  given.delete('help');
  const known = {
    ...Object.fromEntries(flags.map((f) => [f, { type: 'boolean' as const }])),
    help: { type: 'boolean' as const, short: 'h' },
  };
  const unknown = unknownOption(argv, known);
  if (unknown) return { names, flags: given, help, problem: unknown };
  if (names.length > most && !help)
    return {
      names,
      flags: given,
      help,
      problem: `${command} takes ${most === 1 ? 'one exercise' : `at most ${most} exercises`} at a time (given: ${names.join(', ')})`,
    };
  return { names, flags: given, help };
}
