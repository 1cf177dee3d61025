// The playground page: every hyperparameter of the learner's own optimizers on a choice of functions, rerun on
// every input, with trajectories, losses, a step scrubber, a run summary and the settings in the URL.
import type { OptimizerId, Point } from '../shared/demo-runs.js';
import { OPTIMIZERS, optimizer, RACE } from '../../manifest.js';
import { OBJECTIVES, objectiveById, type SiteObjective } from '../shared/objectives.js';
import { DEFAULT_FORMULA, DEFAULT_SETTINGS, PRESETS, type PlaygroundSettings } from '../shared/playground-presets.js';
import type { CompiledFormula } from './formula.js';
import { formulaField } from './formula-field.js';
import { labelled } from './labelled-field.js';
import { divergenceAdvice } from './divergence.js';
import type { CustomRun, LearnerOutcome } from './learner-protocol.js';
import { lossOf, LossChart } from './loss-chart.js';
import { settingsFromQuery, settingsToQuery } from './playground-url.js';
import { runProgress } from './run-summary.js';
import { measured, measuredSince } from './measured.js';
import { loadPageRunner, type PageRunner } from './run-on-page.js';
import { sliderField, type SliderField } from './slider-field.js';
import { mountStepScrubber } from './step-scrubber.js';
import { SurfaceView } from './surface-view.js';
import { drawablePart, indexAtStep, type DrawnRun } from './drawn-runs.js';
import { renderInnerState } from './inner-state-panel.js';
import { showStep, stepView } from './step-view.js';
import { replaceStaticChart, TrajectoryChart } from './trajectory-chart.js';
import { afterNextPaint } from './after-next-paint.js';
import { mountChallengeMode } from './challenge-mode.js';
import { rerunChanged } from './rerun-changed.js';
import { loadContourTracer, provideContourMaps } from './objective-contours.js';

const NAMES = Object.fromEntries(OPTIMIZERS.map((entry) => [entry.id, entry.name])) as Record<OptimizerId, string>;
const ORDER: OptimizerId[] = OPTIMIZERS.map((entry) => entry.id);

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

interface RunRow {
  status: string;
  tone: 'ok' | 'warn' | 'error' | 'todo';
}

function outcomeRow(outcome: LearnerOutcome, divergedAt: number | null, objective?: SiteObjective): RunRow {
  switch (outcome.status) {
    case 'ran':
      return divergedAt === null
        ? { status: 'ran', tone: 'ok' }
        : { status: divergenceAdvice(divergedAt, objective), tone: 'warn' };
    case 'not-implemented':
      return { status: 'not implemented yet — implement it to play with it', tone: 'todo' };
    case 'failed':
      return { status: `your code threw: ${outcome.message}`, tone: 'error' };
    case 'timed-out':
      return {
        status: `still running after ${outcome.afterMs / 1000} s — is there a loop that never ends?`,
        tone: 'error',
      };
  }
}

const significant = (value: number): string => String(Number(value.toPrecision(4)));

function minimumNote(objective: SiteObjective): string {
  if (objective.id === 'formula') {
    const [point] = objective.minima;
    return point
      ? `Lowest point in the plotted region, found numerically: f ≈ ${significant(objective.minValue!)} at (${significant(point[0])}, ${significant(point[1])}).`
      : 'No lowest point inside the plotted region: the function keeps falling beyond it.';
  }
  if (objective.minima.length === 0) return 'No minimum: it falls away forever along y.';
  return `Minimum f* = ${objective.minValue} at ${objective.minima.map(([x, y]) => `(${x}, ${y})`).join(', ')}.`;
}

const formatDistance = (value: number | null): string =>
  value === null ? '—' : value < 1e-3 ? value.toExponential(2) : value.toFixed(4);

