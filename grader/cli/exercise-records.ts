// The learner's records (.grade/records.json): for each exercise whose suite reports figures, its recent passing
// attempts and its best, by the figure the suite marked (lower or higher is better, as the suite declares).
// Pure but for readRecords/writeRecords; the scorecard shows them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFigures, type Figure } from '../harness/exercise-figures.js';
import { saveState } from '../files/save-state.js';
import type { GradeReport } from './grade-report.js';

export const RECORDS_PATH = join('.grade', 'records.json');

/** Attempts kept per exercise, newest last. */
export const ATTEMPTS_KEPT = 20;

export interface Attempt {
  /** When it was graded (ISO 8601). */
  at: string;
  figures: Figure[];
}

export interface ExerciseRecord {
  best?: Attempt;
  attempts: Attempt[];
}

/** By exercise id (`<course>/<id>`). */
export type Records = Record<string, ExerciseRecord>;

/** What the scorecard says beside a pass's figures. */
export interface BestNews {
  best: Attempt;
  /** The best before this run, if any. */
  previous?: Attempt;
  /** This run set it (first record, or better than the previous best). */
  isNew: boolean;
}

/** The figure that records are kept by, or undefined when the suite marked none. */
export const keyFigure = (figures: Figure[]): Figure | undefined => figures.find((f) => f.better);

/** Whether `a` beats `b` by the figure they are kept by (a tie keeps the older best). */
export function beats(a: Attempt, b: Attempt): boolean {
  const key = keyFigure(a.figures);
  const other = key && b.figures.find((f) => f.name === key.name);
  if (!key) return false;
  if (!other) return true;
  return key.better === 'lower' ? key.value < other.value : key.value > other.value;
}

/** The records after this run: each passing exercise with figures adds an attempt and may set a new best. */
export function updateRecords(
  records: Records,
  report: GradeReport,
  now: Date,
): { records: Records; news: Map<string, BestNews> } {
  const next: Records = { ...records };
  const news = new Map<string, BestNews>();
  for (const e of report.exercises) {
    if (e.status !== 'pass' || !e.figures) continue;
    const attempt: Attempt = { at: now.toISOString(), figures: e.figures };
    const old = records[e.id] ?? { attempts: [] };
    const attempts = [...old.attempts, attempt].slice(-ATTEMPTS_KEPT);
    if (!keyFigure(e.figures)) {
      next[e.id] = { ...old, attempts };
      continue;
    }
    const isNew = !old.best || beats(attempt, old.best);
    const best = isNew ? attempt : old.best!;
    next[e.id] = { best, attempts };
    news.set(e.id, { best, ...(old.best ? { previous: old.best } : {}), isNew });
  }
  return { records: next, news };
}

/** The line under a passing exercise, e.g. "412 steps, 0.0081 from (1, 1) — your best: 398 steps". */
export function figuresLine(figures: Figure[], news?: BestNews): string {
  const these = figures.map((f) => f.text).join(', ');
  if (!news) return these;
  const bestText = (a: Attempt) => keyFigure(a.figures)?.text ?? a.figures.map((f) => f.text).join(', ');
  if (!news.isNew) return `${these} — your best: ${bestText(news.best)}`;
  if (!news.previous) return `${these} — your first record`;
  return `${these} — a new best (was ${bestText(news.previous)})`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function parseAttempt(value: unknown): Attempt | undefined {
  if (!isRecord(value) || typeof value.at !== 'string') return undefined;
  const figures = parseFigures(value.figures);
  return figures ? { at: value.at, figures } : undefined;
}

/** Parses records.json; whatever does not fit is dropped (a damaged file starts afresh). */
export function parseRecords(json: string): Records {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const records: Records = {};
  for (const [id, entry] of Object.entries(data)) {
    if (!isRecord(entry) || !Array.isArray(entry.attempts)) continue;
    const attempts = entry.attempts.map(parseAttempt).filter((a): a is Attempt => a !== undefined);
    const best = parseAttempt(entry.best);
    records[id] = { ...(best ? { best } : {}), attempts };
  }
  return records;
}

export function readRecords(root: string): Records {
  try {
    return parseRecords(readFileSync(join(root, RECORDS_PATH), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Adds this run to `root`'s records (written whole or not at all) and says what changed; `unsaved` is a note for the
 * learner when the records could not be written.
 */
export function keepRecords(
  root: string,
  report: GradeReport,
  now = new Date(),
): { news: Map<string, BestNews>; unsaved?: string } {
  if (!report.exercises.some((e) => e.status === 'pass' && e.figures)) return { news: new Map() };
  const { records, news } = updateRecords(readRecords(root), report, now);
  const unsaved = saveState(root, RECORDS_PATH, `${JSON.stringify(records, null, 2)}\n`);
  return unsaved ? { news, unsaved } : { news };
}
