// A labelled slider paired with a number input for one numeric setting. The slider moves in log10 for settings
// that span orders of magnitude; both fire on every input (not on release) and stay in step with each other.
export interface SliderField {
  element: HTMLElement;
  value: number;
  set(value: number): void;
}

export interface SliderFieldOptions {
  id: string;
  label: string;
  min: number;
  max: number;
  scale: 'log' | 'linear';
  /** Whole numbers only (the step count). */
  integer?: boolean;
  value: number;
  onInput(value: number): void;
}

const SLIDER_STEPS = 400;

/** Shortest text that shows a value to four significant digits. */
const show = (value: number): string => String(Number(value.toPrecision(4)));

export function sliderField(options: SliderFieldOptions): SliderField {
  const { min, max, scale } = options;
  const toSlider = (value: number): number =>
    scale === 'log' ? Math.log10(Math.min(max, Math.max(min, value))) : Math.min(max, Math.max(min, value));
  const fromSlider = (position: number): number => {
    const value = scale === 'log' ? 10 ** position : position;
    return options.integer ? Math.round(value) : Number(value.toPrecision(3));
  };
  const [low, high] = scale === 'log' ? [Math.log10(min), Math.log10(max)] : [min, max];

  const element = document.createElement('div');
  element.className = 'slider-field';
  const label = Object.assign(document.createElement('label'), {
    htmlFor: options.id,
    textContent: options.label,
    className: 'slider-field__label',
  });
  const slider = Object.assign(document.createElement('input'), {
    type: 'range',
    id: options.id,
    className: 'slider-field__range',
    min: String(low),
    max: String(high),
    step: options.integer ? '1' : String((high - low) / SLIDER_STEPS),
  });
  const number = Object.assign(document.createElement('input'), {
    type: 'number',
    className: 'slider-field__number',
    min: String(min),
    max: String(max),
    step: options.integer ? '1' : 'any',
  });
  number.setAttribute('aria-label', `${options.label} (exact value)`);
  element.append(label, slider, number);

  const field: SliderField = {
    element,
    value: options.value,
    set(value) {
      field.value = value;
      slider.value = String(toSlider(value));
      slider.setAttribute('aria-valuetext', show(value));
      number.value = show(value);
    },
  };
  slider.addEventListener('input', () => {
    const value = fromSlider(Number(slider.value));
    field.value = value;
    number.value = show(value);
    slider.setAttribute('aria-valuetext', show(value));
    options.onInput(value);
  });
  number.addEventListener('input', () => {
    const value = Number(number.value);
    // Mid-typing states such as "0." or "" are not values yet; wait for a number in range.
    if (number.value === '' || !Number.isFinite(value) || value < min || value > max) return;
    field.value = options.integer ? Math.round(value) : value;
    slider.value = String(toSlider(field.value));
    options.onInput(field.value);
  });
  field.set(options.value);
  return field;
}
