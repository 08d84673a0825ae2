// What the engine needs to know about a scenario, indexed once: who belongs where, where places are,
// when each node starts. Read-only; the world changes, the model does not.
import type { Decision, Incident, Inject, Scenario } from '../scenario/schema.ts';

export interface Place {
  lat: number;
  lon: number;
}

/** A kind of team a unit fields, and where it sets out from (its own station, else its unit's base). */
export interface TeamType {
  unit: string;
  team: Scenario['organisation']['units'][number]['teams'][number];
  from?: Place;
}

export interface Model {
  scenario: Scenario;
  hq: string;
  seats: Set<string>;
  /** unit id → the working groups it belongs to (as member or lead). */
  groupsOf: Map<string, string[]>;
  /** group id → its units (lead included). */
  membersOf: Map<string, Set<string>>;
  counties: Set<string>;
  units: Map<string, Scenario['organisation']['units'][number]>;
  /** team type id → its unit and definition. */
  teamTypes: Map<string, TeamType>;
  injects: Map<string, Inject>;
  decisions: Map<string, Decision>;
  /** Every incident the scenario can produce, from injects and cascade spawns. */
  incidents: Map<string, Incident>;
  cascadesFrom: Map<string, Scenario['cascades']>;
  places: Map<string, Place>;
  settlements: Map<string, Scenario['region']['settlements'][number]>;
  facilities: Map<string, Scenario['region']['facilities'][number]>;
  routes: Map<string, Scenario['region']['routes'][number]>;
  /** Drill time at which each node starts when played without jumps. */
  nodeOffsets: number[];
  /** Per node id: its scheduled injects and the decisions that open at an offset, by offset. */
  injectsOfNode: Map<string, Inject[]>;
  decisionsOfNode: Map<string, Decision[]>;
  /** Decisions that open after an inject. */
  decisionsAfterInjects: Decision[];
  /** inject id → the decisions that open after it, in file order. */
  decisionsAfter: Map<string, Decision[]>;
  cascades: Map<string, Scenario['cascades'][number]>;
  /** The keys of a new world's `decisions`, `incidents` and `teams`, in their order there: indexes keep to it. */
  decisionOrder: Map<string, number>;
  incidentOrder: Map<string, number>;
  teamOrder: Map<string, number>;
  /** Team instance ids (`${type}#${n}`) by type, in world order. */
  teamsOfType: Map<string, string[]>;
  /** Place id → the incidents there, in world order. */
  incidentsAt: Map<string, string[]>;
}

/** One model per scenario object, shared by runs, seeks and branches (scenarios are never changed once loaded). */
const models = new WeakMap<Scenario, Model>();

export function buildModel(scenario: Scenario): Model {
  let model = models.get(scenario);
  if (!model) models.set(scenario, (model = build(scenario)));
  return model;
}

/** The order in which a plain object lists these keys (integer-like keys first, as JavaScript does). */
function keyOrder(keys: Iterable<string>): Map<string, number> {
  const o: Record<string, true> = {};
  for (const k of keys) o[k] = true;
  return new Map(Object.keys(o).map((k, i) => [k, i]));
}

