// Builds every learner file of a course in memory from solutions/<course>/ and proves each stub
// type-checks under the kit's tsconfig before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Project, ts, type Diagnostic } from 'ts-morph';
import type { Course } from '../../grader/course/course-metadata.js';
import { filesBelow } from '../../grader/files/files-below.js';
import { expectExportsKept, expectValidSyntax } from './check-solution.js';
import { findRegions } from './find-markers.js';
import { expectWholeSyntax } from './region-structure.js';
import { SourceError } from '../markers/source-error.js';
import { stripHidden, type Variant } from './strip-hidden.js';
import { findMarkdownRegions, stripMarkdown } from '../markers/strip-markdown.js';

/** Output path (relative to the kit root, `../` allowed) → content. */
export type GeneratedFiles = Map<string, string>;

function listFiles(dir: string): string[] {
  return filesBelow(dir).sort();
}

const isTypeScript = (path: string): boolean => /\.(ts|mts|cts|tsx)$/.test(path) && !path.endsWith('.d.ts');
const isMarkdown = (path: string): boolean => path.endsWith('.md');

/** One solution file as the given variant, after the checks that protect learners from a broken stub. */
export function generateFile(text: string, file: string, labels: readonly string[], variant: Variant): string {
  if (isMarkdown(file)) return stripMarkdown(text, file, labels, variant);
  if (!isTypeScript(file)) return text;
  expectValidSyntax(text, file);
  const regions = findRegions(text, file, labels);
  expectWholeSyntax(text, file, regions);
  const out = stripHidden(text, file, regions, variant);
  if (variant !== 'solution') expectExportsKept(text, out, file, regions);
  return out;
}

export interface GenerateOptions {
  variant?: Variant;
  /** Where the course's files go, relative to root; defaults to exercises/<course>. */
  outDir?: string;
}

export function generateCourse(root: string, course: Course, options: GenerateOptions = {}): GeneratedFiles {
  const variant = options.variant ?? 'normal';
  const sourceDir = join(root, 'solutions', course.id);
  const outDir = options.outDir ?? join('exercises', course.id);
  const files: GeneratedFiles = new Map();
  for (const path of listFiles(sourceDir)) {
    const text = readFileSync(path, 'utf8');
    files.set(
      join(outDir, relative(sourceDir, path)),
      generateFile(text, relative(root, path), course.labels, variant),
    );
  }
  return files;
}

/** The markers in a course's instructions must be as sound as those in its code. */
export function checkInstructions(root: string, course: Course): void {
  const dir = join(root, 'courses', course.id);
  if (!existsSync(dir)) return;
  for (const path of listFiles(dir).filter(isMarkdown))
    findMarkdownRegions(readFileSync(path, 'utf8'), relative(root, path), course.labels);
}

/**
 * Type-checks generated TypeScript in memory, at its output paths, with the kit's tsconfig. Learner code is
 * checked against the language's own library only: no DOM and no Node.js types, which it must not use anyway
 * and which would make the check several times slower. When a stub fails, the solutions of `courses` are checked
 * the same way: an error already in a solution is named there, since hiding less would not fix it.
 */
export function typeCheck(root: string, files: GeneratedFiles, courses: readonly Course[] = []): void {
  const stubErrors = typeErrors(root, files);
  if (stubErrors.length === 0) return;
  const solutions: GeneratedFiles = new Map(
    courses
      .flatMap((course) => listFiles(join(root, 'solutions', course.id)))
      .map((path) => [relative(root, path), readFileSync(path, 'utf8')]),
  );
  const solutionErrors = typeErrors(root, solutions);
  if (solutionErrors.length > 0)
    throw typeError(root, solutionErrors, 'does not type-check', 'fix the solution first: its stub is made from it');
  throw typeError(
    root,
    stubErrors,
    'the generated stub does not type-check',
    'move the declarations this code needs outside the `// Hide` region, or hide their uses too',
  );
}

function typeErrors(root: string, files: GeneratedFiles): Diagnostic[] {
  const project = new Project({
    tsConfigFilePath: join(root, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { lib: ['lib.es2023.d.ts'], types: [] },
  });
  return [...files]
    .filter(([path]) => isTypeScript(path))
    .map(([path, text]) => project.createSourceFile(join(root, path), text, { overwrite: true }))
    .flatMap((source) => source.getPreEmitDiagnostics())
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
}

/** The first of `problems`, at its file, line and column. */
function typeError(root: string, problems: Diagnostic[], what: string, fix: string): SourceError {
  const first = problems[0]!;
  const source = first.getSourceFile();
  const file = source ? relative(root, source.getFilePath()) : '(unknown file)';
  const start = source ? source.getLineAndColumnAtPos(first.getStart() ?? 0) : { line: 0, column: 0 };
  const message = ts.flattenDiagnosticMessageText(first.getMessageText() as string | ts.DiagnosticMessageChain, ' ');
  return new SourceError(
    file,
    start.line,
    start.column,
    `${what}: TS${first.getCode()} ${message}` + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    fix,
  );
}

export interface SolutionSnippet {
  course: string;
  exercise: string;
  file: string;
  /** The learner file as the instructor wrote it, markers and placeholder lines removed. */
  code: string;
}

/** Each exercise's own files in the solution variant, for the instructor build of the site. */
export function solutionSnippets(root: string, course: Course): SolutionSnippet[] {
  return course.exercises.flatMap((exercise) =>
    exercise.files.map((name) => {
      const file = join('solutions', course.id, name);
      return {
        course: course.id,
        exercise: exercise.id,
        file,
        code: generateFile(readFileSync(join(root, file), 'utf8'), file, course.labels, 'solution'),
      };
    }),
  );
}
