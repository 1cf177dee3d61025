// Tick labels of the charts' linear axes, written as Chart.js's own numeric formatter writes them in English
// (decimals from the tick spacing, thousands grouped with commas) but without Intl.NumberFormat, whose first use
// loads locale data and held up each page's first chart by tens of milliseconds on a slow machine.

/** Chart.js's tick callback signature: the value, its index and every tick of the axis. */
export function tickLabel(value: number | string, _index: number, ticks: readonly { value: number }[]): string {
  const number = Number(value);
  if (number === 0) return '0';
  let delta = number;
  if (ticks.length > 1) {
    delta = ticks.length > 3 ? ticks[2]!.value - ticks[1]!.value : ticks[1]!.value - ticks[0]!.value;
    if (Math.abs(delta) >= 1 && number !== Math.floor(number)) delta = number - Math.floor(number);
  }
  const magnitude = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(magnitude) ? 1 : Math.max(Math.min(-Math.floor(magnitude), 20), 0);
  const [whole, fraction] = Math.abs(number).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${number < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
