// The review bench's page (opened by review.bench.ts in headless Chromium): the app itself — mountApp
// with a manual clock, the default scenario, the Pixi map, no persistence — opens a 10,000-entry
// honest log (served by the bench as a chained JSONL file) in the replay view and is scrubbed, view by
// view. Each move is timed from setting the playhead to the end of the synchronous re-render the
// scrubber's input event makes (lit-html, the scores, the map's view model and update()): our
// JavaScript, not paint — the frame after each move is painted outside the measured time, as a drag
// gives the browser one input per frame. Figures are left on window.__bench.
import text from '../../scenarios/haicheng-m5.8.yaml?raw';
import '../../src/app/styles.css';
import { mountApp } from '../../src/app/app.ts';
import { mountedIn, mountMap } from '../../src/app/map/mount.ts';
import { createUiStore } from '../../src/app/store.ts';
import { parseLog } from '../../src/review/log-file.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { LOG_URL, SCRUBBED_VIEWS, scrubPlan, type ScrubMove } from './review-moves.ts';

export interface ScrubSample extends ScrubMove {
  /** The playhead set: ReviewSession.seek (the Timeline's seek) alone. */
  seekMs: number;
  /** From setting the playhead to the end of the re-render (the seek included). */
  totalMs: number;
}

export interface ReviewBenchResult {
  done: true;
  entries: number;
  endMs: number;
  stepMs: number;
  markers: number;
  /** App.openReview with its first render: the Timeline built, the markers replayed, the console drawn. */
  openMs: number;
  renderer: string;
  viewport: { width: number; height: number };
  views: Record<string, ScrubSample[]>;
}

const params = new URLSearchParams(location.search);
const counts = { random: Number(params.get('random') ?? '100'), steps: Number(params.get('steps') ?? '100'), warmup: Number(params.get('warmup') ?? '5') };
const progress = (stage: string) => Object.assign(window, { __bench: { done: false, stage } });
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

progress('loading');
const loaded = loadScenario(text, 'scenarios/haicheng-m5.8.yaml');
if (!loaded.ok) throw new Error('the default scenario does not load');
const parsed = parseLog(await (await fetch(LOG_URL)).text());
if (!parsed.ok) throw new Error(`the bench log does not read: ${parsed.problem.message}`);

const container = document.body.appendChild(document.createElement('div'));
const store = createUiStore('zh');
// A manual clock that stands still: nothing plays, only the scrubber moves the playhead.
const app = mountApp(container, { file: 'scenarios/haicheng-m5.8.yaml', result: { ok: true, scenario: loaded.scenario } }, store, { clock: () => 0, mountMap: (el) => mountMap(el) });

progress('opening');
let start = performance.now();
app.openReview({ scenario: loaded.scenario, file: 'scenarios/haicheng-m5.8.yaml', header: parsed.header, log: parsed.log, trust: parsed.trust });
const openMs = performance.now() - start;
const review = app.review!;
const plan = scrubPlan(review.end, counts);

/** The map of the view on show, once it draws (or has given up). */
async function mapReady(): Promise<string> {
  const slot = container.querySelector<HTMLElement>('[data-map-slot]');
  const view = slot ? await mountedIn(slot)?.ready : undefined;
  return view?.stats().renderer ?? (slot ? 'none' : '');
}

/** One scrubber move: the range input set and its input event, as a drag gives it. */
function move(t: number): { seekMs: number; totalMs: number } {
  const scrubber = container.querySelector<HTMLInputElement>('[data-scrubber]');
  if (!scrubber) throw new Error('the review view has no [data-scrubber]');
  start = performance.now();
  scrubber.value = String(t);
  // The handler seeks to the value (the range input's, after its own rounding) and redraws; seeking
  // first splits the seek from the render without adding work (the session keeps the drill at its playhead).
  review.seek(Number(scrubber.value));
  const seeked = performance.now();
  scrubber.dispatchEvent(new Event('input', { bubbles: true }));
  const end = performance.now();
  return { seekMs: seeked - start, totalMs: end - start };
}

const views: Record<string, ScrubSample[]> = {};
let renderer = '';
for (const view of SCRUBBED_VIEWS) {
  progress(view);
  store.getState().setReviewView(view);
  renderer = (await mapReady()) || renderer;
  await frame();
  for (const m of plan.warmup) {
    move(m.t);
    await frame();
  }
  const samples: ScrubSample[] = [];
  for (const m of plan.moves) {
    samples.push({ ...m, ...move(m.t) });
    await frame();
  }
  views[view] = samples;
}

const result: ReviewBenchResult = {
  done: true,
  entries: parsed.log.length,
  endMs: review.end,
  stepMs: plan.stepMs,
  markers: review.markers.length,
  openMs,
  renderer,
  viewport: { width: innerWidth, height: innerHeight },
  views,
};
Object.assign(window, { __bench: result });
