// The playground's runs, rerun only where an input changed them: a slider moves one optimizer's setting, so the
// other optimizers' runs from the last input are still right (the learner's code is loaded once per page, and
// the same settings give the same run). Keeps one outcome per optimizer, the last one; a run stopped by the time
// limit is always run again, since alone it may finish.
import type { CustomRun, LearnerOutcome } from './learner-protocol.js';
import type { PageRunner } from './run-on-page.js';

interface Kept {
  /** The request's settings, its objective left out: a typed formula is compared by identity instead. */
  settings: string;
  objective: CustomRun['objective'];
  outcome: LearnerOutcome;
}

const settingsOf = (request: CustomRun): string =>
  JSON.stringify([request.optimizer, request.options, request.start, request.nSteps]);

/** A runner of playground requests that runs only those unlike the last outcome kept for their optimizer. */
export function rerunChanged(): (run: PageRunner, requests: readonly CustomRun[]) => LearnerOutcome[] {
  const kept = new Map<CustomRun['optimizer'], Kept>();
  return (run, requests) => {
    const wanted = requests.map((request) => ({ request, settings: settingsOf(request) }));
    const same = ({ request, settings }: (typeof wanted)[number]): LearnerOutcome | undefined => {
      const last = kept.get(request.optimizer);
      return last && last.settings === settings && last.objective === request.objective ? last.outcome : undefined;
    };
    const missing = wanted.filter((want) => same(want) === undefined);
    // The changed runs go together, as before, under one time limit.
    const ran = run(missing.map(({ request }) => request));
    missing.forEach(({ request, settings }, k) => {
      const outcome = ran[k]!;
      if (outcome.status === 'timed-out') kept.delete(request.optimizer);
      else kept.set(request.optimizer, { settings, objective: request.objective, outcome });
    });
    return wanted.map((want) => same(want) ?? ran[missing.indexOf(want)]!);
  };
}
