// The replay view's speed (issue 10 §1: seek ≤ 16 ms p95 on a 10,000-entry log, the scrub loop ≤ 50 ms
// p95 in Chromium). In Node: the Timeline's seek (seek.ts) and the review session's seek with the
// scores as they stood (what the scoreboard and the seat view need). In headless Chromium
// (review-page.ts): the app's replay view scrubbed, view by view. Both make the same moves
// (review-moves.ts) over one honest log of the default scenario, served to the page as the chained
// file an import reads. Figures only, never assertions.
import { ReviewSession, type ReviewSource } from '../../src/app/review/review-session.ts';
import { headerFor, parseLog, writeLog } from '../../src/review/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { hasChromium, CHROMIUM, launchChromium, startVite } from '../browser/launch.ts';
import { defaultScenario } from './engine.bench.ts';
import { honestLog } from './honest-log.ts';
import type { ReviewBenchResult, ScrubSample } from './review-page.ts';
import { cpuMsSince } from './measure.ts';
import { LOG_URL, SCRUB_DEFAULTS, SCRUBBED_VIEWS, scrubPlan } from './review-moves.ts';
import { seekBench } from './seek.ts';
import { stats } from './stats.ts';

export const REVIEW_ENTRIES = 10_000;
/** Issue 10 §1's targets (ms, p95): the seek on a 10,000-entry log, and a scrubber move re-rendered in Chromium. */
export const SEEK_TARGET_P95_MS = 16;
export const SCRUB_TARGET_P95_MS = 50;
const SEED = 7;
const SCENARIO_FILE = 'scenarios/haicheng-m5.8.yaml';
const PAGE_HTML = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>review bench</title><body><script type="module" src="/test/bench/review-page.ts"></script></body></html>';

/** The honest log as the chained file an export writes, and the record a reader makes of it. */
function recordedDrill(scenario: Scenario) {
  const log = honestLog(scenario, SEED, REVIEW_ENTRIES);
  const text = writeLog(headerFor(SCENARIO_FILE, scenario, SEED, { drill: `bench-${REVIEW_ENTRIES}` }), log);
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(`the bench's own log does not read back: ${parsed.problem.message}`);
  const source: ReviewSource = { scenario, file: SCENARIO_FILE, header: parsed.header, log: parsed.log, trust: parsed.trust };
  return { text, source };
}

/** The figures of all moves, and of the jumps and the drag apart. */
function split<S extends { kind: string }>(samples: S[], value: (s: S) => number) {
  const of = (kind?: string) => stats(samples.filter((s) => kind === undefined || s.kind === kind).map(value));
  return { all: of(), random: of('random'), step: of('step') };
}

/** The review session in Node: the seek alone, and the seek with the scores at the playhead. */
function sessionSeeks(source: ReviewSource) {
  let start = performance.now();
  const review = new ReviewSession(source);
  const openMs = performance.now() - start;
  const plan = scrubPlan(review.end);
  const one = (t: number) => {
    const cpu = process.cpuUsage();
    start = performance.now();
    review.seek(t);
    const seeked = performance.now();
    if (review.scores.overall === undefined) throw new Error('no scores');
    return { seekMs: seeked - start, totalMs: performance.now() - start, totalCpuMs: cpuMsSince(cpu) };
  };
  for (const m of plan.warmup) one(m.t);
  const samples = plan.moves.map((m) => ({ kind: m.kind, ...one(m.t) }));
  return {
    openMs: Math.round(openMs),
    endMs: review.end,
    stepMs: plan.stepMs,
    moves: { ...SCRUB_DEFAULTS },
    seek: split(samples, (s) => s.seekMs),
    seekAndScores: split(samples, (s) => s.totalMs),
    /** This process's CPU over the seek and the scores: what a busy machine's wall time hides. */
    seekAndScoresCpu: split(samples, (s) => s.totalCpuMs),
  };
}

async function chromiumScrub(logText: string) {
  if (!hasChromium()) return { skipped: `no Chromium at ${CHROMIUM}` };
  const vite = await startVite();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route((url) => url.pathname === '/__review-bench', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE_HTML }));
    await page.route((url) => url.pathname === LOG_URL, (route) => route.fulfill({ contentType: 'application/x-ndjson; charset=utf-8', body: logText }));
    const { random, steps, warmup } = SCRUB_DEFAULTS;
    await page.goto(`${vite.url}__review-bench?random=${random}&steps=${steps}&warmup=${warmup}`);
    const started = Date.now();
    await page
      .waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, undefined, { timeout: 900_000, polling: 1000 })
      .catch(async (e: Error) => {
        const stage = await page.evaluate(() => (window as unknown as { __bench?: { stage?: string } }).__bench?.stage).catch(() => undefined);
        throw new Error(`the review bench page did not finish (at ${stage ?? 'start'}): ${errors.join('; ') || e.message}`);
      });
    const r = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as ReviewBenchResult;
    const views = Object.fromEntries(
      SCRUBBED_VIEWS.map((v) => {
        const samples: ScrubSample[] = r.views[v] ?? [];
        return [v, { scrub: split(samples, (s) => s.totalMs), seek: split(samples, (s) => s.seekMs) }];
      }),
    );
    return {
      renderer: r.renderer,
      viewport: r.viewport,
      entries: r.entries,
      endMs: r.endMs,
      stepMs: r.stepMs,
      markers: r.markers,
      moves: { random, steps, warmupPerView: warmup },
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      openMs: Math.round(r.openMs),
      /** Per view: `scrub` from setting the playhead to the end of the synchronous re-render, `seek` its seek alone (ms wall). */
      views,
      targetScrubP95Ms: SCRUB_TARGET_P95_MS,
      errors,
    };
  } finally {
    await browser.close();
    await vite.close();
  }
}

/** `seek10k`: the seek section's 10k figures when it ran in this process (the same log), else measured here. */
export async function reviewBench(seek10k?: ReturnType<typeof seekBench>) {
  const scenario = defaultScenario();
  const timeline = seek10k ?? seekBench(REVIEW_ENTRIES, { scenario, seed: SEED });
  const { text, source } = recordedDrill(scenario);
  return {
    log: `${REVIEW_ENTRIES.toLocaleString('en')} honest entries of ${SCENARIO_FILE}, seed ${SEED}, chained (log@2)`,
    timeline: { entries: timeline.entries, build: timeline.timeline.build, seek: timeline.seek, targetP95Ms: SEEK_TARGET_P95_MS },
    session: sessionSeeks(source),
    chromium: await chromiumScrub(text),
  };
}
