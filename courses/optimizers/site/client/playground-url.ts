// The playground's settings in the page's query string, so a setting can be shared or bookmarked as a link:
// ?f=banana&x=-1&y=2&n=100&show=sgd,adam&sgd.learningRate=0.001&…
import { isOptimizerId, type OptionsByOptimizer } from '../shared/demo-runs.js';
import { OPTIMIZERS, optimizer, RACE } from '../../manifest.js';
import { isObjectiveId } from '../shared/objectives.js';
import { DEFAULT_FORMULA, type FormulaSetting, type PlaygroundSettings } from '../shared/playground-presets.js';

export function settingsToQuery(settings: PlaygroundSettings): string {
  const query = new URLSearchParams();
  query.set('f', settings.objective);
  if (settings.objective === 'formula' && settings.formula) {
    query.set('formula', settings.formula.text);
    query.set('region', [...settings.formula.x, ...settings.formula.y].join(','));
  }
  query.set('x', String(settings.start[0]));
  query.set('y', String(settings.start[1]));
  query.set('n', String(settings.nSteps));
  query.set('show', settings.shown.join(','));
  for (const { id } of OPTIMIZERS) {
    for (const [name, value] of Object.entries(settings.options[id])) query.set(`${id}.${name}`, String(value));
  }
  return query.toString();
}

const finite = (text: string | null): number | null => {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

/** The typed formula and its region (x from, x to, y from, y to), when the query holds a well-formed one. */
function formulaFromQuery(query: URLSearchParams, fallback: FormulaSetting): FormulaSetting {
  const region = (query.get('region') ?? '').split(',').map(finite);
  const [x0, x1, y0, y1] = region;
  const regionOk = region.length === 4 && region.every((v) => v !== null) && x0! < x1! && y0! < y1!;
  return {
    text: query.get('formula') ?? fallback.text,
    x: regionOk ? [x0!, x1!] : [...fallback.x],
    y: regionOk ? [y0!, y1!] : [...fallback.y],
  };
}

/** The settings a query asks for, each missing or malformed value taken from `fallback`. */
export function settingsFromQuery(search: string, fallback: PlaygroundSettings): PlaygroundSettings {
  const query = new URLSearchParams(search);
  const objective = query.get('f') ?? '';
  const nSteps = finite(query.get('n'));
  const options = structuredClone(fallback.options) as OptionsByOptimizer;
  for (const { id } of OPTIMIZERS) {
    for (const spec of optimizer(id).hyperparameters) {
      const value = finite(query.get(`${id}.${spec.name}`));
      if (value !== null) (options[id] as unknown as Record<string, number>)[spec.name] = value;
    }
  }
  const show = query.get('show');
  return {
    objective: isObjectiveId(objective) || objective === 'formula' ? objective : fallback.objective,
    formula: formulaFromQuery(query, fallback.formula ?? DEFAULT_FORMULA),
    start: [finite(query.get('x')) ?? fallback.start[0], finite(query.get('y')) ?? fallback.start[1]],
    nSteps:
      nSteps === null
        ? fallback.nSteps
        : Math.min(RACE.playgroundSteps.max, Math.max(RACE.playgroundSteps.min, Math.round(nSteps))),
    options,
    shown: show === null ? fallback.shown : show.split(',').filter(isOptimizerId),
  };
}
