// Checks on a solution file that only make sense before or after stripping: it must parse, and its
// learner variants must keep every export (the grader imports them by name).
import { extname } from 'node:path';
import { ts } from 'ts-morph';
import type { Region } from './find-markers.js';
import { SourceError, lineAndColumn } from '../markers/source-error.js';

/**
 * The parser's diagnostics of one file, from a program of that file alone: no library, no imports followed, and
 * nothing emitted (transpileModule would emit the JavaScript too, a tenth of a second of every `npm run stubs`).
 */
function syntaxErrors(text: string, path: string): readonly ts.Diagnostic[] {
  // A name of the program's own, with the file's extension (.ts, .tsx, .mts …: how it is parsed): the program
  // spells paths its way, and only offsets are read back.
  const file = `solution${extname(path)}`;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === file ? sourceFile : undefined),
    fileExists: (name) => name === file,
    readFile: () => undefined,
    writeFile: () => {},
    getDefaultLibFileName: () => 'lib.d.ts',
    getCurrentDirectory: () => '',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  const program = ts.createProgram({ rootNames: [file], options: { noLib: true, noResolve: true, types: [] }, host });
  return program.getSyntacticDiagnostics(sourceFile);
}

/** Throws at the first syntax error of a solution file, at its own line and column. */
export function expectValidSyntax(text: string, file: string): void {
  const first = syntaxErrors(text, file)[0];
  if (!first) return;
  const where = lineAndColumn(text, first.start ?? 0);
  throw new SourceError(
    file,
    where.line,
    where.column,
    `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
    'fix the solution so that it compiles, then generate again',
  );
}

function parse(text: string, file: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every name a module exports, with the offset of its declaration. */
export function exportedNames(text: string, file: string): Map<string, number> {
  const names = new Map<string, number>();
  const sourceFile = parse(text, file);
  for (const statement of sourceFile.statements) {
    const at = statement.getStart(sourceFile);
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.set(element.name.text, at);
      } else names.set(`* from ${statement.moduleSpecifier?.getText(sourceFile) ?? ''}`, at);
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      names.set('default', at);
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.set('default', at);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        names.set(declaration.name.getText(sourceFile), at);
    } else {
      const name = (statement as ts.DeclarationStatement).name;
      if (name) names.set(name.getText(sourceFile), at);
    }
  }
  return names;
}

/** A hidden region must not remove an export: the grader and the other learner files import it by name. */
export function expectExportsKept(solution: string, stub: string, file: string, regions: readonly Region[]): void {
  const kept = exportedNames(stub, file);
  for (const [name, at] of exportedNames(solution, file)) {
    if (kept.has(name)) continue;
    const region = regions.find((r) => r.bodyStart <= at && at < r.bodyEnd) ?? regions[0]!;
    throw new SourceError(
      file,
      region.open.line,
      region.open.column,
      `this region hides the export \`${name}\`, which the learner's file must keep`,
      'keep the exported declaration (its signature) outside the region and hide only its body',
    );
  }
}
