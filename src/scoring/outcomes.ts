// Outcome metrics: what the drill achieved in the simulation, read from the final world.
import type { World } from '../core/index.ts';
import { drillTime, round, scenarioTime } from './format.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { DecisionStatus, Outcomes } from './types.ts';

const HOUR = 3_600_000;
const RESCUE_KINDS = new Set(['collapse', 'trapped']);

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

  const outages = appeared
    .filter(([, i]) => i.kind === 'hospital-power' || (i.kind === 'power-outage' && ix.facilities.get(i.place)?.kind === 'hospital'))
    .map(([id, i]) => ({ incident: id, place: i.place, from: i.appearedMs!, to: Math.min(end, i.containedMs ?? end), contained: i.containedMs !== undefined }));
  const hospitalOutages = outages.map((o) => ({ incident: o.incident, place: o.place, hours: round((o.to - o.from) / HOUR, 2), contained: o.contained }));
  // Two outages of one hospital at once leave it dark once: count each hospital's covered time, not the sum of its incidents.
  const hospitalsWithoutPower = [...new Set(outages.map((o) => o.place))].map((place) => ({ place, hours: round(unionMs(outages.filter((o) => o.place === place)) / HOUR, 2) }));

  const shelters = Object.keys(world.sheltersOpen);
  const count = (status: DecisionStatus) => statuses.filter((s) => s === status).length;
  return {
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
    hospitalHoursWithoutPower: round(hospitalsWithoutPower.reduce((a, o) => a + o.hours, 0), 2),
    hospitalOutages,
    hospitalsWithoutPower,
    shelter: {
      opened: shelters.reduce((a, f) => a + (ix.facilities.get(f)?.capacity?.people ?? 0), 0),
      needed: appeared.reduce((a, [, i]) => a + i.displaced, 0),
      shelters,
    },
    chemicalLeaks: appeared
      .filter(([, i]) => i.kind === 'chemical-leak')
      .map(([id, i]) => ({ incident: id, hoursToContain: i.containedMs === undefined ? null : round((i.containedMs - i.appearedMs!) / HOUR, 2) })),
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
