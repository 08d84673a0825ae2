// `npm run bench [-- section …]`: measures, prints a summary against issue 8's targets, then every
// figure as JSON. Benchmarks measure; they never assert a time. Each time is CPU time (wall time
// beside it in the details) and also a ratio to the XState reference measured in this same process,
// between the engine's samples, so figures from a busy machine still compare.
import { cpus } from 'node:os';
import { browserBench } from './browser.bench.ts';
import { cliBench } from './cli.bench.ts';
import { engineBench } from './engine.bench.ts';
import { mapBench } from './map.bench.ts';
import { load, Reference, REFERENCE_EVENTS } from './measure.ts';
import { reviewBench, SCRUB_TARGET_P95_MS, SEEK_TARGET_P95_MS } from './review.bench.ts';
import { scenarioBench } from './scenario.bench.ts';
import { scalingTable } from './scaling.ts';
import { seekBench } from './seek.ts';

const SECTIONS = ['scenario', 'engine', 'scaling', 'seek', 'cli', 'browser', 'map', 'review'] as const;
/** Log lengths the seek section folds and scrubs (issue 8: 10k, 100k, 1M accepted entries). */
const SEEK_ENTRIES = [10_000, 100_000, 1_000_000];
type Section = (typeof SECTIONS)[number];

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`unknown bench section: ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const wanted = (s: Section) => asked.length === 0 || asked.includes(s);

const reference = new Reference();
for (let i = 0; i < 20; i++) reference.sample();
const loadAtStart = load();

const figures: Record<string, unknown> = {};
if (wanted('scenario')) figures.scenario = scenarioBench();
const engine = wanted('engine') ? engineBench(reference) : undefined;
const scaling = wanted('scaling') ? scalingTable({ between: () => reference.sample() }) : undefined;
const seek = wanted('seek') ? SEEK_ENTRIES.map((n) => seekBench(n)) : undefined;
const cli = wanted('cli') ? cliBench() : undefined;
const browser = wanted('browser') ? await browserBench() : undefined;
if (wanted('map')) figures.map = await mapBench();
const review = wanted('review') ? await reviewBench(seek?.find((s) => s.entries === 10_000)) : undefined;

interface Row {
  figure: string;
  value: number;
  unit: 'ms CPU' | 'KiB gz' | 'MB' | 'ms wall' | '';
  target?: number;
  /** Lower is better for every figure here. */
  met?: boolean;
}
const rows: Row[] = [];
const row = (figure: string, value: number, unit: Row['unit'], target?: number) =>
  rows.push({ figure, value, unit, ...(target === undefined ? {} : { target, met: value <= target }) });

if (engine) {
  row('default drill: whole run (median)', engine.defaultDrill.run.cpu.medianMs, 'ms CPU', 2);
  row('default drill: scoring (median)', engine.defaultDrill.score.cpu.medianMs, 'ms CPU');
  row('default scenario: load YAML + lint (median)', engine.defaultDrill.loadYamlAndLint.cpu.medianMs, 'ms CPU');
}
if (scaling) {
  for (const r of scaling.rows) row(`scaling: plan run at ${r.k}× (${r.decisions} decisions, ${r.teams} teams)`, r.runCpuMs, 'ms CPU');
  row('scaling: log-log slope of run CPU over 1–16×', Math.round(scaling.slope * 100) / 100, '', 1.3);
  row('scaling: run CPU at 8× / at 1×', Math.round(scaling.ratio8 * 10) / 10, '', 16);
}
if (seek) {
  const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
  const seekTarget: Record<number, number> = { 10_000: 16, 100_000: 16, 1_000_000: 25 };
  for (const s of seek) {
    row(`seek at ${label(s.entries)} entries: p50`, s.seek.p50Ms, 'ms wall');
    row(`seek at ${label(s.entries)} entries: p95`, s.seek.p95Ms, 'ms wall', seekTarget[s.entries]);
  }
  const last = seek.at(-1)!;
  if (last.memory.timelineMB !== null) row(`timeline memory at ${label(last.entries)} entries (log excluded)`, last.memory.timelineMB, 'MB', last.entries >= 1e6 ? 200 : undefined);
}
if (cli) row('quake-drill --help (median)', cli.helpCpu.medianMs, 'ms CPU', 400);
if (browser) {
  row('first screen: entry JS + static imports', browser.bundle.firstScreenJs.gzipKB, 'KiB gz', 160);
  if (typeof browser.firstScreen !== 'string') row('first visit → map first paint (median)', browser.firstScreen.mapFirstPaintMs.medianMs, 'ms wall');
}
if (review) {
  // Issue 10 §1: seek ≤ 16 ms p95 on a 10,000-entry log; the scrub loop ≤ 50 ms p95 in Chromium.
  row('review: Timeline seek at 10k entries: p50', review.timeline.seek.p50Ms, 'ms wall');
  row('review: Timeline seek at 10k entries: p95', review.timeline.seek.p95Ms, 'ms wall', SEEK_TARGET_P95_MS);
  row('review: Timeline seek at 10k entries: p95 CPU', review.timeline.seek.cpuP95Ms, 'ms CPU');
  row('review: session seek + scores (Node): p50', review.session.seekAndScores.all.p50Ms, 'ms wall');
  row('review: session seek + scores (Node): p95', review.session.seekAndScores.all.p95Ms, 'ms wall');
  row('review: session seek + scores (Node): p95 CPU', review.session.seekAndScoresCpu.all.p95Ms, 'ms CPU');
  if (review.chromium.openMs !== undefined) row('review: open the 10k log in the app (Chromium)', review.chromium.openMs, 'ms wall');
  for (const [view, f] of Object.entries(review.chromium.views ?? {})) {
    row(`review: scrub ${view} (Chromium): p50`, f.scrub.all.p50Ms, 'ms wall');
    row(`review: scrub ${view} (Chromium): p95`, f.scrub.all.p95Ms, 'ms wall', SCRUB_TARGET_P95_MS);
  }
}

const referenceMs = reference.cpuMs;
const timeUnit = (u: Row['unit']) => u === 'ms CPU' || u === 'ms wall';
const lines = [
  `quake-drill bench — node ${process.version}, ${cpus().length} CPUs, load ${loadAtStart.join(' ')} → ${load().join(' ')}`,
  `XState reference: ${referenceMs} ms CPU for a two-state actor to take ${REFERENCE_EVENTS.toLocaleString('en')} events (median of ${reference.n} samples between the engine's)`,
  '',
  ...rows.map((r) => {
    const ratio = timeUnit(r.unit) ? `  = ${reference.ratio(r.value)} × ref` : '';
    const target = r.target === undefined ? '' : `  (target ≤ ${r.target}: ${r.met ? 'met' : 'NOT met'})`;
    return `${r.figure.padEnd(48)} ${String(r.value).padStart(9)} ${r.unit}${ratio}${target}`;
  }),
  '',
];
console.log(lines.join('\n'));
console.log(JSON.stringify({ node: process.version, load: { start: loadAtStart, end: load() }, reference: { cpuMs: referenceMs, events: REFERENCE_EVENTS, samples: reference.n }, summary: rows, ...figures, engine, scaling, seek, cli, browser, review }, null, 2));
