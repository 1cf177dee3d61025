// Sums a Chromium performance trace as DevTools' summary does: the page's main thread between the navigation and
// a User Timing mark the page sets, split into scripting, style and layout, paint, parsing and loading, and other,
// each event counted by its own time (its children's taken out), so nested events are never counted twice.

/** What to record: the timeline DevTools shows, V8's compile and GC events, and the page's own marks and measures. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
  'loading',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export const ACTIVITIES = ['scripting', 'style & layout', 'paint', 'parse & load', 'other'] as const;
export type Activity = (typeof ACTIVITIES)[number];

// Event names as Chromium writes them; an event not listed takes its parent's activity (a task's wrapper is other).
const SCRIPTING =
  /^(v8\.|V8\.|EvaluateScript$|FunctionCall$|RunMicrotasks$|TimerFire$|FireAnimationFrame$|EventDispatch$|HandlePostMessage$|MinorGC$|MajorGC$|FireIdleCallback$)/;
const STYLE_LAYOUT =
  /^(Layout$|UpdateLayoutTree$|ParseAuthorStyleSheet$|Document::|LocalFrameView::|InlineNode::|CSSParserImpl::|HitTest$|PrePaint$|Layerize$|UpdateLayer$|UpdateLayerTree$|IntersectionObserverController::)/;
const PAINT =
  /^(Paint$|PaintImage$|Commit$|CompositeLayers$|Decode Image$|ImageDecodeTask$|Rasterize$|CanvasRenderingContext2D::)/;
const PARSE_LOAD = /^(ParseHTML$|HTMLDocumentParser::|DocumentLoader::|ResourceFetcher::|ResourceSendRequest$)/;

function activityOf(name: string): Activity | null {
  if (SCRIPTING.test(name)) return 'scripting';
  if (STYLE_LAYOUT.test(name)) return 'style & layout';
  if (PAINT.test(name)) return 'paint';
  if (PARSE_LOAD.test(name)) return 'parse & load';
  return null;
}

export interface MainThreadSummary {
  /** From the navigation's start to the mark, ms. */
  window: number;
  busy: Record<Activity, number>;
  /** The window's time with no task running on the main thread, ms. */
  idle: number;
}

/**
 * The main thread's time from the navigation to `until` ms after it (by default `markedAt`), placed by `mark`, a
 * performance.mark of the page set `markedAt` ms (its performance.now()) after the navigation began: the window is
 * measured from the mark, since a trace can hold several navigationStart events (workers', frames') on the page's
 * threads.
 */
export function mainThreadSummary(
  events: readonly TraceEvent[],
  mark: string,
  markedAt: number,
  until = markedAt,
): MainThreadSummary {
  const marked = events.find((event) => event.name === mark && event.cat.includes('user_timing'));
  if (!marked) throw new Error(`the trace has no mark ${mark}`);
  const start = { ts: marked.ts - markedAt * 1000 };
  const end = { pid: marked.pid, tid: marked.tid, ts: start.ts + until * 1000 };
  const inWindow = events
    .filter(
      (event) =>
        event.pid === end.pid &&
        event.tid === end.tid &&
        event.ph === 'X' &&
        event.dur !== undefined &&
        event.ts >= start.ts &&
        event.ts < end.ts,
    )
    // Parents before their children: earlier first, then longer first.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const busy = Object.fromEntries(ACTIVITIES.map((activity) => [activity, 0])) as Record<Activity, number>;
  const stack: Array<{ end: number; activity: Activity }> = [];
  let covered = 0;
  for (const event of inWindow) {
    const eventEnd = Math.min(event.ts + event.dur!, end.ts);
    while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const activity = activityOf(event.name) ?? parent?.activity ?? 'other';
    const own = eventEnd - event.ts;
    busy[activity] += own;
    // The child's time was counted in the parent's activity already: move it to the child's.
    if (parent) busy[parent.activity] -= own;
    else covered += own;
    stack.push({ end: eventEnd, activity });
  }
  const ms = (us: number): number => us / 1000;
  for (const activity of ACTIVITIES) busy[activity] = ms(busy[activity]);
  const window = ms(end.ts - start.ts);
  return { window, busy, idle: window - ms(covered) };
}
