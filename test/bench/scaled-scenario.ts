// A scenario k times the size of a base one, for measuring how the engine's cost grows: k copies of
// its injects (with their incidents), cascades (with their spawns), decisions, units (with their
// teams), settlements and facilities, each copy's ids suffixed `-x<c>` and every reference inside the
// copy renamed with it, so each copy is the base drill again, on the same five nodes, in towns and
// hospitals of its own (a shared hospital would gather every copy's incidents in one place, which a
// bigger region does not). Groups take the copies of their members; the HQ, groups, counties, roads
// and nodes are shared.
import type { Scenario } from '../../src/scenario/schema.ts';

/** The parts that are copied: plain data, parsed (`Scenario`) or as read from YAML (durations still text). */
interface Copyable {
  region: { settlements: { id: string }[]; facilities: { id: string }[] };
  organisation: { units: { id: string; teams: { id: string }[] }[]; groups: { members: string[] }[] };
  injects: { id: string; incident?: { id: string } }[];
  cascades: { id: string; then: object }[];
  decisions: { id: string }[];
}

/** Every id a copy renames. */
function copiedIds(s: Copyable): string[] {
  const ids: string[] = [];
  for (const x of s.region.settlements) ids.push(x.id);
  for (const x of s.region.facilities) ids.push(x.id);
  for (const u of s.organisation.units) ids.push(u.id, ...u.teams.map((t) => t.id));
  for (const x of s.injects) ids.push(x.id, ...(x.incident ? [x.incident.id] : []));
  for (const c of s.cascades) ids.push(c.id, ...('spawn' in c.then ? [(c.then as { spawn: { id: string } }).spawn.id] : []));
  for (const d of s.decisions) ids.push(d.id);
  return ids;
}

/** Fields whose values are never ids of the file: a capability may share a team's name ('power-repair'). */
const NOT_REFERENCES = new Set(['capabilities', 'needs', 'capability', 'kind', 'do', 'level', 'via', 'source', 'sources']);

/** A deep copy in which every string value (never a key) that is a renamed id becomes its copy's id. */
function renamed<T>(value: T, rename: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (rename.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((x: unknown) => renamed(x, rename)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_REFERENCES.has(k) ? structuredClone(v) : renamed(v, rename)])) as T;
  return value;
}

/** The base with k copies of its copied parts (k = 1: an equal copy). Works on parsed and raw scenarios alike. */
export function scaleScenarioData<T extends Copyable>(base: T, k: number): T {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`scale factor ${k} is not a whole number ≥ 1`);
  const out = structuredClone(base);
  const ids = copiedIds(base);
  for (let c = 1; c < k; c++) {
    const rename = new Map(ids.map((id) => [id, `${id}-x${c}`]));
    out.region.settlements.push(...renamed(base.region.settlements, rename));
    out.region.facilities.push(...renamed(base.region.facilities, rename));
    out.organisation.units.push(...renamed(base.organisation.units, rename));
    out.injects.push(...renamed(base.injects, rename));
    out.cascades.push(...renamed(base.cascades, rename));
    out.decisions.push(...renamed(base.decisions, rename));
    out.organisation.groups.forEach((g, i) => {
      const units = new Set(base.organisation.units.map((u) => u.id));
      g.members.push(...base.organisation.groups[i]!.members.filter((m) => units.has(m)).map((m) => rename.get(m)!));
    });
  }
  return out;
}

/** The default-sized scenario `base` grown k×, ready to run (it validates: test/core/scaled-scenario.test.ts). */
export function scaledScenario(base: Scenario, k: number): Scenario {
  return scaleScenarioData(base as unknown as Copyable, k) as unknown as Scenario;
}
