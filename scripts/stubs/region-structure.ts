// A hidden region must hold whole pieces of syntax: one that begins in one declaration and ends in the next would
// merge what is left of them in the stub (or keep half of one), so it is refused at the region's marker.
import { ts } from 'ts-morph';
import type { Region } from './find-markers.js';
import { SourceError, lineAndColumn } from '../markers/source-error.js';

/** Where a region cuts the syntax tree: the node it starts inside, the node it ends inside (one may be missing). */
export interface Cut {
  region: Region;
  /** Begins before the hidden lines and ends among them. */
  startsInside?: ts.Node;
  /** Begins among the hidden lines and ends after them. */
  endsInside?: ts.Node;
}

/**
 * The first cut a region makes, or null. Each node of the tree (its text without leading comments) must lie wholly
 * inside the region's hidden lines, wholly outside them, or hold them all; the walk goes down through the nodes
 * that hold the region, and the first level where a node only partly overlaps it is the cut. TypeScript's own
 * children (ts.forEachChild) are used, not ts-morph's syntax lists, which span statements a region may split
 * legitimately (the last two statements of a block).
 */
export function findCut(sourceFile: ts.SourceFile, region: Region): Cut | null {
  const start = region.bodyStart;
  const end = region.bodyEnd;
  let node: ts.Node = sourceFile;
  for (;;) {
    let holder: ts.Node | undefined;
    const cut: Cut = { region };
    ts.forEachChild(node, (child) => {
      const from = child.getStart(sourceFile);
      const to = child.end;
      if (to <= start || from >= end) return; // outside
      if (start <= from && to <= end) return; // hidden whole
      if (from < start && end <= to) holder = child;
      else if (from < start) cut.startsInside ??= child;
      else cut.endsInside = child;
    });
    if (cut.startsInside || cut.endsInside) return cut;
    if (!holder) return null;
    node = holder;
  }
}

/** How a node is named in a message: by its declared name where it has one, else by its kind and line. */
export function describeNode(sourceFile: ts.SourceFile, node: ts.Node): string {
  if (ts.isBlock(node) && ts.isFunctionLike(node.parent)) return describeNode(sourceFile, node.parent); // a body is its function
  const name = declaredName(node);
  if (name) return `\`${name}\``;
  const line = lineAndColumn(sourceFile.text, node.getStart(sourceFile)).line;
  return `the ${blockRole(node) ?? KIND_NAMES.get(node.kind) ?? 'code'} at line ${line}`;
}

/** A block by the statement part it is: `if` and `else` branches, `try`, `catch` and `finally` blocks. */
function blockRole(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (!ts.isBlock(node) || !parent) return undefined;
  if (ts.isIfStatement(parent)) return parent.thenStatement === node ? '`if` branch' : '`else` branch';
  if (ts.isTryStatement(parent)) return parent.tryBlock === node ? '`try` block' : '`finally` block';
  if (ts.isCatchClause(parent)) return '`catch` block';
  return undefined;
}

function declaredName(node: ts.Node): string | undefined {
  if (ts.isVariableStatement(node)) {
    const names = node.declarationList.declarations.map((d) => d.name.getText());
    return names.length === 1 ? names[0] : undefined;
  }
  const named = (node as ts.Node & { name?: ts.Node }).name;
  if (!named || !(ts.isIdentifier(named) || ts.isPrivateIdentifier(named) || ts.isStringLiteral(named)))
    return undefined;
  const owner = node.parent && ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
  const callable = ts.isFunctionLike(node) ? '()' : '';
  return `${owner}${named.text}${callable}`;
}

// ts.SyntaxKind[kind] gives aliases (FirstStatement for VariableStatement), so the kinds a region can cut are named here.
const KIND_NAMES = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.IfStatement, '`if` statement'],
  [ts.SyntaxKind.ForStatement, '`for` loop'],
  [ts.SyntaxKind.ForOfStatement, '`for … of` loop'],
  [ts.SyntaxKind.ForInStatement, '`for … in` loop'],
  [ts.SyntaxKind.WhileStatement, '`while` loop'],
  [ts.SyntaxKind.DoStatement, '`do` loop'],
  [ts.SyntaxKind.SwitchStatement, '`switch` statement'],
  [ts.SyntaxKind.CaseClause, '`case` clause'],
  [ts.SyntaxKind.DefaultClause, '`default` clause'],
  [ts.SyntaxKind.TryStatement, '`try` statement'],
  [ts.SyntaxKind.Block, 'block'],
  [ts.SyntaxKind.ExpressionStatement, 'statement'],
  [ts.SyntaxKind.VariableStatement, 'declaration'],
  [ts.SyntaxKind.ReturnStatement, '`return` statement'],
  [ts.SyntaxKind.ArrowFunction, 'arrow function'],
  [ts.SyntaxKind.FunctionExpression, 'function'],
  [ts.SyntaxKind.ObjectLiteralExpression, 'object literal'],
  [ts.SyntaxKind.ArrayLiteralExpression, 'array literal'],
  [ts.SyntaxKind.CallExpression, 'call'],
]);

/** The message and fix for a cut, naming both sides and the lines where the region should end and start. */
export function cutError(file: string, sourceFile: ts.SourceFile, cut: Cut): SourceError {
  const { open } = cut.region;
  const lastLine = (node: ts.Node) => lineAndColumn(sourceFile.text, node.end).line;
  const firstLine = (node: ts.Node) => lineAndColumn(sourceFile.text, node.getStart(sourceFile)).line;
  const marker = `\`// Hide: ${open.labels.join(', ')}\``;
  const { startsInside: a, endsInside: b } = cut;
  if (a && b) {
    const [first, second] = [describeNode(sourceFile, a), describeNode(sourceFile, b)];
    return new SourceError(
      file,
      open.line,
      open.column,
      `the region opened by ${marker} starts inside ${first} and ends inside ${second}, so the stub would merge what is left of them into one`,
      `close the region before the end of ${first} (above line ${lastLine(a)}) and open another in ${second} (below line ${firstLine(b)})`,
    );
  }
  if (a) {
    const first = describeNode(sourceFile, a);
    return new SourceError(
      file,
      open.line,
      open.column,
      `the region opened by ${marker} starts inside ${first} and ends after it, so the stub would keep only the beginning of ${first}`,
      `close the region before the end of ${first} (above line ${lastLine(a)}), or open it above ${first} (line ${firstLine(a)}) to hide all of it`,
    );
  }
  const second = describeNode(sourceFile, b!);
  return new SourceError(
    file,
    open.line,
    open.column,
    `the region opened by ${marker} starts before ${second} and ends inside it, so the stub would keep only the end of ${second}`,
    `open the region inside ${second} (below line ${firstLine(b!)}), or close it below ${second} (line ${lastLine(b!)}) to hide all of it`,
  );
}

/** Throws at the first region of a file that cuts across its syntax. */
export function expectWholeSyntax(text: string, file: string, regions: readonly Region[]): void {
  if (regions.length === 0) return;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const region of regions) {
    const cut = findCut(sourceFile, region);
    if (cut) throw cutError(file, sourceFile, cut);
  }
}
