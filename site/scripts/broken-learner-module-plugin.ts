// Vite plugin: a learner file that does not compile (half-typed while the site runs, say) becomes a module that
// throws, at import, where the error is and what to do, instead of failing the whole build or the dev page.
// The pages load each learner module on its own, so the learner's other exercises still run.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformSync, type Message } from 'esbuild';
import { normalizePath, type Plugin } from 'vite';
import { resetCommand } from '../../grader/course/reset-command.js';
import { pristinePath } from '../../grader/course/starting-files.js';
import { learnerFilePath } from './learner-files.js';
import { ts } from './typescript-parser.js';

/** Names the broken file still exports, as far as a forgiving parse can tell, so its importers still link. */
function exportedNames(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of file.statements) {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.add(element.name.text);
    }
    if (!exported) continue;
    if (
      (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    )
      names.add(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    }
  }
  // A parse that recovers can fold the declarations after an unclosed brace into it; exports written at the
  // start of a line are still exports the learner meant.
  for (const [, name] of source.matchAll(
    /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function\*?|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    names.add(name!);
  return [...names];
}

/** The first compile error of a learner file as a student reads it, or null when it compiles. */
export function compileError(source: string, shownAs: string): string | null {
  try {
    transformSync(source, { loader: 'ts', sourcefile: shownAs, logLevel: 'silent' });
    return null;
  } catch (error) {
    const [first] = ((error as { errors?: Message[] }).errors ?? []) as Message[];
    if (!first) return `${shownAs} does not compile: ${String(error)}`;
    const where = first.location ? `${shownAs}:${first.location.line}:${first.location.column + 1}` : shownAs;
    return `${where}: ${first.text}. Fix it and save (npm run site then reloads the page).`;
  }
}

/** The module that stands in for a broken learner file. */
export function brokenModule(source: string, fileName: string, message: string): string {
  const names = exportedNames(source, fileName);
  const exports = names.length > 0 ? `export let ${names.join(', ')};\n` : '';
  return `${exports}throw new Error(${JSON.stringify(message)});\n`;
}

/** Marks a learner file that is not there, so that its stand-in (see missingModule) is loaded in its place. */
const MISSING = '\0missing-learner-file:';

/**
 * The module that stands in for a learner file the learner removed: it throws, at import, which file is missing and
 * how to bring it back, and exports what the file exported when it started, so that the files importing it still link.
 */
function missingModule(repoRoot: string, exercisesDir: string, path: string): string {
  const [course, ...rest] = normalizePath(relative(exercisesDir, path)).split('/');
  const file = rest.join('/');
  const shownAs = normalizePath(relative(repoRoot, path));
  const message = `${shownAs} is missing: bring back its starting version with ${resetCommand(course!, file)}, or create it; then save (npm run site reloads the page).`;
  // The kit keeps each learner file's start (grader/pristine/); the instructor's repository has its solution.
  const start = [join(repoRoot, pristinePath(course!, file)), join(repoRoot, 'solutions', course!, file)].find((p) =>
    existsSync(p),
  );
  return brokenModule(start ? readFileSync(start, 'utf8') : '', path, message);
}

export function brokenLearnerModules(repoRoot: string, exercisesDir: string): Plugin {
  const learnerFile = learnerFilePath(exercisesDir);
  return {
    name: 'broken-learner-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      // Learner modules are imported by their .js name (TypeScript's ESM convention); a .ts file stands behind it.
      const path = resolve(dirname(importer.split('?')[0]!), source).replace(/\.js$/, '.ts');
      if (learnerFile(path) === null || existsSync(path)) return null;
      return `${MISSING}${path}`;
    },
    load(id) {
      if (!id.startsWith(MISSING)) return null;
      const path = id.slice(MISSING.length);
      const code = missingModule(repoRoot, exercisesDir, path);
      this.warn(`${normalizePath(relative(repoRoot, path))} is missing: the pages that use it say so`);
      return { code, map: null };
    },
    transform(source, id) {
      const path = learnerFile(id);
      if (path === null) return null;
      const shownAs = normalizePath(relative(repoRoot, path));
      const message = compileError(source, shownAs);
      if (message === null) return null;
      this.warn(message);
      return { code: brokenModule(source, path, message), map: null };
    },
  };
}
