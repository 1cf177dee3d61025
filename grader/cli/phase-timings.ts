// Where one grading run's time goes, for `npm run grade -- --timings` and `npm run bench`: the moment each phase
// ended, in milliseconds since the process started (performance.now() counts from the process's start).

export const PHASES = [
  /** Node.js started, the launcher loaded vitest's Node API and the grader's modules. */
  'modules loaded',
  /** The first sandbox process booted (in parallel with vitest). */
  'sandbox booted',
  /** vitest read its configuration and started its workers. */
  'vitest ready',
  /** Every suite ran: bundling, the sandboxed jobs and the judging. */
  'suites run',
  /** The report was printed. */
  'report printed',
] as const;

export type Phase = (typeof PHASES)[number];

const marks = new Map<Phase, number>();

/** Records the end of `phase` (the first time only: watch mode grades again without starting again). */
export function markPhase(phase: Phase): void {
  if (!marks.has(phase)) marks.set(phase, performance.now());
}

export function phaseMarks(): ReadonlyMap<Phase, number> {
  return marks;
}

/** One line per phase reached: when it ended and how long since the previous one. Pure. */
export function formatPhases(ended: ReadonlyMap<Phase, number>): string {
  let previous = 0;
  const lines = [...ended.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([phase, at]) => {
      const line = `  ${phase.padEnd(16)} at ${at.toFixed(0).padStart(5)} ms  (+${(at - previous).toFixed(0)} ms)`;
      previous = at;
      return line;
    });
  return ['timings (since the process started):', ...lines].join('\n');
}
