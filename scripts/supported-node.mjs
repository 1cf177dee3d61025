// Imported first by the entry of every command: on a Node.js the kit does not run on, it says so and stops before
// anything else is loaded (ES modules run in the order they are imported, so nothing after it has run yet).
import { unsupportedNode } from './node-version.mjs';

const problem = unsupportedNode(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
