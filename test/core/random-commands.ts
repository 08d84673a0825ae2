// Random but plausible command sequences for determinism and authority tests: every command, every
// effect an order can carry, from every kind of seat (and the facilitator, and a stranger), valid
// and invalid, at increasing times.
import { nextRandom, seedRandom } from '../../src/hazard/index.ts';
import { AUDIENCES, COMMAND_TYPES, createExercise, FACILITATOR, MARK_KIND_IDS, MARK_SYMBOLS, POLICIES, randomAnswer, type CommandType, type DrillEvent, type Exercise, type LogEntry } from '../../src/core/index.ts';
import type { Effect, Scenario } from '../../src/scenario/index.ts';

export interface RandomDrillOptions {
  steps?: number;
  /** The longest gap between two commands. */
  maxGapMs?: number;
  /** Whether the facilitator may end the drill early. */
  mayEnd?: boolean;
}

export const EFFECT_KINDS: readonly Effect['do'][] = [
  'set-level', 'activate-group', 'stand-down-group', 'dispatch', 'contain', 'worsen', 'restore', 'open-shelter', 'evacuate', 'close-route', 'open-route', 'notify', 'fire-inject',
];
export type SenderKind = 'facilitator' | 'hq' | 'group' | 'county' | 'unit' | 'stranger';
export const SENDER_KINDS: readonly SenderKind[] = ['facilitator', 'hq', 'group', 'county', 'unit', 'stranger'];

/** A generator of commands over one scenario, drawing from `next`. */
export function commandGenerator(scenario: Scenario, next: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const org = scenario.organisation;
  const senders: Record<SenderKind, string[]> = {
    facilitator: [FACILITATOR],
    hq: [org.hq.id],
    group: org.groups.map((g) => g.id),
    county: org.counties.map((c) => c.id),
    unit: org.units.map((u) => u.id),
    stranger: ['nobody', 'constructor'],
  };
  const seats = [org.hq.id, ...senders.group, ...senders.unit, ...senders.county];
  const teams = org.units.flatMap((u) => u.teams.map((t) => t.id));
  const places = [...scenario.region.settlements.map((s) => s.id), ...scenario.region.facilities.map((f) => f.id)];
  const routes = scenario.region.routes.map((r) => r.id);
  const spots = scenario.region.settlements.map((x): [number, number] => [x.lat, x.lon]);
  const incidents = [...scenario.injects.flatMap((x) => (x.incident ? [x.incident.id] : [])), ...scenario.cascades.flatMap((c) => ('spawn' in c.then ? [c.then.spawn.id] : []))];
  const effect = (kind: Effect['do']): Effect => {
    switch (kind) {
      case 'set-level': return { do: kind, level: pick(['I', 'II', 'III', 'IV', 'none'] as const) };
      case 'activate-group': case 'stand-down-group': return { do: kind, group: pick(senders.group) };
      case 'dispatch': return { do: kind, team: pick(teams), to: pick([...places, ...incidents, ...routes, ...senders.unit]), count: 1 + Math.floor(next() * 3) };
      case 'contain': return { do: kind, incident: pick(incidents) };
      case 'worsen': return { do: kind, incident: pick(incidents), by: 1 };
      case 'restore': case 'open-shelter': return { do: kind, facility: pick(scenario.region.facilities).id };
      case 'evacuate': return { do: kind, place: pick(places), people: pick([0, 100, 5000, 10_000_000]) };
      case 'close-route': case 'open-route': return { do: kind, route: pick(routes) };
      case 'notify': return { do: kind, to: [pick(seats)] };
      case 'fire-inject': return { do: kind, inject: pick(scenario.injects).id };
    }
  };
  /** One to three of `list`, each once. */
  const some = (list: readonly string[]) => [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(list)))];
  /** A command of `type` (an order carries `effect`), sent by a sender of `kind`, given the drill `ex` as it stands. */
  const command = (ex: Exercise, type: CommandType, kind: SenderKind, effectKind: Effect['do'] = pick(EFFECT_KINDS)): { actor: string; event: DrillEvent } => {
    const actor = pick(senders[kind].length ? senders[kind] : senders.stranger);
    const open = Object.entries(ex.world.decisions).filter(([, d]) => d.status === 'open').map(([id]) => id);
    const decision = open.length ? pick(open) : pick(scenario.decisions).id;
    switch (type) {
      case 'fire-inject': {
        const edit = next() < 0.5 ? undefined : { ...(next() < 0.5 ? { title: '改写的标题' } : {}), ...(next() < 0.5 ? { narrative: 'edited narrative' } : {}), ...(next() < 0.5 ? { to: some(seats) } : {}) };
        return { actor, event: { type, inject: pick(scenario.injects).id, ...(edit ? { edit } : {}) } };
      }
      case 'live-inject':
        return { actor, event: { type, title: '余震', text: 'a live inject', to: some([...seats, 'nobody']), ...(next() < 0.5 ? { question: '怎么办？' } : {}), ...(next() < 0.5 ? { expected: 'evacuate' } : {}) } };
      case 'extend-deadline': return { actor, event: { type, decision, byMs: pick([60_000, 5 * 60_000]) } };
      case 'void-decision': return { actor, event: { type, decision, ...(next() < 0.5 ? { reason: 'not in this drill' } : {}) } };
      case 'reopen-decision': {
        const closed = Object.entries(ex.world.decisions).filter(([, d]) => d.status === 'scored' || d.status === 'voided').map(([id]) => id);
        return { actor, event: { type, decision: closed.length && next() < 0.8 ? pick(closed) : decision, byMs: pick([60_000, 5 * 60_000]) } };
      }
      case 'assign-seat': return { actor, event: { type, seat: pick(seats), policy: next() < 0.2 ? null : pick(POLICIES) } };
      case 'assign-seats': return { actor, event: { type, seats: some([...seats, 'nobody']), policy: next() < 0.2 ? null : pick(POLICIES) } };
      case 'set-visibility': return { actor, event: { type, scores: next() < 0.5, answers: next() < 0.5 } };
      case 'plot': {
        const kind = pick(MARK_KIND_IDS);
        const [lat, lon] = pick(spots);
        const points = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i): [number, number] => [lat + i * 0.01, lon - i * 0.01]);
        return {
          actor,
          event: { type, mark: { kind, points, ...(kind === 'symbol' || next() < 0.1 ? { symbol: pick(MARK_SYMBOLS) } : {}), ...(kind === 'note' || next() < 0.3 ? { text: '警戒' } : {}) }, audience: pick(AUDIENCES) },
        };
      }
      case 'unplot': {
        const marks = Object.keys(ex.world.marks);
        return { actor, event: { type, mark: marks.length && next() < 0.8 ? Number(pick(marks)) : 1 + Math.floor(next() * 100) } };
      }
      case 'hq': return { actor, event: { type, move: pick(['consult', 'open', 'forward-post', 'end'] as const) } };
      case 'answer': return { actor, event: { type, decision, ...randomAnswer(ex.model.decisions.get(decision)!, next) } };
      case 'order': {
        const roll = next();
        return { actor, event: { type, to: pick(seats), ...(roll < 0.8 ? { effect: effect(effectKind) } : {}), ...(roll > 0.6 ? { text: '立即前往' } : {}) } };
      }
      case 'report': return { actor, event: { type, to: pick(seats), text: 'situation report', ...(next() < 0.5 ? { kind: pick(['report', 'request', 'coordinate'] as const) } : {}) } };
      case 'set-level': return { actor, event: { type, level: pick(['I', 'II', 'III', 'IV', 'none'] as const) } };
      default: return { actor, event: { type } };
    }
  };
  return { pick, senders, command };
}

