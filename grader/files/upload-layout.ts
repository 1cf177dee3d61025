// Where the learner files are in an upload, however the student laid it out: the repository's layout
// (<course>/<file>, at the top or inside a folder such as exercises/ or my-work/), or the files themselves with no
// course folder ("flat", at the top or one or more folders down), matched by their names in the course manifests.
// Pure: it reads only the listing of a submission tree.
import type { TreeEntry } from './submission-tree.js';

export interface CourseFiles {
  id: string;
  /** The learner-owned files of the course's exercises (info.toml's `files`), e.g. <file>.ts. */
  files: string[];
}

export interface UploadLayout {
  /** `course-folders`: <root>/<course>/<file>; `flat`: <root>/<file>. */
  kind: 'course-folders' | 'flat';
  /** The folder of the upload that holds them ('' for its top). */
  root: string;
  /** Where each learner file is in the upload, by its path as in exercises/ (<course>/<file>); refused ones too. */
  sources: Map<string, string>;
  /** The courses with at least one learner file in the upload, in the order given. */
  courses: string[];
  /** What the student should know about how their files were read (a file name two courses share). */
  notes: string[];
}

/** The courses' learner files given as paths in exercises/ (<course>/<file>), course by course. */
export function courseFilesOf(paths: readonly string[]): CourseFiles[] {
  const courses = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf('/');
    courses.set(path.slice(0, slash), [...(courses.get(path.slice(0, slash)) ?? []), path.slice(slash + 1)]);
  }
  return [...courses].map(([id, files]) => ({ id, files }));
}

const depthOf = (path: string) => (path === '' ? 0 : path.split('/').length);
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const join = (root: string, path: string) => (root === '' ? path : `${root}/${path}`);
/** Shallowest first, then by name: the same choice whatever order the listing comes in. */
const better = (a: string, b: string | undefined) =>
  b === undefined || depthOf(a) < depthOf(b) || (depthOf(a) === depthOf(b) && a < b);

/**
 * The layout of the upload listed in `entries`, or undefined when it holds no learner file of `courses`. Only a
 * regular file places the learner folder (a link named like a learner file steers nothing), but once it is placed, a refused
 * entry where a learner file belongs is listed in `sources`, so that reading it reports why it is not used.
 * The repository's layout wins unless a folder holding learner files by themselves is shallower.
 */
export function locateLearnerFiles(
  entries: ReadonlyMap<string, TreeEntry>,
  courses: CourseFiles[],
): UploadLayout | undefined {
  let courseRoot: string | undefined;
  let flatRoot: string | undefined;
  const names = new Set(courses.flatMap((c) => c.files));
  for (const [path, entry] of entries) {
    if (entry.kind !== 'file') continue;
    for (const course of courses)
      for (const file of course.files) {
        const wanted = `${course.id}/${file}`;
        const root = path === wanted ? '' : path.endsWith(`/${wanted}`) ? path.slice(0, -wanted.length - 1) : undefined;
        if (root !== undefined && better(root, courseRoot)) courseRoot = root;
      }
    if (names.has(nameOf(path)) && better(folderOf(path), flatRoot)) flatRoot = folderOf(path);
  }
  if (courseRoot !== undefined && (flatRoot === undefined || depthOf(courseRoot) <= depthOf(flatRoot))) {
    const sources = new Map<string, string>();
    for (const course of courses)
      for (const file of course.files) {
        const at = join(courseRoot, `${course.id}/${file}`);
        if (entries.has(at)) sources.set(`${course.id}/${file}`, at);
      }
    return { kind: 'course-folders', root: courseRoot, sources, courses: coursesOf(sources, courses), notes: [] };
  }
  if (flatRoot === undefined) return undefined;
  return flatLayout(entries, courses, flatRoot);
}

function coursesOf(sources: Map<string, string>, courses: CourseFiles[]): string[] {
  return courses.filter((c) => c.files.some((f) => sources.has(`${c.id}/${f}`))).map((c) => c.id);
}

/** Learner files by themselves in `root`: each goes to the course it belongs to; a name two courses share, to the one whose files are there. */
function flatLayout(entries: ReadonlyMap<string, TreeEntry>, courses: CourseFiles[], root: string): UploadLayout {
  const present = (file: string) => entries.has(join(root, file));
  const isFile = (file: string) => entries.get(join(root, file))?.kind === 'file';
  // How many of a course's files are there: what decides a shared name.
  const weight = new Map(courses.map((c) => [c.id, c.files.filter(isFile).length]));
  const sources = new Map<string, string>();
  const notes: string[] = [];
  for (const file of new Set(courses.flatMap((c) => c.files))) {
    if (!present(file)) continue;
    const owners = courses.filter((c) => c.files.includes(file));
    let chosen = owners[0]!;
    for (const owner of owners) if (weight.get(owner.id)! > weight.get(chosen.id)!) chosen = owner;
    sources.set(`${chosen.id}/${file}`, join(root, file));
    if (owners.length > 1) {
      const others = owners.filter((o) => o !== chosen).map((o) => o.id);
      const tie = owners.every((o) => weight.get(o.id) === weight.get(chosen.id));
      notes.push(
        `${file} is a file of ${[chosen.id, ...others].join(' and ')}: it was graded as ${chosen.id}'s, ` +
          (tie
            ? `the first of them (to have it graded as another's, upload it inside a folder named after that course, e.g. ${others[0]}/${file})`
            : `since the other files you uploaded are ${chosen.id}'s`),
      );
    }
  }
  return { kind: 'flat', root, sources, courses: coursesOf(sources, courses), notes };
}
