// Outcome metrics: what the drill achieved in the simulation, read from the final world. The figures
// over incident kinds are the scenario's own (scenario/outcomes.ts: hours a hospital went without
// power, the time a chemical leak took to contain …), worked out by kind, never by theme.
import type { World } from '../core/index.ts';
import { kindsThat } from '../scenario/kinds.ts';
import { counts, kindsFigures, outcomeFigures, type KindsOutcome } from '../scenario/outcomes.ts';
import { drillTime, round, scenarioTime } from './format.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { DecisionStatus, HoursWithout, Outcomes, TimeToContain } from './types.ts';

const HOUR = 3_600_000;
/** Collapses and people trapped count as rescues (the kind table's `rubble`). */
const RESCUE_KINDS = kindsThat('rubble');

/** `statuses`: each decision's status as scored (a decision still open when the drill ended counts as expired). */
export function outcomesOf(ix: ScenarioIndex, world: Readonly<World>, statuses: readonly DecisionStatus[]): Outcomes {
  const appeared = Object.entries(world.incidents).filter(([, i]) => i.status !== 'latent' && i.appearedMs !== undefined);
  const end = world.scenarioMs;
  const settlementOf = (place: string) => (ix.settlements.has(place) ? place : ix.facilities.get(place)?.settlement);

  const first = world.levelChanges[0];
  const rescue = new Map<string, { ms: number | null; incidents: string[] }>();
  for (const [id, i] of appeared) {
    if (!(i.trapped > 0 || RESCUE_KINDS.has(i.kind))) continue;
    const settlement = settlementOf(i.place);
    if (!settlement) continue;
    const entry = rescue.get(settlement) ?? { ms: null, incidents: [] };
    entry.incidents.push(id);
    if (i.firstTeamMs !== undefined) entry.ms = entry.ms === null ? i.firstTeamMs : Math.min(entry.ms, i.firstTeamMs);
    rescue.set(settlement, entry);
  }

  const facilityKind = (place: string) => ix.facilities.get(place)?.kind;
  const shelters = Object.keys(world.sheltersOpen);
  const count = (status: DecisionStatus) => statuses.filter((s) => s === status).length;
  return {
    figures: outcomeFigures(ix.scenario).map((f) => f.kind),
    trapped: appeared.reduce((a, [, i]) => a + i.trapped, 0),
    rescuedAlive: round(appeared.reduce((a, [, i]) => a + i.rescuedAlive, 0), 1),
    responseLevel: first ? { level: first.level, scenarioMs: first.scenarioMs, clock: first.clock, scenario: scenarioTime(first.scenarioMs), drill: drillTime(first.clock), by: first.by } : null,
    levelAtEnd: { level: world.level, ended: world.level === 'none' && world.levelChanges.length > 0 },
    firstRescue: [...rescue].map(([settlement, r]) => ({
      settlement,
      name: ix.settlements.get(settlement)!.name,
      firstTeamMs: r.ms === null ? null : Math.round(r.ms),
      at: r.ms === null ? null : scenarioTime(r.ms),
      incidents: r.incidents,
    })),
    hoursWithout: kindsFigures(ix.scenario, 'hours-without').map((f) => hoursWithout(f, appeared, end, facilityKind)),
    shelter: {
      opened: shelters.reduce((a, f) => a + (ix.facilities.get(f)?.capacity?.people ?? 0), 0),
      needed: appeared.reduce((a, [, i]) => a + i.displaced, 0),
      shelters,
    },
    timeToContain: kindsFigures(ix.scenario, 'time-to-contain').map((f) => timeToContain(f, appeared, facilityKind)),
    decisions: {
      total: statuses.length,
      answered: count('answered'),
      expired: count('expired'),
      open: count('open'),
      notOpened: count('not-opened'),
      voided: count('voided'),
    },
    rejections: world.rejections.length,
    endScenarioMs: end,
    endClock: world.clock,
  };
}

type Appeared = readonly (readonly [string, World['incidents'][string]])[];

/**
 * Hours places went without a service by `end` (scenario ms): each counted incident stands from its
 * appearing until contained (or the end); two at one place at once leave it without once — each
 * place's covered time counts, not the sum of its incidents.
 */
export function hoursWithout(figure: KindsOutcome, appeared: Appeared, end: number, facilityKind: (place: string) => string | undefined): HoursWithout {
  const outages = appeared
    .filter(([, i]) => i.appearedMs !== undefined && counts(figure, i, facilityKind))
    .map(([id, i]) => ({ incident: id, place: i.place, from: i.appearedMs!, to: Math.min(end, i.containedMs ?? end), contained: i.containedMs !== undefined }));
  const places = [...new Set(outages.map((o) => o.place))].map((place) => ({ place, hours: round(unionMs(outages.filter((o) => o.place === place)) / HOUR, 2) }));
  return {
    label: figure.label,
    incidents: [...figure.incidents],
    hours: round(places.reduce((a, o) => a + o.hours, 0), 2),
    outages: outages.map((o) => ({ incident: o.incident, place: o.place, hours: round((o.to - o.from) / HOUR, 2), contained: o.contained })),
    places,
  };
}

function timeToContain(figure: KindsOutcome, appeared: Appeared, facilityKind: (place: string) => string | undefined): TimeToContain {
  return {
    label: figure.label,
    incidents: [...figure.incidents],
    contained: appeared
      .filter(([, i]) => i.appearedMs !== undefined && counts(figure, i, facilityKind))
      .map(([id, i]) => ({ incident: id, hoursToContain: i.containedMs === undefined ? null : round((i.containedMs - i.appearedMs!) / HOUR, 2) })),
  };
}

/** Total length of the union of intervals [from, to). */
function unionMs(intervals: readonly { from: number; to: number }[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const { from, to } of [...intervals].sort((a, b) => a.from - b.from)) {
    if (to <= reach) continue;
    total += to - Math.max(from, reach);
    reach = to;
  }
  return total;
}