export function randomDrill(scenario: Scenario, seed: number, { steps = 60, maxGapMs = 4 * 60_000, mayEnd = true }: RandomDrillOptions = {}): { live: Exercise; log: LogEntry[]; sent: Set<string> } {
  let state = seedRandom(`commands:${seed}`);
  const next = () => {
    const [v, s] = nextRandom(state);
    state = s;
    return v;
  };
  const live = createExercise({ scenario, seed });
  const gen = commandGenerator(scenario, next);
  const sent = new Set<string>();
  let t = 0;
  live.apply({ t, actor: FACILITATOR, event: { type: 'start' } });
  for (let i = 0; i < steps; i++) {
    t += Math.floor(next() * maxGapMs);
    const roll = next();
    // Mostly what a room does (answers by their owners, orders, the facilitator's controls); the rest anything from anyone.
    let type: CommandType = roll < 0.35 ? 'answer' : roll < 0.55 ? 'order' : roll < 0.6 ? 'report' : gen.pick(COMMAND_TYPES);
    if (type === 'end' && !mayEnd) type = 'resume';
    const kind = gen.pick(SENDER_KINDS);
    const effectKind = gen.pick(EFFECT_KINDS);
    const { actor: sender, event } = gen.command(live, type, kind, effectKind);
    const actor = type === 'answer' && next() < 0.8 ? live.model.decisions.get((event as { decision: string }).decision)!.owner : sender;
    sent.add(`${type}${type === 'order' ? `:${effectKind}` : ''}@${kind}`);
    live.apply({ t, actor, event });
  }
  return { live, log: [...live.log], sent };
}
