// What scoring looks up in a scenario, indexed once per score.
import { capabilitiesFor } from '../scenario/incident-kinds.ts';
import type { Decision, Incident, Scenario } from '../scenario/schema.ts';

export interface ScenarioIndex {
  scenario: Scenario;
  decisions: Map<string, Decision>;
  incidents: Map<string, Incident>;
  /** incident id → the incidents its spawn-cascades produce, and its worsen-cascades (scenario ms after it appears). */
  spawns: Map<string, string[]>;
  worsens: Map<string, { id: string; afterMs: number }[]>;
  teamCapabilities: Map<string, Set<string>>;
  /** Place id → the incidents there, in `incidents` order. */
  incidentsAt: Map<string, string[]>;
  /** Decision id → the incidents it refers to (consequence.ts), found once. */
  referred: Map<string, string[]>;
  facilities: Map<string, Scenario['region']['facilities'][number]>;
  settlements: Map<string, Scenario['region']['settlements'][number]>;
  /** Every seat's kind and name. */
  seats: Map<string, { kind: 'hq' | 'group' | 'unit' | 'county'; name: Scenario['meta']['title'] }>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

/** One index per scenario object, shared by every score of it (scenarios are never changed once loaded). */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  let ix = indexes.get(scenario);
  if (!ix) indexes.set(scenario, (ix = build(scenario)));
  return ix;
}

function build(scenario: Scenario): ScenarioIndex {
  const incidents = new Map<string, Incident>();
  for (const x of scenario.injects) if (x.incident) incidents.set(x.incident.id, x.incident);
  const spawns = new Map<string, string[]>();
  const worsens = new Map<string, { id: string; afterMs: number }[]>();
  for (const c of scenario.cascades) {
    if ('spawn' in c.then) {
      incidents.set(c.then.spawn.id, c.then.spawn);
      spawns.set(c.from, [...(spawns.get(c.from) ?? []), c.then.spawn.id]);
    } else worsens.set(c.from, [...(worsens.get(c.from) ?? []), { id: c.id, afterMs: c.after }]);
  }
  const org = scenario.organisation;
  const teamCapabilities = new Map<string, Set<string>>();
  for (const u of org.units) for (const t of u.teams) teamCapabilities.set(t.id, new Set(t.capabilities));
  const seats: ScenarioIndex['seats'] = new Map();
  seats.set(org.hq.id, { kind: 'hq', name: org.hq.name });
  for (const g of org.groups) seats.set(g.id, { kind: 'group', name: g.name });
  for (const u of org.units) seats.set(u.id, { kind: 'unit', name: u.name });
  for (const c of org.counties) seats.set(c.id, { kind: 'county', name: c.name });
  const incidentsAt = new Map<string, string[]>();
  for (const [id, incident] of incidents) incidentsAt.set(incident.place, [...(incidentsAt.get(incident.place) ?? []), id]);
  return {
    scenario,
    incidentsAt,
    referred: new Map(),
    decisions: new Map(scenario.decisions.map((d) => [d.id, d])),
    incidents,
    spawns,
    worsens,
    teamCapabilities,
    facilities: new Map(scenario.region.facilities.map((f) => [f.id, f])),
    settlements: new Map(scenario.region.settlements.map((s) => [s.id, s])),
    seats,
  };
}

/** The capabilities that can contain an incident: its own `needs`, else the table by kind. */
export const needsOf = (ix: ScenarioIndex, id: string): readonly string[] => capabilitiesFor(ix.incidents.get(id));
