// `npm run stubs`: regenerates the learner files in exercises/ from solutions/, checks they are current,
// writes other variants or the instructor's solution snippets, or watches solutions/ and regenerates on save.
import { existsSync, watch } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathBelow } from '../grader/files/path-below.js';
import { reportFileProblem } from '../grader/files/replaceable-file.js';
import { selectCourses } from '../grader/cli/course-selection.js';
import { readOptions, UsageError } from '../grader/cli/read-options.js';
import { loadCourses, MetadataError, type Course } from '../grader/course/course-metadata.js';
import {
  checkInstructions,
  generateCourse,
  solutionSnippets,
  typeCheck,
  type GeneratedFiles,
} from './stubs/generate-stubs.js';
import { SourceError } from './markers/source-error.js';
import { planWrites, writeAll } from './stubs/write-outputs.js';

const USAGE = `usage: npm run stubs -- [--course NAME] [--check] [--force] [--watch] [--variant NAME --out DIR] [--snippets FILE] [course ...]
  --course NAME    only this course (also: the course's name alone); every course by default. Nothing of
                   another course is written, checked or removed
  --check          exit 1 (listing the files) when exercises/ is not what solutions/ generates
  --force          overwrite learner files that were edited since they were generated
  --watch          regenerate whenever a file under solutions/ or courses/ is saved
  --variant NAME   generate another variant: a label used in // Hide: markers, or "solution"; needs --out
  --out DIR        where the variant goes (one folder per course inside it)
  --snippets FILE  also write each exercise's solution code as JSON, for the instructor build of the site`;

const root = resolve(import.meta.dirname, '..');

interface Options {
  check: boolean;
  force: boolean;
  variant: string;
  outRoot: string;
  snippets: string | undefined;
  courses: Course[];
}

const OPTIONS = {
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  watch: { type: 'boolean' },
  variant: { type: 'string' },
  out: { type: 'string' },
  snippets: { type: 'string' },
  course: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseOptions(argv: string[]): (Options & { watch: boolean }) | 'help' {
  const { values, positionals } = readOptions(argv, OPTIONS, true);
  if (values.help) return 'help';
  const variant = values.variant?.toLowerCase() ?? 'normal';
  if (variant !== 'normal' && !values.out)
    throw new UsageError(`--variant ${variant} needs --out DIR, so that exercises/ keeps the normal variant`);
  const courses = selectCourses(loadCourses(root), [...(values.course ?? []), ...positionals]);
  for (const course of courses) {
    if (variant !== 'normal' && variant !== 'solution' && !course.labels.includes(variant)) {
      throw new UsageError(
        `course ${course.id} has no variant ${variant}: its labels are ${course.labels.join(', ') || 'none'} (declare labels in courses/${course.id}/info.toml)`,
      );
    }
  }
  return {
    check: values.check ?? false,
    force: values.force ?? false,
    watch: values.watch ?? false,
    variant,
    outRoot: values.out ? resolve(values.out) : join(root, 'exercises'),
    snippets: values.snippets === undefined ? undefined : snippetsFile(values.snippets),
    courses,
  };
}

/**
 * `--snippets FILE`, resolved, unless writing the solutions' code there would replace a learner file or other code,
 * or put solution code under exercises/, which must never hold any.
 */
function snippetsFile(given: string): string {
  const file = resolve(given);
  if (pathBelow(join(root, 'exercises'), file) !== undefined)
    throw new UsageError(`--snippets ${given}: it is inside exercises/, which never holds solution code`);
  const learnerFiles = loadCourses(root).flatMap((c) =>
    c.exercises.flatMap((e) => e.files.map((f) => join(root, 'solutions', c.id, f))),
  );
  const problem = reportFileProblem(file, learnerFiles, existsSync, 'the snippets');
  if (problem) throw new UsageError(`--snippets ${given}: ${problem}. Name a file of its own, e.g. snippets.json`);
  return file;
}

/** One generation pass. Returns the exit code; throws SourceError / MetadataError for bad input. */
async function generate(options: Options): Promise<number> {
  const generated: GeneratedFiles = new Map();
  for (const course of options.courses) {
    checkInstructions(root, course);
    const outDir = relative(root, join(options.outRoot, course.id));
    for (const [path, text] of generateCourse(root, course, { variant: options.variant, outDir }))
      generated.set(path, text);
  }
  const manifestRoot = relative(root, options.outRoot);
  const scope = options.courses.map((c) => relative(root, join(options.outRoot, c.id)));
  const plan = planWrites(root, manifestRoot, generated, scope);
  // What is already there byte for byte was checked when it was written (and `npm run typecheck` checks the files as
  // they are): the check, most of a run's time, is for what would change.
  if (plan.write.length + plan.edited.length > 0) typeCheck(root, generated, options.courses);
  if (options.check) {
    const stale = [...plan.write, ...plan.edited, ...plan.orphaned.map((p) => `${p} (no longer generated)`)];
    if (stale.length === 0) {
      console.log(`stubs are up to date (${plan.unchanged.length} files)`);
      return 0;
    }
    console.error(
      `these files are not what solutions/ generates; run \`npm run stubs\`:\n${stale.map((p) => `  ${p}`).join('\n')}`,
    );
    return 1;
  }
  if (plan.edited.length > 0 && !options.force) {
    console.error(
      `refusing to overwrite files edited since they were generated (a learner's work?):\n${plan.edited.map((p) => `  ${p}`).join('\n')}\n` +
        'nothing was written. Save that work elsewhere, then run `npm run stubs -- --force` to overwrite.',
    );
    return 1;
  }
  const snippets = options.snippets
    ? `${JSON.stringify(
        options.courses.flatMap((c) => solutionSnippets(root, c)),
        null,
        2,
      )}\n`
    : undefined;
  writeAll(root, manifestRoot, generated, [...plan.write, ...plan.edited], undefined, plan.orphaned);
  if (snippets !== undefined && options.snippets) await writeFile(options.snippets, snippets);
  const removed = plan.orphaned.length > 0 ? `, ${plan.orphaned.length} removed (${plan.orphaned.join(', ')})` : '';
  console.log(
    `stubs: ${plan.write.length + plan.edited.length} written, ${plan.unchanged.length} unchanged${removed} (${options.variant} variant in ${manifestRoot}/)`,
  );
  return 0;
}

function report(error: unknown): number {
  if (error instanceof SourceError || error instanceof MetadataError) {
    console.error(`error: ${error.message}\nnothing was written.`);
    return 2;
  }
  throw error;
}

function watchAndRegenerate(options: Options): void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rerun = () => {
    running = running.then(async () => {
      console.log(`\n[${new Date().toLocaleTimeString()}] regenerating…`);
      await generate({
        ...options,
        courses: loadCourses(root).filter((c) => options.courses.some((o) => o.id === c.id)),
      }).catch(report);
    });
  };
  for (const dir of ['solutions', 'courses']) {
    // Editors save in bursts (temp file, rename, chmod): one regeneration per burst is enough.
    watch(join(root, dir), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(rerun, 100);
    });
  }
  rerun();
  console.log('watching solutions/ and courses/ (Ctrl-C to stop)');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.watch) {
    watchAndRegenerate(options);
    return new Promise<number>(() => {}); // until interrupted
  }
  return generate(options);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else process.exitCode = report(error);
  },
);
