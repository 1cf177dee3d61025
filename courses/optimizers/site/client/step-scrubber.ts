// The step scrubber under a panel's charts: a labelled range input (arrow keys, Home/End, Page Up/Down work as
// for any slider) and a play button that walks every run forward together.
export interface StepScrubber {
  /** Sets how many steps there are, keeping the current step when it still fits; `notify` false: the caller redraws. */
  setLength(steps: number, notify?: boolean): void;
  readonly step: number;
}

let scrubberCount = 0;

/** Frames per second of the animation; long runs move several steps a frame so a play takes ~4 s at most. */
const FPS = 30;
const PLAY_SECONDS = 4;

export function mountStepScrubber(host: HTMLElement, onStep: (step: number) => void): StepScrubber {
  const id = `step-scrubber-${++scrubberCount}`;
  host.classList.add('step-scrubber');
  host.innerHTML = `
    <button type="button" class="step-scrubber__play" aria-pressed="false">▶ Play</button>
    <label class="step-scrubber__label" for="${id}">Step</label>
    <input class="step-scrubber__range" id="${id}" type="range" min="0" max="0" value="0" step="1">
    <output class="step-scrubber__value" for="${id}" aria-live="off">0</output>`;
  const range = host.querySelector<HTMLInputElement>('input')!;
  const play = host.querySelector<HTMLButtonElement>('button')!;
  const output = host.querySelector<HTMLOutputElement>('output')!;
  let timer: number | null = null;

  const show = (step: number, notify = true): void => {
    range.value = String(step);
    output.textContent = `${step} / ${range.max}`;
    range.setAttribute('aria-valuetext', `step ${step} of ${range.max}`);
    if (notify) onStep(step);
  };
  const stop = (): void => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  };
  range.addEventListener('input', () => {
    stop();
    show(Number(range.value));
  });
  play.addEventListener('click', () => {
    if (timer !== null) return stop();
    const max = Number(range.max);
    if (Number(range.value) >= max) show(0);
    const perFrame = Math.max(1, Math.ceil(max / (FPS * PLAY_SECONDS)));
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = window.setInterval(() => {
      const next = Math.min(max, Number(range.value) + perFrame);
      show(next);
      if (next >= max) stop();
    }, 1000 / FPS);
  });

  return {
    setLength(steps, notify = true) {
      const max = Math.max(0, steps - 1);
      range.max = String(max);
      show(Math.min(Number(range.value), max), notify);
    },
    get step() {
      return Number(range.value);
    },
  };
}
