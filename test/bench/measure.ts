// CPU time beside wall time, and the reference every figure is divided by: a minimal XState machine
// measured between the engine's own samples, in the same process, so a busy machine slows both.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createActor, setup } from 'xstate';
import { stats } from './stats.ts';

export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** CPU ms (user + system) this process used since `from`. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** One call of `fn`, timed on the wall clock and on this process's CPU (user + system), with its result. */
export function timed<T>(fn: () => T): Sample & { value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wallMs = performance.now() - start;
  return { value, wallMs, cpuMs: cpuMsSince(cpu) };
}

/** One call of `fn`, timed on the wall clock and on this process's CPU. */
export function sample(fn: () => void): Sample {
  const { wallMs, cpuMs } = timed(fn);
  return { wallMs, cpuMs };
}

const referenceMachine = setup({ types: {} as { events: { type: 'go' } | { type: 'back' } } }).createMachine({
  initial: 'a',
  states: { a: { on: { go: 'b' } }, b: { on: { back: 'a' } } },
});

/** Events per reference sample: a few milliseconds of work, like one default drill. */
export const REFERENCE_EVENTS = 1_000;

/**
 * The reference: CPU ms for a fresh two-state XState actor to take 1,000 events. Sampled between
 * every engine sample; each figure is reported as a ratio to the median of all of them.
 */
export class Reference {
  private readonly samples: number[] = [];

  sample(): void {
    this.samples.push(
      sample(() => {
        const actor = createActor(referenceMachine).start();
        for (let i = 0; i < REFERENCE_EVENTS; i++) actor.send({ type: i % 2 ? 'back' : 'go' });
        actor.stop();
      }).cpuMs,
    );
  }

  get cpuMs(): number {
    if (this.samples.length === 0) this.sample();
    return stats(this.samples).medianMs;
  }

  get n(): number {
    return this.samples.length;
  }

  /** `ms` in reference units, to three figures. */
  ratio(ms: number): number {
    return Math.round((ms / this.cpuMs) * 1000) / 1000;
  }
}

/**
 * `runs` samples of `fn` after `warmup` unrecorded ones, with a reference sample after every
 * `every` of them: in blocks, so the engine's own garbage and JIT state stay its own.
 */
export function interleaved(runs: number, fn: (i: number) => void, reference: Reference, warmup = 3, every = 10) {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const s = sample(() => fn(i));
    if ((i + 1) % every === 0) reference.sample();
    if (i < warmup) continue;
    cpu.push(s.cpuMs);
    wall.push(s.wallMs);
  }
  return { cpu: stats(cpu), wall: stats(wall) };
}

/** The 1, 5 and 15 minute load averages, rounded: a busy machine explains a slow wall time. */
export const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * CPU seconds (user + system) of a child command, from bash's `times` (Node cannot read a child's
 * rusage). Spawning costs this process nothing countable, so the figure is the child's own.
 */
export function childCpuMs(command: string, args: string[], cwd: string): number {
  const quoted = [command, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const out = execFileSync('bash', ['-c', `${quoted} >/dev/null 2>&1 || exit $?; times`], { cwd, encoding: 'utf8' });
  // `times` prints the shell's own user/sys, then its children's: "0m0.180s 0m0.031s".
  const children = out.trim().split('\n').at(-1)!;
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`cannot read bash's times: ${out}`);
  return Math.round((seconds[0]! + seconds[1]!) * 1000);
}