function build(scenario: Scenario): Model {
  const org = scenario.organisation;
  const groupsOf = new Map<string, string[]>();
  const membersOf = new Map<string, Set<string>>();
  for (const g of org.groups) {
    const members = new Set([g.lead, ...g.members]);
    membersOf.set(g.id, members);
    for (const u of members) groupsOf.set(u, [...(groupsOf.get(u) ?? []), g.id]);
  }
  const teamTypes = new Map<string, TeamType>();

  const incidents = new Map<string, Incident>();
  for (const x of scenario.injects) if (x.incident) incidents.set(x.incident.id, x.incident);
  const cascadesFrom = new Map<string, Scenario['cascades']>();
  for (const c of scenario.cascades) {
    if ('spawn' in c.then) incidents.set(c.then.spawn.id, c.then.spawn);
    cascadesFrom.set(c.from, [...(cascadesFrom.get(c.from) ?? []), c]);
  }

  const places = new Map<string, Place>();
  for (const s of scenario.region.settlements) places.set(s.id, s);
  for (const f of scenario.region.facilities) places.set(f.id, f);
  for (const r of scenario.region.routes) {
    const mid = r.path[Math.floor(r.path.length / 2)]!;
    places.set(r.id, { lat: mid[0], lon: mid[1] });
  }
  for (const [id, incident] of incidents) {
    const at = places.get(incident.place);
    if (at) places.set(id, at);
  }
  const baseOf = (b: string | Place) => (typeof b === 'string' ? places.get(b) : b);
  for (const u of org.units) {
    const at = baseOf(u.base);
    if (at) places.set(u.id, at);
    for (const team of u.teams) {
      const from = team.base === undefined ? at : baseOf(team.base);
      teamTypes.set(team.id, { unit: u.id, team, ...(from ? { from } : {}) });
    }
  }

  const nodeOffsets: number[] = [];
  let t = 0;
  for (const n of scenario.nodes) {
    nodeOffsets.push(t);
    t += n.length;
  }
  const byOffset = <T>(list: T[], offset: (x: T) => number) => list.sort((a, b) => offset(a) - offset(b));
  const injectsOfNode = new Map(scenario.nodes.map((n) => [n.id, byOffset(scenario.injects.filter((x) => x.at.node === n.id && !x.optional), (x) => x.at.offset)]));
  const decisionsOfNode = new Map(
    scenario.nodes.map((n) => [n.id, byOffset(scenario.decisions.filter((d) => 'node' in d.opens && d.opens.node === n.id), (d) => ('node' in d.opens ? d.opens.offset : 0))]),
  );
  const teamsOfType = new Map<string, string[]>();
  for (const u of org.units) for (const team of u.teams) teamsOfType.set(team.id, Array.from({ length: team.count }, (_, k) => `${team.id}#${k + 1}`));
  const teamOrder = keyOrder([...teamsOfType.values()].flat());
  const incidentOrder = keyOrder(incidents.keys());
  const incidentsAt = new Map<string, string[]>();
  for (const id of incidentOrder.keys()) {
    const place = incidents.get(id)!.place;
    incidentsAt.set(place, [...(incidentsAt.get(place) ?? []), id]);
  }
  const decisionsAfter = new Map<string, Decision[]>();
  for (const d of scenario.decisions) if ('after' in d.opens) decisionsAfter.set(d.opens.after, [...(decisionsAfter.get(d.opens.after) ?? []), d]);
  return {
    scenario,
    decisionsAfter,
    cascades: new Map(scenario.cascades.map((c) => [c.id, c])),
    decisionOrder: keyOrder(scenario.decisions.map((d) => d.id)),
    incidentOrder,
    teamOrder,
    teamsOfType,
    incidentsAt,
    injectsOfNode,
    decisionsOfNode,
    decisionsAfterInjects: scenario.decisions.filter((d) => 'after' in d.opens),
    hq: org.hq.id,
    seats: new Set([org.hq.id, ...org.groups.map((g) => g.id), ...org.units.map((u) => u.id), ...org.counties.map((c) => c.id)]),
    groupsOf,
    membersOf,
    counties: new Set(org.counties.map((c) => c.id)),
    units: new Map(org.units.map((u) => [u.id, u])),
    teamTypes,
    injects: new Map(scenario.injects.map((x) => [x.id, x])),
    decisions: new Map(scenario.decisions.map((d) => [d.id, d])),
    incidents,
    cascadesFrom,
    places,
    settlements: new Map(scenario.region.settlements.map((s) => [s.id, s])),
    facilities: new Map(scenario.region.facilities.map((f) => [f.id, f])),
    routes: new Map(scenario.region.routes.map((r) => [r.id, r])),
    nodeOffsets,
  };
}
