// Builds every learner file of a course in memory from solutions/<course>/ and proves each stub
// type-checks under the kit's tsconfig before anything is written.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Course } from '../../grader/course/course-metadata.js';
import { findRegions } from './find-markers.js';
import { SourceError } from './source-error.js';
import { stripHidden, type Variant } from './strip-hidden.js';

/** Output path (relative to the kit root) → content. */
export type GeneratedFiles = Map<string, string>;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const isTypeScript = (path: string): boolean => /\.(ts|mts|cts|tsx)$/.test(path) && !path.endsWith('.d.ts');

export interface GenerateOptions {
  variant?: Variant;
  /** Where the variant goes, relative to root; defaults to exercises/<course>. */
  outDir?: string;
}

export function generateCourse(root: string, course: Course, options: GenerateOptions = {}): GeneratedFiles {
  const variant = options.variant ?? 'normal';
  const sourceDir = join(root, 'solutions', course.id);
  const outDir = options.outDir ?? join('exercises', course.id);
  const files: GeneratedFiles = new Map();
  for (const path of listFiles(sourceDir)) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const target = join(outDir, relative(sourceDir, path));
    files.set(target, isTypeScript(path) ? stripHidden(text, file, findRegions(text, file, course.labels), variant) : text);
  }
  return files;
}

/** Type-checks generated TypeScript in memory, at its output paths, with the kit's compiler options. */
export function typeCheck(root: string, files: GeneratedFiles): void {
  const project = new Project({ tsConfigFilePath: join(root, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  const sources = [...files]
    .filter(([path]) => isTypeScript(path))
    .map(([path, text]) => project.createSourceFile(join(root, path), text, { overwrite: true }));
  const problems = sources
    .flatMap((source) => source.getPreEmitDiagnostics())
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  const first = problems[0];
  if (!first) return;
  const source = first.getSourceFile();
  const file = source ? relative(root, source.getFilePath()) : '(unknown file)';
  const start = source ? source.getLineAndColumnAtPos(first.getStart() ?? 0) : { line: 0, column: 0 };
  const message = ts.flattenDiagnosticMessageText(first.getMessageText() as string | ts.DiagnosticMessageChain, ' ');
  throw new SourceError(
    file,
    start.line,
    start.column,
    `the generated stub does not type-check: TS${first.getCode()} ${message}` +
      (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    'move the declarations this code needs outside the `// Hide` region, or hide their uses too',
  );
}
