// What the grader asks of a sandboxed learner process, and what it answers: plain data both ways. A job names one
// of its course's drivers (grader/<course>/drivers.ts) and gives it an input; its result is the driver's output.

export interface Job {
  /** Unique within a session: suites read results by name. */
  name: string;
  /** A key of the course's drivers. */
  driver: string;
  /** Plain JSON for the driver (NaN and ±Infinity survive the trip). */
  input?: unknown;
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
}

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
