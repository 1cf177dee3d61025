// Which modules Vite hands a plugin are the learner's own TypeScript files in exercises/ (ids may carry a ?query).
import { normalizePath } from 'vite';

/** The learner file's path for a module id, or null for every other module. */
export function learnerFilePath(exercisesDir: string): (id: string) => string | null {
  const prefix = normalizePath(exercisesDir) + '/';
  return (id) => {
    const path = normalizePath(id.split('?')[0]!);
    return path.startsWith(prefix) && path.endsWith('.ts') ? path : null;
  };
}
