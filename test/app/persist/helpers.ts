// A drill played in a test: the minimal scenario, a hand-turned clock and hand-fired timers.
// Files are read by path, not URL: under happy-dom, URL is the DOM's, which node:fs rejects.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedScenario } from '../../../src/app/app.ts';
import { createSession, type Session } from '../../../src/app/drill/session.ts';
import type { Shell } from '../../../src/app/persist/connect.ts';
import type { ReviewSource } from '../../../src/app/review/review-session.ts';
import { memoryBackend, recordSession } from '../../../src/app/persist/index.ts';
import type { SavedEntry } from '../../../src/app/persist/backend.ts';
import type { LogEntry } from '../../../src/core/index.ts';
import type { ChannelLike, LockManagerLike } from '../../../src/app/persist/tab-lock.ts';
import { loadScenario, type Scenario } from '../../../src/scenario/index.ts';

export const MIN = 60_000;
export const FILE = 'scenarios/minimal.yaml';
export const minimalText = () => readFileSync(resolve(import.meta.dirname, '../../..', FILE), 'utf8');

let cached: Scenario | undefined;
export function scenario(): Scenario {
  if (cached) return cached;
  const loaded = loadScenario(minimalText(), FILE);
  if (!loaded.ok) throw new Error(`${FILE} does not load`);
  return (cached = loaded.scenario);
}

export function manualClock(start = 1_000_000) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => (now += ms);
  return clock;
}

/** Interval timers that fire only when the test says so; `intervals` are the periods asked for. */
export function manualTimers() {
  const due = new Set<() => void>();
  const intervals: number[] = [];
  return {
    intervals,
    every(fn: () => void, ms: number) {
      due.add(fn);
      intervals.push(ms);
      return () => due.delete(fn);
    },
    fire: () => due.forEach((fn) => fn()),
    get active() {
      return due.size;
    },
  };
}

/** A fresh session on the minimal scenario. */
export const newSession = (clock = manualClock(), seed = 3): Session => createSession({ scenario: scenario(), file: FILE, seed, clock });

/** Plays a few minutes: a bot seat, a start, time passing, a hand answer that is refused. */
export function play(session: Session, clock: ReturnType<typeof manualClock>): void {
  session.facilitator({ type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' });
  session.facilitator({ type: 'start' });
  clock.advance(3 * MIN);
  session.tick();
  session.send('fire-rescue', { type: 'answer', decision: 'no-such-decision', options: ['x'] });
  clock.advance(MIN);
  session.tick();
}

/** A drill played (see `play`) and saved in a memory backend, the recorder stopped. */
export async function savedDrill() {
  const clock = manualClock();
  const session = newSession(clock);
  const backend = memoryBackend();
  const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() });
  play(session, clock);
  await rec.flush();
  await rec.stop();
  return { session, backend };
}

/** The part of the shell persistence uses, recording what it was asked to do. */
export function fakeApp(onSession: (s: Session) => void) {
  const calls: string[] = [];
  let source: LoadedScenario = { file: FILE, result: { ok: true, scenario: scenario() } };
  let session: Session | null = null;
  const app = {
    get source() {
      return source;
    },
    newDrill(next: LoadedScenario) {
      calls.push(`newDrill ${next.file}`);
      source = next;
      session = null;
    },
    loadDrill(next: Session) {
      calls.push(`loadDrill ${next.exercise.statePath()}`);
      session = next;
      onSession(next);
    },
    /** The review view (复盘): what it was asked to open. */
    reviewed: [] as ReviewSource[],
    openReview(source: ReviewSource) {
      calls.push(`openReview ${source.header.drill}`);
      app.reviewed.push(source);
    },
    startDrill() {
      session = newSession();
      onSession(session);
      session.facilitator({ type: 'start' });
      return session;
    },
    get session() {
      return session;
    },
  };
  return { app: app as Shell & { session: Session | null; startDrill(): Session; reviewed: ReviewSource[] }, calls };
}

/**
 * The Web Locks API of one browser, in memory: one holder per name; `ifAvailable` gives null when
 * held; `steal` takes the lock and rejects the old holder's request with an AbortError, as browsers do.
 */
export function fakeLocks(): LockManagerLike {
  const held = new Map<string, (e: Error) => void>();
  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        if (held.has(name) && options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
        if (held.has(name) && !options.steal) return reject(new Error('the fake waits for no lock'));
        held.get(name)?.(Object.assign(new Error('the lock was stolen'), { name: 'AbortError' }));
        held.set(name, reject);
        Promise.resolve(callback({ name })).then(
          (value) => {
            if (held.get(name) === reject) held.delete(name);
            resolve(value);
          },
          reject,
        );
      });
    },
  };
}

/** BroadcastChannels of one browser, in memory: a message reaches every other channel of the hub, a copy, later (as a task would) — unless dropped. */
export function channelHub() {
  const channels = new Set<{ deliver(data: unknown): void }>();
  let dropping = 0;
  return {
    /** The next message posted is lost (as if a tab had been too busy to hear it). */
    dropNext: () => void dropping++,
    channel(): ChannelLike {
      const listeners = new Set<(e: MessageEvent) => void>();
      const self = { deliver: (data: unknown) => listeners.forEach((l) => l({ data } as MessageEvent)) };
      channels.add(self);
      return {
        postMessage(message) {
          if (dropping > 0) return void dropping--;
          const copy = structuredClone(message);
          for (const c of channels) if (c !== self) setTimeout(() => c.deliver(copy), 0);
        },
        addEventListener: (_type, l) => void listeners.add(l),
      };
    },
  };
}

/** Lets every message in flight and everything it set off settle (tasks, then their promises). */
export async function settle(rounds = 10) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Entries as a drill saved before the chain holds them: no hashes. */
export const unchained = (log: readonly LogEntry[]) => log as readonly SavedEntry[];

/** The saved entries in seq order, as log entries (their hashes left out: chain.test.ts checks those). */
export const savedLog = (backend: { raw: { entries: Map<number, unknown> } }): LogEntry[] =>
  [...backend.raw.entries.entries()].sort(([a], [b]) => a - b).map(([, e]) => {
    const { seq, t, actor, event } = e as LogEntry;
    return { seq, t, actor, event };
  });
