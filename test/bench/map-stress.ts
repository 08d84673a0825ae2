// A stress drill for the map: the default scenario's region and organisation with 2,000 incidents
// scattered around Haicheng's settlements and 300 teams on the move, six scenario hours in. Built in
// code (no YAML): incidents, places, cascades and teams are added to a model and a world, the way
// the engine would have left them. Pure — it runs in Node and in the bench page.
import { buildModel, createExercise, type Model, type World } from '../../src/core/index.ts';
import { randomStream, seedRandom } from '../../src/hazard/index.ts';
import { INCIDENT_KINDS, type Incident, type Scenario } from '../../src/scenario/schema.ts';

export interface StressOptions {
  incidents?: number;
  teams?: number;
  /** Cascade links among the incidents. */
  cascades?: number;
  seed?: number;
}

export interface StressDrill {
  model: Model;
  world: World;
  /** The scenario time the drill starts at (six hours after the shock). */
  startMs: number;
}

const HOUR = 3_600_000;
const KINDS = INCIDENT_KINDS.filter((k) => k !== 'earthquake' && k !== 'aftershock');

export function stressDrill(scenario: Scenario, options: StressOptions = {}): StressDrill {
  const { incidents = 2000, teams = 300, cascades = 300, seed = 7 } = options;
  const rng = randomStream(seedRandom(seed));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
  const model = buildModel(scenario);
  const world = structuredClone(createExercise({ scenario, seed }).world) as World;
  const startMs = 6 * HOUR;
  world.mode = 'running';
  world.scenarioMs = startMs;
  world.node = scenario.nodes.findLastIndex((n) => n.span.from <= startMs);

  // Incidents within a few km of the Haicheng townships and city, where the shaking was.
  const around = scenario.region.settlements.filter((s) => s.county === 'county-haicheng');
  const ids: string[] = [];
  for (let k = 0; k < incidents; k++) {
    const id = `stress-${k}`;
    const near = pick(around);
    const place = `stress-place-${k}`;
    model.places.set(place, { lat: near.lat + (rng.next() - 0.5) * 0.08, lon: near.lon + (rng.next() - 0.5) * 0.1 });
    const kind = pick(KINDS);
    const severity = 1 + Math.floor(rng.next() * 5);
    const def: Incident = { id, kind, name: { zh: `压力测试事件 ${k + 1}`, en: `Stress incident ${k + 1}` }, place, severity };
    model.incidents.set(id, def);
    model.places.set(id, model.places.get(place)!);
    const contained = rng.next() < 0.3;
    world.incidents[id] = {
      status: contained ? 'contained' : rng.next() < 0.5 ? 'escalating' : 'reported',
      kind,
      place,
      severity,
      trapped: kind === 'collapse' ? Math.floor(rng.next() * 20) : 0,
      displaced: 0,
      appearedMs: Math.floor(rng.next() * startMs),
      rescuedAlive: 0,
      ...(contained ? { containedMs: startMs, containedBy: 'stress' } : {}),
    };
    ids.push(id);
  }
  for (let k = 0; k < cascades; k++) {
    const from = pick(ids);
    const to = pick(ids);
    if (from === to) continue;
    const c = { id: `stress-cascade-${k}`, from, after: HOUR, unless: 'contained' as const, then: { worsen: { incident: to, by: 1 } } };
    model.cascadesFrom.set(from, [...(model.cascadesFrom.get(from) ?? []), c]);
  }

  // Teams on their way: each left in the last two hours and arrives in one to three hours.
  const types = [...model.teamTypes.entries()];
  for (let k = 0; k < teams; k++) {
    const [type, { unit }] = pick(types);
    const target = pick(ids);
    const departMs = startMs - Math.floor(rng.next() * 2 * HOUR);
    const arriveMs = startMs + HOUR + Math.floor(rng.next() * 2 * HOUR);
    const source = `stress-order-${k}`;
    world.teams[`stress-${type}#${k}`] = { unit, type, status: 'en-route', target, arriveMs, source };
    world.effects.push({ clock: 0, scenarioMs: departMs, source, effect: `dispatch 1/1 ${type} → ${target}` });
  }
  return { model, world, startMs };
}
