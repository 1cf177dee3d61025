// What a course's sandbox drivers are: grader code that runs inside the sandbox, calls the learner's exports and
// returns plain data for a suite to judge. A course lists its drivers in grader/<course>/drivers.ts.

export interface DriverContext {
  /**
   * The learner's export `exportName` of `module` (one of the session's files). Throws LearnerThrew, during
   * "loading <module>", when the file cannot be loaded.
   */
  load(module: string, exportName: string): Promise<unknown>;
  /** The output of an earlier job of the same session, by name; undefined when it failed or has not run. */
  earlier(name: string): unknown;
}

// The input is whatever the suite put in the job: each driver states its own shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Driver = (input: any, context: DriverContext) => unknown;

export type Drivers = Record<string, Driver>;

/** Lists a course's drivers; the default export of grader/<course>/drivers.ts. */
export const defineDrivers = <T extends Drivers>(drivers: T): T => drivers;

// A brand rather than instanceof: the runner and a course's drivers are bundled separately, so each has its own
// copy of this class. Learner code that forges the brand only changes the wording of its own failure.
const BRAND = Symbol.for('grader.learner-threw');

/**
 * Thrown by a driver when the learner's code threw: `during` says where ("the constructor", "step 3"),
 * and `partial` keeps the output computed before it (the points computed so far), which the suite may still show.
 */
export class LearnerThrew extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly during: string,
    override readonly cause: unknown,
    readonly partial?: unknown,
  ) {
    super(`${during} threw: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export const isLearnerThrew = (error: unknown): error is LearnerThrew =>
  typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;

/** Runs learner code, saying during what if it throws. */
export function learnerCall<T>(during: string, call: () => T, partial?: () => unknown): T {
  try {
    return call();
  } catch (error) {
    if (isLearnerThrew(error)) throw error;
    throw new LearnerThrew(during, error, partial?.());
  }
}
