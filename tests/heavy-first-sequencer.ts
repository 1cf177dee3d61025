// Orders the kit's test files for a small machine: files that start the CLI, copy the kit or drive Chromium take
// seconds where the others take milliseconds, so they start first and the quick files fill the gaps at the end,
// instead of one long file starting last (vitest orders by past timings, which a clean clone does not have).
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Calls that start a process or copy the kit: a second or more each. */
const PROCESS_CALL = /\b(spawn|spawnSync|runKitScript|npmRun|gradeClassRun|makeRepoCopy|makeSandbox)\b/g;
/** A file that drives Chromium loads dozens of pages: it outweighs any number of processes. */
const BROWSER = /\bchromium\b/;
/**
 * A file that needs the released kit waits for a whole release (a site build among it), then installs and runs the
 * kit: the longest files of all, so they start with the Chromium files rather than make the run's tail.
 */
const RELEASE = /\breleasedKit\(/;
/** A file that runs PyTorch waits seconds for each Python process to import it: as many as twenty other processes. */
const TORCH = /\bimport torch\b/;

function weight(file: string): number {
  const text = readFileSync(file, 'utf8');
  return (
    (BROWSER.test(text) || RELEASE.test(text) ? 1e9 : 0) +
    (TORCH.test(text) ? 2e7 : 0) +
    (text.match(PROCESS_CALL) ?? []).length * 1e6 +
    text.length
  );
}

export class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weights = new Map(files.map((spec) => [spec, weight(spec.moduleId)]));
    return [...files].sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}
