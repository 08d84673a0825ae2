// A drill played in a test: the minimal scenario, a hand-turned clock and hand-fired timers.
// Files are read by path, not URL: under happy-dom, URL is the DOM's, which node:fs rejects.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedScenario } from '../../../src/app/app.ts';
import { createSession, type Session } from '../../../src/app/drill/session.ts';
import type { Shell } from '../../../src/app/persist/connect.ts';
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

/** Interval timers that fire only when the test says so. */
export function manualTimers() {
  const due = new Set<() => void>();
  return {
    every(fn: () => void) {
      due.add(fn);
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
  return { app: app as Shell & { session: Session | null; startDrill(): Session }, calls };
}
