// Where vitest keeps the suites' compiled modules between grading runs (its fsModuleCache): one folder per kit
// under the kit's node_modules/.cache/, so that copies of a kit sharing one node_modules never clear each other's
// cache (vitest clears a cache whose lockfile changed). No folder, no cache: grading works the same, only slower.
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const KIT_FILE = 'kit-root';

/** The cache folder for the kit at `root`, created if need be; undefined where it cannot be written. */
export function transformCacheFolder(root: string): string | undefined {
  const parent = join(root, 'node_modules', '.cache', 'vitest-grading');
  const folder = join(parent, createHash('sha256').update(root).digest('hex').slice(0, 16));
  try {
    if (!existsSync(folder)) {
      forgetGoneKits(parent);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, KIT_FILE), root);
    }
    accessSync(folder, constants.W_OK);
    return folder;
  } catch {
    return undefined;
  }
}

/** Removes the caches of kit copies that no longer exist (tests and class runs make many). */
function forgetGoneKits(parent: string): void {
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    try {
      const kit = readFileSync(join(parent, entry, KIT_FILE), 'utf8');
      if (!existsSync(kit)) rmSync(join(parent, entry), { recursive: true, force: true });
    } catch {
      // being created by another grading run at this moment: left for the next time
    }
  }
}
