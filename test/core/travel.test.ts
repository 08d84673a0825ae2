// Teams mobilise before they leave, and travel by the scenario's roads where a road serves both ends
// (straight line × 1.4 elsewhere [E], or the scenario's own factor); a blocked road is not taken.
import { describe, expect, it } from 'vitest';
import { replaced } from '../scenario/helpers.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

// The heavy USAR team is stationed 0.1° south of Chagou, on the meridian; a county road runs straight between the two.
const text = replaced(
  '          capabilities: [usar, fire]\n',
  '          capabilities: [usar, fire]\n          base: { lat: 40.60, lon: 122.85 }\n          mobilise: 10m\n',
  replaced('organisation:\n', `  routes:
    - id: road-south
      name: { zh: 南线公路, en: South road }
      kind: county
      path: [[40.60, 122.85], [40.70, 122.85]]
organisation:
`),
);
const HOUR = 3_600_000;
// 0.1° of latitude on a 6,371 km sphere: 6371 × π/180 × 0.1 = 11.1195 km.
const ROAD_KM = 11.1195;

describe('travel', () => {
  it('follows the road where it serves both ends, after the team has mobilised', () => {
    const d = new TestDrill(scenario('travel.yaml', text)).start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    const team = d.world.teams['usar-1#1']!;
    // Ordered at T+3m45s; leaves 10 min later; 11.1195 km at 50 km/h = 0.22239 h = 13.34 min (straight × 1.4 would be 18.68 min).
    expect(team.departMs).toBe(13.75 * MIN);
    expect((team.arriveMs! - team.departMs!) / HOUR).toBeCloseTo(ROAD_KM / 50, 4);
  });

  it('a team that arrives in the stretch a node jump skips arrived at its own time, not at the jump', () => {
    const d = new TestDrill(scenario('travel.yaml', text)).start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    const due = d.world.teams['usar-1#1']!.arriveMs!; // T+13m45s + 13.34 min ≈ T+27.1 min, before node 2's T+30m
    d.wait(7 * MIN + 30_000); // drill 10:00 = T+15m
    expect(d.facilitator({ type: 'next-node' })).toEqual({ ok: true });
    expect(d.world.teams['usar-1#1']!.status).toBe('on-scene');
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ containedMs: due, firstTeamMs: due });
    expect(due).toBeLessThan(30 * MIN);
    expect(d.world.scenarioMs).toBe(30 * MIN);
  });

  it('goes the long way (straight × 1.4) when the road is blocked', () => {
    const blocked = replaced(
      '    question: { zh: 如何派出救援力量？',
      `  - id: road-cut
    at: { node: n1, offset: 1m }
    title: { zh: 道路中断, en: Road cut }
    narrative: { zh: 南线公路塌方。, en: A slide blocks the south road. }
    to: [fire-rescue]
    via: phone
    incident: { id: south-slide, kind: landslide, name: { zh: 南线塌方, en: South road slide }, place: road-south, severity: 2 }
    question: { zh: 如何派出救援力量？`,
      text,
    );
    const d = new TestDrill(scenario('travel-blocked.yaml', blocked)).start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    const team = d.world.teams['usar-1#1']!;
    // The slide is within 8 km of the target too: the detour doubles — 11.1195 × 1.4 × 2 / 50 h.
    expect((team.arriveMs! - team.departMs!) / HOUR).toBeCloseTo((ROAD_KM * 1.4 * 2) / 50, 4);
  });

  it("takes the scenario's own detour factor off the road (a mountain county's longer way round)", () => {
    const mountain = replaced('  bounds: { south: 40.4, west: 122.4, north: 41.1, east: 123.2 }\n', '  bounds: { south: 40.4, west: 122.4, north: 41.1, east: 123.2 }\n  detourFactor: 2.2\n', text.replace(/ {2}routes:[\s\S]*?(?=organisation:)/, ''));
    const d = new TestDrill(scenario('travel-mountain.yaml', mountain)).start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    const team = d.world.teams['usar-1#1']!;
    // No road: 11.1195 km × 2.2 = 24.463 km at 50 km/h = 0.48926 h.
    expect((team.arriveMs! - team.departMs!) / HOUR).toBeCloseTo(0.48926, 4);
  });
});
