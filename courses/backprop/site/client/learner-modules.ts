// Loads the learner's modules from exercises/backprop, each on its own, so that a file that does not compile or is
// not written yet stops only the widgets that need it. Runs in the workers.
import { clearDeadline, setDeadline } from '../../../../site/client/loop-guard.js';
import { failureOf, LearnerProblem, type LearnerFailure } from './learner-failure.js';

type Loaded<T> = { ok: true; value: T } | { ok: false; failure: LearnerFailure };
type Module = Record<string, unknown>;

/** How long a module's top-level code may loop before the loop guard stops it. */
const IMPORT_LIMIT_MS = 2000;

export const learnerPath = (file: string): string => `exercises/backprop/${file}`;

/** The exports `names` of a learner module, or why they cannot be had; never rejects. */
export async function loadExports<N extends string>(
  file: string,
  names: readonly N[],
  load: () => Promise<Module>,
): Promise<Loaded<Record<N, unknown>>> {
  const during = `loading ${learnerPath(file)}`;
  setDeadline(IMPORT_LIMIT_MS);
  try {
    const module = await load();
    const missing = names.filter((name) => module[name] === undefined);
    if (missing.length > 0)
      return {
        ok: false,
        failure: {
          status: 'threw',
          during,
          message: `${learnerPath(file)} exports no ${missing.join(', ')}: keep the names the starting code gives them`,
        },
      };
    return { ok: true, value: Object.fromEntries(names.map((name) => [name, module[name]])) as Record<N, unknown> };
  } catch (error) {
    return { ok: false, failure: failureOf(error, during) };
  } finally {
    clearDeadline();
  }
}

/** The loaded exports, or the failure thrown as a LearnerProblem. */
export function loaded<T>(module: Loaded<T>): T {
  if (!module.ok) throw new LearnerProblem(module.failure);
  return module.value;
}
