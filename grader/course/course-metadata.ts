// Reads the course metadata (courses/<course>/info.toml): the one place that lists a course's exercises,
// in order, with their files, points and hints, and whether a passing learner may reveal the official solution.
// Every tool (stubs, grader, site, release) asks here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import type { Job } from '../sandbox/sandbox-protocol.js';
import { parseRevealProbe } from './reveal-probe.js';
import { lineOfKey } from './toml-lines.js';

export interface Exercise {
  course: string;
  id: string;
  title: string;
  /** Learner-owned files, relative to exercises/<course>/ (and solutions/<course>/). */
  files: string[];
  points: number;
  bonus: boolean;
  hints: string[];
  /** grader/<course>/<id>.test.ts, relative to the kit's root. */
  suite: string;
  /** courses/<course>/<id>.md, relative to the kit's root. */
  instructions: string;
  /**
   * Sandbox jobs on inputs no visible test uses ([[exercises.reveal]]): their results on a passing implementation
   * unlock the official solution when the course reveals it. Empty when the exercise has none.
   */
  revealProbe: Job[];
  /**
   * How long the learner's code may run in one sandbox session of this exercise (`timeLimitSeconds`, of the
   * exercise or else of the course; at most, and by default, TIME_LIMIT_SECONDS). A short limit costs a class
   * little for each submission that loops forever; a long one spares a slow but correct learner on a slow laptop.
   */
  timeLimitSeconds: number;
}

/** The course's own words where the kit's commands speak of it ([texts] in info.toml); the core names no course. */
export interface CourseTexts {
  /** What the scorecard says after "All done." once every exercise passes. */
  allDone: string;
  /** The student README's note beside `npm run site`. */
  readmeSite: string;
  /** The student README's sentence on what a failing exercise tells the learner. */
  readmeFeedback: string;
}

/** What the release does for this course beyond the rules every course shares ([release] in info.toml). */
export interface ReleaseSettings {
  /**
   * Whether Gradescope's autograder carries solutions/<course>/, for checks that must not trust the learner's code
   * (a re-run of the learner's choice with the official code). Off by default.
   */
  gradescopeSolutions: boolean;
}

export interface Course {
  id: string;
  title: string;
  summary: string;
  /** Variant labels beside all/none/solution that `// Hide:` markers may use. */
  labels: string[];
  exercises: Exercise[];
  /**
   * Ids of the exercises whose official solution a passing learner may reveal (`revealSolutions`); none by default.
   * Optional only so that courses made up in code (benchmarks) need not say it: loadCourse always sets it.
   */
  revealSolutions?: string[];
  /** Optional for the same reason; loadCourse always sets them. */
  texts?: CourseTexts;
  release?: ReleaseSettings;
}

/** `<course>/<id>`: an exercise's name that no other course's can share. */
export const qualifiedId = (exercise: Pick<Exercise, 'course' | 'id'>): string => `${exercise.course}/${exercise.id}`;

/** The words a course says when it says none of its own. */
export const DEFAULT_TEXTS: CourseTexts = {
  allDone: 'Explore the site: npm run site',
  readmeSite: 'read the course in the browser',
  readmeFeedback: 'A failure says what was expected and what your code gave.',
};

export class MetadataError extends Error {
  override name = 'MetadataError';
}

function fail(file: string, where: string, problem: string): never {
  throw new MetadataError(`${file}: ${where}: ${problem}`);
}

function field<T>(value: unknown, file: string, where: string, check: (v: unknown) => v is T, expected: string): T {
  if (!check(value)) fail(file, where, `expected ${expected}, found ${JSON.stringify(value) ?? 'nothing'}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export function loadCourse(root: string, courseId: string): Course {
  const path = join(root, 'courses', courseId, 'info.toml');
  const file = relative(root, path);
  let data: Record<string, unknown>;
  const text = readFileSync(path, 'utf8');
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof TomlError)
      fail(file, `line ${error.line}, column ${error.column}`, error.message.split('\n')[0] ?? 'invalid TOML');
    throw error;
  }
  const list = field(data.exercises ?? [], file, 'exercises', Array.isArray, 'a list of [[exercises]] tables');
  const isTimeLimit = (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= TIME_LIMIT_SECONDS;
  const timeLimitProblem = `a number of seconds above 0 and at most ${TIME_LIMIT_SECONDS}`;
  const courseTimeLimit = data.timeLimitSeconds ?? TIME_LIMIT_SECONDS;
  if (!isTimeLimit(courseTimeLimit))
    failAt(
      text,
      file,
      '',
      'timeLimitSeconds',
      `expected ${timeLimitProblem}, found ${JSON.stringify(courseTimeLimit)}`,
    );
  const seen = new Set<string>();
  const exercises = list.map((raw: Record<string, unknown>, index): Exercise => {
    const where = `[[exercises]] #${index + 1}`;
    const id = field(
      raw.id,
      file,
      `${where} id`,
      (v): v is string => isString(v) && /^[a-z][a-z0-9-]*$/.test(v),
      'an id in lower-case letters, digits and dashes',
    );
    if (seen.has(id)) fail(file, `${where} id`, `"${id}" is used twice; exercise ids must be unique`);
    seen.add(id);
    const at = `exercise "${id}"`;
    const files = field(
      raw.files,
      file,
      `${at} files`,
      (v): v is string[] => isStrings(v) && v.length > 0,
      'a non-empty list of file names',
    );
    return {
      course: courseId,
      id,
      title: field(raw.title, file, `${at} title`, isString, 'a title'),
      files,
      points: field(raw.points ?? 1, file, `${at} points`, isPoints, 'a number of points, 0 or more'),
      bonus: field(raw.bonus ?? false, file, `${at} bonus`, isBoolean, 'true or false'),
      hints: field(raw.hints ?? [], file, `${at} hints`, isStrings, 'a list of hint strings'),
      suite: join('grader', courseId, `${id}.test.ts`),
      instructions: join('courses', courseId, `${id}.md`),
      revealProbe: parseRevealProbe(raw.reveal, (problemAt, problem) =>
        fail(file, `${at} reveal${problemAt ? ` ${problemAt}` : ''}`, problem),
      ),
      timeLimitSeconds: field(
        raw.timeLimitSeconds ?? courseTimeLimit,
        file,
        `${at} timeLimitSeconds`,
        isTimeLimit,
        timeLimitProblem,
      ),
    };
  });
  return {
    id: courseId,
    title: field(data.title, file, 'title', isString, 'a course title'),
    summary: field(
      data.summary ?? '',
      file,
      'summary',
      (v): v is string => typeof v === 'string',
      'a one-line summary',
    ),
    labels: field(data.labels ?? [], file, 'labels', isStrings, 'a list of variant labels').map((l) => l.toLowerCase()),
    exercises,
    revealSolutions: revealSolutions(data.revealSolutions, file, exercises),
    texts: courseTexts(data.texts, text, file),
    release: releaseSettings(data.release, text, file),
  };
}

