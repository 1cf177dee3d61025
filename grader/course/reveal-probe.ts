// Reads an exercise's reveal probe ([[exercises.reveal]] in info.toml): the sandbox jobs whose results, computed
// by a passing implementation, make the key that unlocks the exercise's official solution. Each job names one of
// the course's sandbox drivers and gives it an input table; what the input means is the driver's business.
import type { Job } from '../sandbox/sandbox-protocol.js';

/** Says what is wrong where (`where` is relative to the probe, e.g. "job 2 driver"); never returns. */
export type Problem = (where: string, problem: string) => never;

// TOML tables may come without a prototype; dates are objects too, and no input a sandbox can carry.
const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function containsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(containsDate);
  return isTable(value) && Object.values(value).some(containsDate);
}

function job(raw: unknown, index: number, problem: Problem): Job {
  const where = `job ${index + 1}`;
  if (!isTable(raw)) problem(where, 'expected a table { driver = "…", input = { … } }');
  for (const key of Object.keys(raw)) {
    if (key !== 'driver' && key !== 'input') problem(`${where}.${key}`, 'unknown key (a job has driver and input)');
  }
  const { driver, input = {} } = raw;
  if (typeof driver !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(driver))
    problem(
      `${where}.driver`,
      `expected the name of one of the course's sandbox drivers, found ${JSON.stringify(driver)}`,
    );
  if (!isTable(input)) problem(`${where}.input`, 'expected a table of the driver’s input');
  if (containsDate(input)) problem(`${where}.input`, 'a date cannot travel to the sandbox; write it as a string');
  return { name: `reveal ${index + 1}`, driver, input };
}

/**
 * The probe's jobs, in order; none when the exercise has no probe. One `[exercises.reveal]` table is one job;
 * `[[exercises.reveal]]` tables are several. They run on the exercise's own files only.
 */
export function parseRevealProbe(raw: unknown, problem: Problem): Job[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) problem('', 'expected at least one job; leave the key out when there is no probe');
  return list.map((entry, i) => job(entry, i, problem));
}
