// Vite plugin: puts a call to the site's loopTick() at the top of every loop body of the learner's files, so that
// a page can run them on its own thread and still stop an endless loop (see site/client/loop-guard.ts).
import { dirname, relative } from 'node:path';
import MagicString from 'magic-string';
import type * as TypeScript from 'typescript';
import { normalizePath, type Plugin } from 'vite';
import { learnerFilePath } from './learner-files.js';
import { ts } from './typescript-parser.js';

const TICK = '__loopTick';

function isLoop(node: TypeScript.Node): node is TypeScript.IterationStatement {
  return (
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node)
  );
}

/** The module's source with a tick in every loop body and the import it needs, or null when it has no loop. */
export function guardLoops(
  source: string,
  fileName: string,
  guardImport: string,
): { code: string; map: ReturnType<MagicString['generateMap']> } | null {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const code = new MagicString(source);
  let loops = 0;
  const visit = (node: TypeScript.Node): void => {
    if (isLoop(node)) {
      loops++;
      const body = node.statement;
      if (ts.isBlock(body)) code.appendLeft(body.getStart(file) + 1, ` ${TICK}();`);
      else {
        // A body without braces gets them, so the tick and the statement stay one body.
        code.prependRight(body.getStart(file), `{ ${TICK}(); `);
        code.appendLeft(body.getEnd(), ' }');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (loops === 0) return null;
  code.prepend(`import { loopTick as ${TICK} } from ${JSON.stringify(guardImport)};\n`);
  return { code: code.toString(), map: code.generateMap({ hires: true, source: fileName, includeContent: true }) };
}

export function loopGuard(exercisesDir: string, guardModule: string): Plugin {
  const learnerFile = learnerFilePath(exercisesDir);
  return {
    name: 'learner-loop-guard',
    // Before esbuild strips the types, so the positions are the learner's own.
    enforce: 'pre',
    transform(source, id) {
      const path = learnerFile(id);
      if (path === null) return null;
      let target = normalizePath(relative(dirname(path), guardModule));
      if (!target.startsWith('.')) target = `./${target}`;
      return guardLoops(source, path, target);
    },
  };
}
