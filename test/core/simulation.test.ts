// The simulation over time: injects on time, decisions opening and expiring, cascades unless
// handled, contingencies, and the people a rescue saves by when it arrives.
import { describe, expect, it } from 'vitest';
import { survivalAfterHours } from '../../src/hazard/index.ts';
import { replaced } from '../scenario/helpers.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

// A second node, a cascade from the collapse, and a contingency on the decision expiring.
const richer = replaced(
  'decisions:',
  `cascades:
  - id: collapse-fire
    from: chagou-collapse
    after: 20m
    then:
      spawn: { id: chagou-fire, kind: fire, name: { zh: 岔沟火灾, en: Chagou fire }, place: chagou, severity: 2 }
  - id: usar-far
    from: chagou-fire
    after: 1h
    then: { worsen: { incident: chagou-collapse, by: 2 } }
decisions:`,
  replaced(
    'injects:',
    `  - id: n2
    name: { zh: 救援, en: Rescue }
    phase: rescue
    length: 20m
    span: { from: 30m, to: 6h }
    briefing: { zh: 救援阶段。, en: Rescue phase. }
injects:
  - id: chase
    at: { node: n1, offset: 15m }
    title: { zh: 追问, en: Chase }
    narrative: { zh: 指挥部追问为何未派队。, en: The HQ asks why no team went. }
    to: [fire-rescue]
    via: phone
    when: { expired: send-usar }`,
  ),
);

const drill = () => new TestDrill(scenario('richer.yaml', richer));

describe('the simulation', () => {
  it('an inject is delivered on time and reports its incident; the decision waiting for it opens', () => {
    const d = drill().start().wait(2 * MIN - 1);
    expect(d.world.injects['collapse-report']!.status).toBe('scheduled');
    d.wait(1);
    expect(d.world.injects['collapse-report']).toMatchObject({ status: 'delivered', clock: 2 * MIN, scenarioMs: 3 * MIN });
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ status: 'reported', trapped: 12, appearedMs: 3 * MIN });
    expect(d.world.decisions['send-usar']).toMatchObject({ status: 'open', openClock: 2 * MIN, deadlineClock: 7 * MIN });
  });

  it('a team sent at once contains the collapse and saves the trapped by the survival curve; no cascade follows', () => {
    const d = drill().start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    // Its base is in Chagou: it is on scene the same instant.
    expect(d.world.teams['usar-1#1']).toMatchObject({ status: 'on-scene', target: 'chagou-collapse' });
    const collapse = d.world.incidents['chagou-collapse']!;
    expect(collapse.status).toBe('contained');
    expect(collapse.rescuedAlive).toBe(Math.round(12 * survivalAfterHours(collapse.firstTeamMs! / 3_600_000)));
    d.wait(60 * MIN);
    expect(d.world.incidents['chagou-fire']!.status).toBe('latent');
    expect(d.world.injects.chase!.status).toBe('skipped');
  });

  it('left alone, the collapse spawns a fire after 20 scenario minutes, the decision expires and the contingency fires', () => {
    const d = drill().start().wait(7 * MIN);
    expect(d.world.decisions['send-usar']!.outcome).toBe('expired');
    // Node 1 maps 20 drill minutes onto 30 scenario minutes: the fire is due at T+23m, drill 15m20s.
    d.wait(8 * MIN);
    expect(d.world.injects.chase!.status).toBe('delivered');
    expect(d.world.incidents['chagou-fire']!.status).toBe('latent');
    d.wait(20_000);
    expect(d.world.incidents['chagou-fire']).toMatchObject({ status: 'reported', appearedMs: 23 * MIN });
  });

  it('jumping to the next node plays out the rest of the node at once, and scenario time jumps', () => {
    const d = drill().start().wait(MIN);
    d.facilitator({ type: 'next-node' });
    d.expectToBeIn('running.node2');
    expect(d.world.injects['collapse-report']!.status).toBe('delivered');
    expect(d.world.decisions['send-usar']!.status).toBe('open');
    expect(d.world.scenarioMs).toBe(30 * MIN);
    // The fire was due at T+23m: it happened at the jump.
    expect(d.world.incidents['chagou-fire']!.status).toBe('reported');
  });

  it('a later worsening cascade escalates an incident still uncontained', () => {
    const d = drill().start().wait(20 * MIN);
    d.expectToBeIn('running.node2');
    d.wait(19 * MIN);
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ status: 'escalating', severity: 5 });
  });

  it('an unattended fire grows a step every two scenario hours until someone contains it', () => {
    const d = drill().start().wait(16 * MIN);
    expect(d.world.incidents['chagou-fire']).toMatchObject({ status: 'reported', severity: 2, appearedMs: 23 * MIN });
    // Node 2 runs 20 drill minutes over T+30m…6h: 16.5 scenario minutes a drill minute.
    d.wait(4 * MIN + 10 * MIN);
    expect(d.world.incidents['chagou-fire']!.severity).toBe(3);
  });

  it('the facilitator can extend a deadline and fire an inject by hand', () => {
    const d = drill().start().wait(3 * MIN);
    expect(d.facilitator({ type: 'extend-deadline', decision: 'send-usar', byMs: 5 * MIN })).toEqual({ ok: true });
    d.wait(5 * MIN);
    expect(d.world.decisions['send-usar']!.status).toBe('open');
    expect(d.facilitator({ type: 'fire-inject', inject: 'chase' })).toEqual({ ok: true });
    expect(d.world.injects.chase!.status).toBe('delivered');
  });
});
