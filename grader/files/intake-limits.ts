// How much of a submission the grader reads at most: every reader stops at these bounds before doing the work,
// so no folder or archive, however built, costs more time, memory or disk than a normal one.

export interface IntakeLimits {
  /** Folders within folders, counted from the submission's top. */
  maxDepth: number;
  /** Files and folders in one submission (node_modules and dot-folders are skipped, never counted). */
  maxEntries: number;
  /** All the files of one submission together (for a zip: their declared unpacked sizes). */
  maxTotalBytes: number;
  /**
   * One file the grader reads (a learner file, a grader file compared with the kit's). An exercise file is a few KB;
   * far larger ones are built to hurt (deep nesting that overflows the bundler's parser).
   */
  maxFileBytes: number;
  /** One .zip, read whole into memory. */
  maxArchiveBytes: number;
}

export const INTAKE_LIMITS: IntakeLimits = {
  maxDepth: 32,
  maxEntries: 10_000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxFileBytes: 256 * 1024,
  maxArchiveBytes: 50 * 1024 * 1024,
};
