// Turns a solution file into one variant: learner stubs (hidden regions become a TODO placeholder,
// plus a `throw` where a function body would otherwise end early) or the clean solution.
import { Project, ts, type SourceFile } from 'ts-morph';
import type { Region } from './find-markers.js';
import { isHidden, type Variant } from '../markers/hide-regions.js';

export { isHidden, type Variant } from '../markers/hide-regions.js';

/** About how many words of code a region hides: the size hint learners see. */
export function wordCount(code: string): number {
  const withoutComments = code.replace(/\/\/.*$/gm, '');
  return withoutComments.split(/[^\p{L}\p{N}_$]+/u).filter(Boolean).length;
}

const FUNCTION_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** The innermost node that strictly encloses [start, end). */
function enclosingNode(sourceFile: ts.SourceFile, start: number, end: number): ts.Node {
  let node: ts.Node = sourceFile;
  for (;;) {
    const inner: ts.Node | undefined = node
      .getChildren(sourceFile)
      .find((child) => child.getStart(sourceFile) < start && child.end > end);
    if (!inner) return node;
    node = inner;
  }
}

function functionName(fn: ts.Node): string {
  const owner = ts.isClassLike(fn.parent) && fn.parent.name ? `${fn.parent.name.text}` : '';
  if (ts.isConstructorDeclaration(fn)) return `the ${owner} constructor`;
  const named = (fn as ts.FunctionLikeDeclaration).name;
  let name = named && ts.isIdentifier(named) ? named.text : undefined;
  if (!name && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) name = fn.parent.name.text;
  if (!name && ts.isPropertyDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) name = fn.parent.name.text;
  const base = name ?? 'this function';
  return owner ? `${owner}.${base}()` : name ? `${name}()` : base;
}

/**
 * When a hidden region is the last thing in a function body, the stub must still type-check and must
 * tell the learner what to write: it gets a `throw` naming the function. Returns that function's name.
 */
export function functionLeftOpen(sourceFile: ts.SourceFile, region: Region): string | null {
  const node = enclosingNode(sourceFile, region.open.start + region.open.indent.length, region.close.start);
  const body = ts.isBlock(node)
    ? node
    : node.kind === ts.SyntaxKind.SyntaxList && ts.isBlock(node.parent)
      ? node.parent
      : null;
  if (!body || !FUNCTION_KINDS.has(body.parent.kind)) return null;
  const followed = body.statements.some((statement) => statement.getStart(sourceFile) >= region.close.end);
  return followed ? null : functionName(body.parent);
}

function lineTerminator(text: string, lineEnd: number): string {
  return text.slice(lineEnd - 2, lineEnd) === '\r\n' ? '\r\n' : '\n';
}

export function stripHidden(text: string, file: string, regions: readonly Region[], variant: Variant): string {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let out = '';
  let cursor = 0;
  for (const region of regions) {
    out += text.slice(cursor, region.open.start);
    const body = text.slice(region.bodyStart, region.bodyEnd);
    if (!isHidden(region.labels, variant)) {
      out += body;
    } else if (variant !== 'solution') {
      const { indent } = region.open;
      const eol = lineTerminator(text, region.open.end);
      out += `${indent}// TODO: ~${wordCount(body)} words${eol}`;
      const open = functionLeftOpen(sourceFile, region);
      if (open) out += `${indent}throw new Error('not implemented yet: write ${open}');${eol}`;
    }
    // the closing marker is dropped too; when it opens the next region, that region starts there
    cursor = region.close.labels[0] === 'none' ? region.close.end : region.close.start;
  }
  out += text.slice(cursor);
  return out === text ? text : dropImportsOnlyHiddenCodeUsed(text, out, file);
}

function identifierUses(sourceFile: ts.SourceFile): Map<string, number> {
  const uses = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

function importedNames(sourceFile: SourceFile): string[] {
  return sourceFile
    .getImportDeclarations()
    .flatMap((declaration) => [
      ...(declaration.getDefaultImport() ? [declaration.getDefaultImport()!.getText()] : []),
      ...(declaration.getNamespaceImport() ? [declaration.getNamespaceImport()!.getText()] : []),
      ...declaration
        .getNamedImports()
        .map((specifier) => (specifier.getAliasNode() ?? specifier.getNameNode()).getText()),
    ]);
}

// One in-memory project serves every file: creating a project costs more than editing a file in it.
let scratch: Project | undefined;

/** Imports the solution used but the stub no longer does would be dead weight (and lint errors) for learners. */
function dropImportsOnlyHiddenCodeUsed(original: string, stub: string, file: string): string {
  scratch ??= new Project({ useInMemoryFileSystem: true });
  const stubFile = scratch.createSourceFile(`/scratch/${file}`, stub, { overwrite: true });
  const before = identifierUses(ts.createSourceFile(file, original, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  const after = identifierUses(stubFile.compilerNode);
  const orphaned = new Set(importedNames(stubFile).filter((name) => (before.get(name) ?? 0) > 0 && !after.has(name)));
  if (orphaned.size === 0) return stub;
  for (const declaration of stubFile.getImportDeclarations()) {
    if (declaration.wasForgotten()) continue;
    for (const specifier of declaration.getNamedImports()) {
      if (orphaned.has((specifier.getAliasNode() ?? specifier.getNameNode()).getText())) specifier.remove();
    }
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport && orphaned.has(defaultImport.getText())) declaration.removeDefaultImport();
    const namespaceImport = declaration.getNamespaceImport();
    if (namespaceImport && orphaned.has(namespaceImport.getText())) declaration.removeNamespaceImport();
    if (
      !declaration.wasForgotten() &&
      !declaration.getDefaultImport() &&
      !declaration.getNamespaceImport() &&
      declaration.getNamedImports().length === 0
    ) {
      declaration.remove();
    }
  }
  const text = stubFile.getFullText();
  scratch.removeSourceFile(stubFile);
  return text;
}
