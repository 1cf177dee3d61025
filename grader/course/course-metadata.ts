// Reads the course metadata (courses/<course>/info.toml): the one place that lists a course's exercises,
// in order, with their files, points and hints. Every tool (stubs, grader, site) asks here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TomlError } from 'smol-toml';

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
}

export interface Course {
  id: string;
  title: string;
  summary: string;
  /** Variant labels beside all/none/solution that `// Hide:` markers may use. */
  labels: string[];
  exercises: Exercise[];
}

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
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof TomlError) fail(file, `line ${error.line}, column ${error.column}`, error.message.split('\n')[0] ?? 'invalid TOML');
    throw error;
  }
  const list = field(data.exercises ?? [], file, 'exercises', Array.isArray, 'a list of [[exercises]] tables');
  const seen = new Set<string>();
  const exercises = list.map((raw: Record<string, unknown>, index): Exercise => {
    const where = `[[exercises]] #${index + 1}`;
    const id = field(raw.id, file, `${where} id`, (v): v is string => isString(v) && /^[a-z][a-z0-9-]*$/.test(v), 'an id in lower-case letters, digits and dashes');
    if (seen.has(id)) fail(file, `${where} id`, `"${id}" is used twice; exercise ids must be unique`);
    seen.add(id);
    const at = `exercise "${id}"`;
    return {
      course: courseId,
      id,
      title: field(raw.title, file, `${at} title`, isString, 'a title'),
      files: field(raw.files, file, `${at} files`, (v): v is string[] => isStrings(v) && v.length > 0, 'a non-empty list of file names'),
      points: field(raw.points ?? 1, file, `${at} points`, isPoints, 'a number of points, 0 or more'),
      bonus: field(raw.bonus ?? false, file, `${at} bonus`, isBoolean, 'true or false'),
      hints: field(raw.hints ?? [], file, `${at} hints`, isStrings, 'a list of hint strings'),
      suite: join('grader', courseId, `${id}.test.ts`),
      instructions: join('courses', courseId, `${id}.md`),
    };
  });
  return {
    id: courseId,
    title: field(data.title, file, 'title', isString, 'a course title'),
    summary: field(data.summary ?? '', file, 'summary', (v): v is string => typeof v === 'string', 'a one-line summary'),
    labels: field(data.labels ?? [], file, 'labels', isStrings, 'a list of variant labels').map((l) => l.toLowerCase()),
    exercises,
  };
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