const isTable = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `file:line: table.key: problem`, with the line where the key is written (the table's, or the file's, if not). */
function failAt(text: string, file: string, table: string, key: string, problem: string): never {
  const line = lineOfKey(text, table, key) ?? lineOfKey(text, '', table);
  throw new MetadataError(`${file}${line ? `:${line}` : ''}: ${table ? `${table}.` : ''}${key}: ${problem}`);
}

/** Checks that `raw` (the table `[name]`, if written) holds only `known` keys; returns it. */
function knownTable(raw: unknown, text: string, file: string, name: string, known: string[]): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!isTable(raw)) failAt(text, file, '', name, `expected a table [${name}]`);
  for (const key of Object.keys(raw))
    if (!known.includes(key)) failAt(text, file, name, key, `unknown key (the keys of [${name}]: ${known.join(', ')})`);
  return raw;
}

function courseTexts(raw: unknown, text: string, file: string): CourseTexts {
  const table = knownTable(raw, text, file, 'texts', Object.keys(DEFAULT_TEXTS));
  const texts = { ...DEFAULT_TEXTS };
  for (const key of Object.keys(DEFAULT_TEXTS) as Array<keyof CourseTexts>) {
    const value = table[key];
    if (value === undefined) continue;
    if (!isString(value) || value.includes('\n'))
      failAt(text, file, 'texts', key, `expected one line of text, found ${JSON.stringify(value)}`);
    texts[key] = value;
  }
  return texts;
}

function releaseSettings(raw: unknown, text: string, file: string): ReleaseSettings {
  const table = knownTable(raw, text, file, 'release', ['gradescopeSolutions']);
  const solutions = table.gradescopeSolutions ?? false;
  if (!isBoolean(solutions))
    failAt(text, file, 'release', 'gradescopeSolutions', `expected true or false, found ${JSON.stringify(solutions)}`);
  return { gradescopeSolutions: solutions };
}

/**
 * The instructor's switch: absent or false reveals nothing, true every exercise with a probe, a list those named.
 * Only an exercise with a probe can be revealed: its key comes from the probe's results.
 */
function revealSolutions(value: unknown, file: string, exercises: Exercise[]): string[] {
  const withProbe = exercises.filter((e) => e.revealProbe.length > 0).map((e) => e.id);
  if (value === undefined || value === false) return [];
  if (value === true) {
    if (withProbe.length === 0)
      fail(
        file,
        'revealSolutions',
        'is true, but no exercise has a reveal probe ([[exercises.reveal]]); add one (see CONTRIBUTING.md) or set it to false',
      );
    return withProbe;
  }
  const ids = field(
    value,
    file,
    'revealSolutions',
    isStrings,
    'true, false or a list of exercise ids, e.g. ["first-id", "second-id"]',
  );
  for (const id of ids) {
    if (!exercises.some((e) => e.id === id))
      fail(
        file,
        'revealSolutions',
        `no exercise "${id}" in this course (its exercises: ${exercises.map((e) => e.id).join(', ')})`,
      );
    if (!withProbe.includes(id)) {
      fail(
        file,
        'revealSolutions',
        `exercise "${id}" has no reveal probe ([[exercises.reveal]]), so no key can be derived from a passing implementation. ` +
          `An exercise whose passing answers differ between learners (an open-ended task) cannot have one: leave "${id}" out of revealSolutions` +
          (withProbe.length > 0 ? ` (exercises with a probe: ${withProbe.join(', ')})` : ''),
      );
    }
  }
  return [...new Set(ids)];
}

/** Every course under courses/, in name order. */
export function loadCourses(root: string): Course[] {
  const dir = join(root, 'courses');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'info.toml')))
    .map((entry) => loadCourse(root, entry.name))
    .sort((a, b) => a.id.localeCompare(b.id));
}
