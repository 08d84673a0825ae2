// Seeking a long honest log (issue 8 §2): the Timeline's build time, its checkpoints and memory, and
// what a seek costs at random moments and in the log's last tenth. Returns figures; prints nothing.
// Memory needs `node --expose-gc` (global.gc); without it the memory fields are null.
import type { LogEntry } from '../../src/core/index.ts';
import { Timeline } from '../../src/review/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { defaultScenario } from './engine.bench.ts';
import { honestLog } from './honest-log.ts';
import { cpuMsSince } from './measure.ts';
import { stats } from './stats.ts';

const MB = 1024 * 1024;
const round = (x: number) => Math.round(x * 100) / 100;

/** Heap in use after a full collection, or undefined without --expose-gc. */
function heapUsed(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** `n` seek times (wall and CPU, ms) at moments drawn by a fixed LCG from [from, to]. */
function seeks(timeline: Timeline, n: number, from: number, to: number, seed: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const t = Math.floor(from + (x / 2 ** 31) * (to - from));
    const c = process.cpuUsage();
    const start = performance.now();
    timeline.seek(t);
    wall.push(performance.now() - start);
    cpu.push(cpuMsSince(c));
  }
  return { wall: stats(wall), cpu: stats(cpu) };
}

/**
 * What a view reading a sought world's whole message and effect lists pays after the seek: a
 * restored world's long histories are joined to their shared prefix on first read (one copy of each
 * array, O(length), and the garbage it leaves). Measured apart so it does not slow the seeks above.
 */
function historyReads(timeline: Timeline, n: number, from: number, to: number, seed: number) {
  const wall: number[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const ex = timeline.seek(Math.floor(from + (x / 2 ** 31) * (to - from)));
    const start = performance.now();
    if (ex.world.messages.length + ex.world.effects.length < 0) throw new Error('unreachable');
    wall.push(performance.now() - start);
  }
  return stats(wall);
}

export interface SeekBenchOptions {
  scenario?: Scenario;
  seed?: number;
  /** Random seeks over the whole log (≥ 200 for a p95 worth the name). */
  seeks?: number;
  /** Seeks in the log's last tenth, where the most history has piled up. */
  lastTenthSeeks?: number;
}

export function seekBench(entries: number, { scenario = defaultScenario(), seed = 7, seeks: n = 200, lastTenthSeeks = 50 }: SeekBenchOptions = {}) {
  const heap0 = heapUsed();
  const genCpu = process.cpuUsage();
  const genStart = performance.now();
  const log: LogEntry[] = honestLog(scenario, seed, entries);
  const generate = { wallMs: Math.round(performance.now() - genStart), cpuMs: Math.round(cpuMsSince(genCpu)) };
  const heap1 = heapUsed();

  const buildCpu = process.cpuUsage();
  const buildStart = performance.now();
  const timeline = new Timeline(scenario, seed, log);
  const build = { wallMs: Math.round(performance.now() - buildStart), cpuMs: Math.round(cpuMsSince(buildCpu)) };
  const heap2 = heapUsed();

  const end = log.at(-1)!.t;
  const all = seeks(timeline, n, 0, end, 12345);
  const lastTenth = seeks(timeline, lastTenthSeeks, end * 0.9, end, 54321);
  const peakRssMB = round((process.resourceUsage().maxRSS * 1024) / MB);
  const reads = historyReads(timeline, 50, 0, end, 999);
  const mb = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? null : round((b - a) / MB));
  return {
    entries: log.length,
    logDays: round(end / 86_400_000),
    generate,
    timeline: { build, checkpoints: timeline.length },
    memory: {
      timelineMB: mb(heap1, heap2),
      logMB: mb(heap0, heap1),
      note: heap1 === undefined
        ? 'run node with --expose-gc to measure memory'
        : 'heap used after gc: timelineMB is after building the Timeline minus before (the log excluded); logMB is the input log, measured separately',
      /** Process peak RSS up to the end of the seeks (log, generation and timeline included), before the history reads below. */
      peakRssMB,
    },
    seek: { n, p50Ms: all.wall.p50Ms, p95Ms: all.wall.p95Ms, maxMs: all.wall.maxMs, cpuP50Ms: all.cpu.p50Ms, cpuP95Ms: all.cpu.p95Ms },
    seekLastTenth: { n: lastTenthSeeks, p50Ms: lastTenth.wall.p50Ms, p95Ms: lastTenth.wall.p95Ms, cpuP50Ms: lastTenth.cpu.p50Ms, cpuP95Ms: lastTenth.cpu.p95Ms },
    /** Not part of the seek: the first read of world.messages and world.effects after one, 50 random seeks (wall ms). */
    firstHistoryRead: { n: reads.n, p50Ms: reads.p50Ms, p95Ms: reads.p95Ms },
  };
}
