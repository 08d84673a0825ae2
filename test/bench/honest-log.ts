// An honest drill log for the benches (issue 8 §5): every entry is one the authority accepts — the
// plan bots' answers, valid orders and reports, deadline extensions, pauses and resumes — so a seek
// or a rebuild measures the fold doing work, not refusing it. Long logs run up to MAX_LOG_T of room
// time through long pauses (the room keeps reporting while the drill clock stands still), while the
// drill clock itself stays within the scenario's nodes, so the drill never ends under the log.
import { nextRandom, seedRandom } from '../../src/hazard/index.ts';
import { createBots, createExercise, FACILITATOR, groupActive, MAX_LOG_T, playUntil, type DrillEvent, type LogEntry } from '../../src/core/index.ts';
import type { Effect, Scenario } from '../../src/scenario/index.ts';

/** Mean room time between two generated entries; 1M entries × 2 s = 23 days, inside MAX_LOG_T. */
const MEAN_GAP_MS = 2_000;
/** The drill runs in windows of this much room time, with pauses between them [E]. */
const WINDOW_MS = 5 * 60_000;
/** Drill time left unrun at the end of the last node, so the drill never ends itself under the log. */
const END_MARGIN_MS = 5 * 60_000;

/**
 * `entries` log entries for `scenario`, all accepted. Throws if one is refused (the generator's bug,
 * not the engine's: a bench must never measure refusals).
 */
export function honestLog(scenario: Scenario, seed: number, entries: number): LogEntry[] {
  let state = seedRandom(`honest:${seed}`);
  const next = () => {
    const [v, s] = nextRandom(state);
    state = s;
    return v;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const ex = createExercise({ scenario, seed });
  const m = ex.model;
  const org = scenario.organisation;
  const groups = org.groups.map((g) => g.id);
  const counties = org.counties.map((c) => c.id);
  const units = org.units.map((u) => u.id);
  const seats = [...m.seats];
  const settlements = scenario.region.settlements.filter((s) => s.population >= 100);
  const facilities = scenario.region.facilities.map((f) => f.id);
  const routes = scenario.region.routes.map((r) => r.id);
  const incidents = [...m.incidents.keys()];
  const teams = [...m.teamTypes.keys()];
  const countyArea = new Map(counties.map((c) => [c, settlements.filter((s) => s.county === c)]));

  const bots = createBots(`bots:${seed}`, () => 'plan');
  const apply = (t: number, actor: string, event: DrillEvent) => {
    const outcome = ex.apply({ t, actor, event });
    if (!outcome.ok) throw new Error(`honest log, entry ${ex.world.seq} (${actor} ${event.type}) was refused: ${outcome.reason}`);
  };
  /** A valid order from a sender who may give it. */
  const order = (): { actor: string; event: DrillEvent } => {
    const roll = next();
    if (roll < 0.2) {
      const to = pick(groups);
      return { actor: m.hq, event: { type: 'order', to, effect: next() < 0.5 && !groupActive(ex.world, to) ? { do: 'activate-group', group: to } : { do: 'notify', to: [to] } } };
    }
    if (roll < 0.4) {
      const group = pick(groups);
      // A group commands its members once activated: the HQ activates it first.
      if (!groupActive(ex.world, group)) return { actor: m.hq, event: { type: 'order', to: group, effect: { do: 'activate-group', group } } };
      const to = pick([...m.membersOf.get(group)!]);
      return { actor: group, event: { type: 'order', to, effect: { do: 'notify', to: [to] } } };
    }
    if (roll < 0.5) {
      const county = pick(counties);
      const area = countyArea.get(county)!;
      const effect: Effect = area.length ? { do: 'evacuate', place: pick(area).id, people: 100 } : { do: 'notify', to: [county] };
      return { actor: county, event: { type: 'order', to: county, effect } };
    }
    const kinds = ['dispatch', 'open-shelter', 'close-route', 'open-route', 'contain', 'restore', 'evacuate'] as const;
    const kind = pick(kinds);
    const effect: Effect =
      kind === 'dispatch' ? { do: kind, team: pick(teams), to: pick(settlements).id, count: 1 }
      : kind === 'open-shelter' || kind === 'restore' ? { do: kind, facility: pick(facilities) }
      : kind === 'close-route' || kind === 'open-route' ? { do: kind, route: pick(routes) }
      : kind === 'contain' ? { do: kind, incident: pick(incidents) }
      : { do: kind, place: pick(settlements).id, people: 100 };
    return { actor: FACILITATOR, event: { type: 'order', to: m.teamTypes.get(effect.do === 'dispatch' ? effect.team : '')?.unit ?? pick(seats), effect } };
  };
  const report = (): { actor: string; event: DrillEvent } => {
    const roll = next();
    const from = roll < 0.6 ? pick(units) : roll < 0.85 ? pick(groups) : pick(counties);
    const to = m.units.has(from) && next() < 0.7 ? pick(m.groupsOf.get(from) ?? [m.hq]) : m.hq;
    return { actor: from, event: { type: 'report', to, text: 'situation report' } };
  };
  const extension = (): { actor: string; event: DrillEvent } | undefined => {
    const open = Object.keys(ex.world.decisions).filter((id) => ex.world.decisions[id]!.status === 'open');
    return open.length ? { actor: FACILITATOR, event: { type: 'extend-deadline', decision: pick(open), byMs: 60_000 } } : undefined;
  };

  // The room's time: `entries` × the mean gap, split into running windows and the pauses between.
  const total = Math.min(entries * MEAN_GAP_MS, MAX_LOG_T - WINDOW_MS);
  const drillMs = scenario.nodes.reduce((sum, n) => sum + n.length, 0) - END_MARGIN_MS;
  const windows = Math.max(1, Math.floor(Math.min(drillMs, total / 2) / WINDOW_MS));
  const pauseMs = Math.floor((total - windows * WINDOW_MS) / windows);
  apply(0, FACILITATOR, { type: 'start' });
  let t = 0;
  let window = 0;
  let boundary = WINDOW_MS;
  while (ex.log.length < entries) {
    const gap = Math.floor(next() * 2 * MEAN_GAP_MS);
    let at = t + gap;
    if (at >= boundary && window < 2 * windows) {
      // Pause at the end of a running window; resume after the pause, until the windows are used up.
      at = boundary;
      const running = ex.world.mode === 'running';
      playUntil(ex, at, bots);
      if (ex.log.length >= entries) break;
      apply(at, FACILITATOR, { type: running ? 'pause' : 'resume' });
      window++;
      boundary += running ? (window < 2 * windows - 1 ? pauseMs : Infinity) : WINDOW_MS;
      t = at;
      continue;
    }
    playUntil(ex, at, bots);
    if (ex.world.rejections.length) throw new Error(`honest log: a bot's answer was refused: ${ex.world.rejections[0]!.reason}`);
    if (ex.log.length >= entries) break;
    const roll = next();
    const input = (roll < 0.05 ? extension() : undefined) ?? (roll < 0.45 ? order() : report());
    apply(at, input.actor, input.event);
    t = at;
  }
  return ex.log.slice(0, entries);
}
