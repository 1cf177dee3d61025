// One colour per optimizer, shared by the charts and by the site test that looks for these colours in the canvas.
import type { OptimizerId } from '../shared/demo-runs.js';

export interface SeriesColors {
  /** Solid reference line. */
  reference: string;
  /** Dashed learner line: a darker shade of the same hue, so it stays visible where it overlays the reference. */
  learner: string;
}

export const OPTIMIZER_COLORS: Record<OptimizerId, SeriesColors> = {
  sgd: { reference: '#3b82f6', learner: '#1e3a8a' },
  momentum: { reference: '#f97316', learner: '#9a3412' },
  rmsprop: { reference: '#10b981', learner: '#065f46' },
  adam: { reference: '#d946ef', learner: '#86198f' },
};

export const CHALLENGE_COLOR = '#e11d48';
