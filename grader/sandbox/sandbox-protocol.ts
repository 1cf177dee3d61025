// What the grader asks of a sandboxed learner process, and what it answers: plain data both ways. A job names one
// of its course's drivers (grader/<course>/drivers.ts) and gives it an input; its result is the driver's output.

export interface Job {
  /** Unique within a session: suites read results by name. */
  name: string;
  /** A key of the course's drivers. */
  driver: string;
  /** Plain JSON for the driver (NaN and ±Infinity survive the trip). */
  input?: unknown;
  /**
   * A hidden test's job: nothing the learner's code prints while it runs leaves the sandbox, and it runs after the
   * session's other jobs, often in another process (bundle-and-run.ts): its driver can rely only on what earlier
   * hidden jobs returned (DriverContext.earlier).
   */
  hidden?: boolean;
}

export interface LearnerFailure {
  /** What threw: "the constructor", "step 3", "loading file.ts", … */
  during: string;
  message: string;
  /** file:line in the learner's code, when the stack names it. */
  where?: string;
  /** Set when the learner's module loaded but lacks the export the grader imports: what it exports instead. */
  missingExport?: { file: string; name: string; exported: string[] };
}

export interface JobResult {
  /** The driver's output; with a failure, what it had computed before the learner's code threw. */
  output?: unknown;
  failure?: LearnerFailure;
  /** What the learner's code printed (console.log and the like) while the job ran, cut at PRINTED_LIMIT; never for a hidden job. */
  printed?: string;
}

/** Characters of a job's prints that travel with its result: enough for a few lines of debugging. */
export const PRINTED_LIMIT = 2_000;

export interface SandboxRequest {
  /** Module name → bundled JavaScript source (in the child: → file name in `folder`). */
  modules: Record<string, string>;
  /** The course's drivers, bundled (in the child: their file name in `folder`). */
  drivers: string;
  jobs: Job[];
  /** Set for the child: the folder holding the modules. */
  folder?: string;
}

/** JSON cannot carry NaN or ±Infinity (a diverging learner produces them): they travel as strings. */
export const encodeNumbers = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
export const decodeNumbers = (_key: string, value: unknown): unknown =>
  value === 'NaN' ? NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value;

const NON_FINITE = new Map([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/** Turns encodeNumbers' strings back into numbers throughout `value`, in place. */
function restoreNumbers(value: unknown): unknown {
  if (typeof value === 'string') return NON_FINITE.get(value) ?? value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'number') value[i] = restoreNumbers(item);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item !== 'number') record[key] = restoreNumbers(item);
    }
  }
  return value;
}

/**
 * JSON.parse(text, decodeNumbers), for large texts such as a course's fixtures: one walk over the parsed value
 * costs a third of a reviver called back for each of its tens of thousands of values.
 */
export const parseWithNumbers = (text: string): unknown => restoreNumbers(JSON.parse(text));
