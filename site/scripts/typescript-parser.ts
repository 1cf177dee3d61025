// TypeScript's compiler API for the site's build plugins, loaded with require: an ES import of its one 9 MB
// CommonJS file first scans the whole file for the names it exports, about a third of a second of every build.
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

export const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