export function mountPlayground(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('.playground__controls')!;
  const canvas = root.querySelector<HTMLCanvasElement>('.trajectory-panel__plot canvas')!;
  const lossCanvas = root.querySelector<HTMLCanvasElement>('.trajectory-panel__loss canvas')!;
  const summary = root.querySelector<HTMLTableSectionElement>('.run-summary tbody')!;
  const inner = root.querySelector<HTMLElement>('.inner-state');
  const caption = root.querySelector<HTMLElement>('.playground__function')!;

  let settings: PlaygroundSettings = settingsFromQuery(location.search, DEFAULT_SETTINGS);
  settings.formula ??= structuredClone(DEFAULT_FORMULA);
  // The learner's typed function, once compiled (the formula module loads only when it is first chosen).
  let typed: CompiledFormula | null = null;
  // The banana stands in until a typed formula is compiled.
  let objective: SiteObjective = objectiveById(settings.objective === 'formula' ? 'banana' : settings.objective);
  let runs: DrawnRun[] = [];
  let rows = new Map<OptimizerId, RunRow>();
  let revision = 0;
  const presetQueries = PRESETS.map((p) => [p.id, settingsToQuery(p.settings)] as const);

  const onPick = (point: Point): void => {
    settings.start = [Number(point[0].toFixed(3)), Number(point[1].toFixed(3))];
    syncControls();
    schedule();
  };
  let chart = new TrajectoryChart(canvas, [], { objective, start: settings.start, onPick });
  replaceStaticChart(root);
  const loss = new LossChart(lossCanvas, objective);
  const surface = new SurfaceView(root.querySelector<HTMLCanvasElement>('.surface__canvas')!);
  const inspect = root.querySelector<HTMLSelectElement>('#playground-inspect')!;
  inspect.append(...ORDER.map((id) => element('option', { value: `Your ${NAMES[id]}`, textContent: NAMES[id] })));
  const scrubber = mountStepScrubber(root.querySelector<HTMLElement>('.step-scrubber')!, (step) => {
    showStep(step, runs, chart, loss, inner, inspect.value);
    renderSummary(step);
  });
  inspect.addEventListener('input', () => showStep(scrubber.step, runs, chart, loss, inner, inspect.value));

  // Controls: preset, function, start point, step count, and one fieldset per optimizer.
  const preset = element('select', { id: 'playground-preset' });
  preset.append(
    element('option', { value: '', textContent: 'Custom (your settings)' }),
    ...PRESETS.map((p) => element('option', { value: p.id, textContent: p.label })),
  );
  const objectiveSelect = element('select', { id: 'playground-function' });
  objectiveSelect.append(
    ...OBJECTIVES.map((o) => element('option', { value: o.id, textContent: o.name })),
    element('option', { value: 'formula', textContent: 'Your formula…' }),
  );
  const formula = formulaField((edited) => {
    settings.formula = edited;
    void compileTyped().then(changed);
  });
  const startX = element('input', { id: 'playground-start-x', type: 'number', step: 'any' });
  const startY = element('input', { id: 'playground-start-y', type: 'number', step: 'any' });
  const steps = sliderField({
    id: 'playground-steps',
    label: 'Steps',
    min: RACE.playgroundSteps.min,
    max: RACE.playgroundSteps.max,
    scale: 'log',
    integer: true,
    value: settings.nSteps,
    onInput: (value) => {
      settings.nSteps = value;
      changed();
    },
  });
  const general = element('fieldset', { className: 'playground__group' });
  const startRow = element('div', { className: 'playground__start' });
  startRow.append(labelled('Start x', startX), labelled('Start y', startY));
  general.append(
    element('legend', { textContent: 'Function and start' }),
    labelled('Preset', preset),
    labelled('Function', objectiveSelect),
    formula.element,
    startRow,
    element('p', { className: 'playground__tip', textContent: 'Tip: click the chart to move the start point.' }),
    steps.element,
  );
  form.append(general);

  const fields = new Map<string, SliderField>();
  const toggles = new Map<OptimizerId, HTMLInputElement>();
  for (const id of ORDER) {
    const group = element('fieldset', { className: 'playground__group playground__optimizer' });
    group.style.setProperty('--swatch', optimizer(id).colors.learner);
    const legend = element('legend');
    const toggle = element('input', { type: 'checkbox', id: `playground-show-${id}` });
    legend.append(toggle, element('label', { htmlFor: toggle.id, textContent: ` Your ${NAMES[id]}` }));
    toggles.set(id, toggle);
    toggle.addEventListener('input', () => {
      settings.shown = ORDER.filter((candidate) => toggles.get(candidate)!.checked);
      changed();
    });
    group.append(legend);
    for (const spec of optimizer(id).hyperparameters) {
      const field = sliderField({
        id: `playground-${id}-${spec.name}`,
        label: `${spec.symbol} ${spec.description}`,
        min: spec.min,
        max: spec.max,
        scale: spec.scale,
        value: (settings.options[id] as unknown as Record<string, number>)[spec.name],
        onInput: (value) => {
          (settings.options[id] as unknown as Record<string, number>)[spec.name] = value;
          changed();
        },
      });
      fields.set(`${id}.${spec.name}`, field);
      group.append(field.element);
    }
    form.append(group);
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  mountChallengeMode(
    form,
    () => settings,
    () => runOnPage,
  );

  function syncControls(): void {
    objectiveSelect.value = settings.objective;
    formula.element.hidden = settings.objective !== 'formula';
    formula.set((settings.formula ??= structuredClone(DEFAULT_FORMULA)));
    startX.value = String(settings.start[0]);
    startY.value = String(settings.start[1]);
    steps.set(settings.nSteps);
    for (const id of ORDER) {
      toggles.get(id)!.checked = settings.shown.includes(id);
      for (const spec of optimizer(id).hyperparameters)
        fields.get(`${id}.${spec.name}`)!.set((settings.options[id] as unknown as Record<string, number>)[spec.name]);
    }
    preset.value = matchingPreset();
  }

  /** The preset the settings are, if any ('' for none); on every input, so the presets' queries are written once. */
  function matchingPreset(): string {
    const query = settingsToQuery(settings);
    return presetQueries.find(([, presetQuery]) => presetQuery === query)?.[0] ?? '';
  }

  function changed(): void {
    // Where the runs are drawn, the preset shown follows with the views drawn after them (recompute).
    if (!schedule()) preset.value = matchingPreset();
  }

  preset.addEventListener('input', () => {
    const chosen = PRESETS.find((p) => p.id === preset.value);
    if (!chosen) return;
    // A preset sets everything but the learner's typed formula, which is kept for when they go back to it.
    settings = { ...structuredClone(chosen.settings), formula: settings.formula };
    syncControls();
    schedule();
  });
  objectiveSelect.addEventListener('input', () => {
    settings.objective = objectiveSelect.value as PlaygroundSettings['objective'];
    if (settings.objective === 'formula') {
      void compileTyped().then(() => {
        if (typed) settings.start = [...typed.objective.start];
        syncControls();
        schedule();
      });
      return;
    }
    settings.start = [...objectiveById(settings.objective).start];
    syncControls();
    schedule();
  });

  /** Compiles the typed formula; one that cannot be a formula says why, and the last good one keeps running. */
  async function compileTyped(): Promise<void> {
    // No map was made ahead for a typed function: its contours are traced here, once the tracer has loaded.
    const [compiled] = await Promise.all([
      formula.compile((settings.formula ??= structuredClone(DEFAULT_FORMULA))),
      loadContourTracer(),
    ]);
    typed = compiled ?? typed;
  }
  for (const [input, axis] of [
    [startX, 0],
    [startY, 1],
  ] as const) {
    input.addEventListener('input', () => {
      const value = Number(input.value);
      if (input.value === '' || !Number.isFinite(value)) return;
      settings.start[axis] = value;
      changed();
    });
  }

  function renderSummary(step: number): void {
    summary.replaceChildren(
      ...settings.shown.map((id) => {
        const run = runs.find((candidate) => candidate.label === `Your ${NAMES[id]}`);
        const row = rows.get(id) ?? { status: 'running…', tone: 'todo' as const };
        const index = run ? indexAtStep(run.steps, step) : -1;
        const progress = run ? runProgress(objective, run.points, run.steps, index) : null;
        const tr = element('tr', { className: `run-summary__row run-summary__row--${row.tone}` });
        tr.style.setProperty('--swatch', optimizer(id).colors.learner);
        const cells = [
          NAMES[id],
          row.status,
          objective.minima.length === 0
            ? 'no minimum'
            : progress?.arrivedAt != null
              ? `step ${progress.arrivedAt}`
              : run
                ? 'not yet'
                : '—',
          formatDistance(progress?.bestSoFar ?? null),
          run && index >= 0 ? lossOf(objective, run.points[index]).toPrecision(3) : '—',
        ];
        tr.append(
          element('th', { scope: 'row', textContent: cells[0] }),
          ...cells.slice(1).map((text) => element('td', { textContent: text })),
        );
        return tr;
      }),
    );
  }

  // The learner's code runs on this thread (under the loop guard), so each input's run is drawn before the next
  // frame; inputs before the modules have loaded are caught up once they are.
  let runOnPage: PageRunner | null = null;
  const rerun = rerunChanged();
  let pendingViews = 0;
  /** Whether the runs are drawn now; they are not before the learner's modules (or a typed formula) are ready. */
  function schedule(): boolean {
    return runOnPage !== null && recompute(runOnPage);
  }

  // Rewriting the URL takes Chromium several milliseconds: do it once the input has settled, not per frame.
  let urlTimer = 0;
  const keepInUrl = (): void => history.replaceState(null, '', `?${settingsToQuery(settings)}`);
  addEventListener('pagehide', keepInUrl);

  function recompute(runBatch: PageRunner): boolean {
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(keepInUrl, 200);
    const wanted = settings.objective === 'formula' ? typed?.objective : objectiveById(settings.objective);
    if (!wanted) return false; // a formula not compiled yet
    if (objective !== wanted) {
      objective = wanted;
      chart.destroy();
      chart = new TrajectoryChart(canvas, [], { objective, start: settings.start, onPick });
    }
    caption.textContent = `${objective.name}: ${objective.formula}. ${minimumNote(objective)}`;
    const shown = [...settings.shown];
    const requests = shown.map(
      (id) =>
        ({
          kind: 'custom',
          optimizer: id,
          options: { ...settings.options[id] },
          objective: objective.id === 'formula' ? objective : objective.id,
          start: [...settings.start],
          nSteps: settings.nSteps,
        }) as CustomRun,
    );
    const outcomes = rerun(runBatch, requests);
    performance.mark('playground:ran');
    runs = [];
    rows = new Map();
    outcomes.forEach((outcome, k) => {
      const id = shown[k];
      if (outcome.status !== 'ran') {
        rows.set(id, outcomeRow(outcome, null));
        return;
      }
      const part = drawablePart(outcome, objective);
      rows.set(id, outcomeRow(outcome, part.divergedAt, objective));
      if (part.points.length > 0) {
        runs.push({
          label: `Your ${NAMES[id]}`,
          color: optimizer(id).colors.learner,
          points: part.points,
          steps: part.steps,
          states: part.states,
          kind: 'learner',
          rank: ORDER.indexOf(id),
        });
      }
    });
    // Each view is drawn once per input, the scrubbed step included.
    scrubber.setLength(settings.nSteps, false);
    const view = stepView(scrubber.step, runs, inspect.value);
    chart.replace(
      runs.map((run) => ({ ...run, kind: 'run' as const })),
      settings.start,
      view.overlay,
    );
    performance.mark('playground:chart');
    // The other views follow once that frame is on screen, so the trajectory chart is never kept waiting; a newer
    // input before then replaces them (during a drag they redraw at most once a frame).
    const mine = ++pendingViews;
    void afterNextPaint(() => {
      if (mine !== pendingViews) return;
      preset.value = matchingPreset();
      loss.replace(
        runs.map((run) => ({
          label: run.label,
          points: run.points,
          steps: run.steps,
          color: run.color,
          dashed: false,
        })),
        objective,
        scrubber.step,
      );
      surface.show(objective, runs);
      if (inner) renderInnerState(inner, view.focus.label, view.focus.step, view.focus.state);
      renderSummary(scrubber.step);
      performance.mark('playground:summary');
      root.dataset.revision = String(++revision);
      root.dataset.state = 'ready';
    });
    return true;
  }

  syncControls();
  root.dataset.state = 'running';
  // The other built-in functions' maps, for when the learner picks one (the banana's came with the page).
  void import('virtual:playground-contour-maps').then(({ default: maps }) => provideContourMaps(maps));
  const loading = performance.now();
  void Promise.all([loadPageRunner(), settings.objective === 'formula' ? compileTyped() : null]).then(([runner]) => {
    measuredSince('learner modules loaded', loading);
    runOnPage = runner;
    measured('first runs drawn', () => recompute(runner));
  });
}
