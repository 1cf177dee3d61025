// Dev-server plugin: saving a learner file reloads the page, so the worker that runs the learner's code
// starts again with the new code (a worker cannot swap modules in place the way HMR does for the page).
import { normalizePath, type Plugin } from 'vite';

export function reloadOnExerciseChange(exercisesDir: string): Plugin {
  const prefix = normalizePath(exercisesDir) + '/';
  return {
    name: 'reload-on-exercise-change',
    apply: 'serve',
    handleHotUpdate({ file, server }) {
      if (!normalizePath(file).startsWith(prefix)) return;
      server.ws.send({ type: 'full-reload', path: '*' });
      return [];
    },
  };
}
