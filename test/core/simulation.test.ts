// The simulation over time: injects on time, decisions opening and expiring, cascades unless
// handled, contingencies, and the people a rescue saves by when it arrives.
import { describe, expect, it } from 'vitest';
import { replaced } from '../scenario/helpers.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

// A cascade from the collapse, and a contingency on the decision expiring.
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
    `injects:
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

  it('a team sent at once mobilises for 30 min, contains the collapse on arrival and frees the trapped after working it', () => {
    const d = drill().start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    // Answered at drill 2m30s = T+3m45s; its station is Chagou itself, so it leaves and arrives at T+33m45s.
    expect(d.world.teams['usar-1#1']).toMatchObject({ status: 'tasked', target: 'chagou-collapse', departMs: 33.75 * MIN, arriveMs: 33.75 * MIN });
    expect(d.world.incidents['chagou-collapse']!.rescuedAlive).toBe(0);
    // Node 2 runs 16.5 scenario minutes a drill minute from T+30m: T+33m45s is 13.6 s into it.
    d.wait(17 * MIN + 30_000 + 14_000);
    expect(d.world.teams['usar-1#1']!.status).toBe('on-scene');
    const collapse = d.world.incidents['chagou-collapse']!;
    expect(collapse).toMatchObject({ status: 'contained', containedMs: 33.75 * MIN, firstTeamMs: 33.75 * MIN, rescuedAlive: 0 });
    // Nobody came within 20 min of the collapse (T+3m): the fire broke out at T+23m; the team (usar, fire) took it on too.
    expect(d.world.incidents['chagou-fire']).toMatchObject({ status: 'contained', appearedMs: 23 * MIN, containedMs: 33.75 * MIN });
    // Two hours of digging: freed at T+2h33m45s, trapped since T+3m, i.e. 2.5125 h.
    // By hand: exp(−((2.5125/24)/2.25)^1.14) = exp(−0.030287) = 0.97017 → 12 × 0.97017 = 11.642 (SCIENCE.md §7.3 interval fit).
    d.wait(7.5 * MIN);
    expect(d.world.incidents['chagou-collapse']!.rescuedMs).toBe(153.75 * MIN);
    expect(d.world.incidents['chagou-collapse']!.rescuedAlive).toBeCloseTo(11.642, 3);
  });

  it('a contain from the facilitator ends the cascades but frees nobody: only a team on scene does', () => {
    const d = drill().start().wait(3 * MIN);
    expect(d.facilitator({ type: 'order', to: 'fire-rescue', effect: { do: 'contain', incident: 'chagou-collapse' } })).toEqual({ ok: true });
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ status: 'contained', rescuedAlive: 0 });
    d.wait(30 * MIN);
    expect(d.world.incidents['chagou-collapse']!.rescuedAlive).toBe(0);
    expect(d.world.incidents['chagou-fire']!.status).toBe('latent');
  });

  it('a collapse that worsens after containment restarts its resolve timer', () => {
    const d = drill().start().wait(3 * MIN);
    // Contained at T+4m30s (drill 3m); the cascade usar-far cannot fire (no fire). Worsened at drill 23m = T+1h19m30s.
    d.facilitator({ type: 'order', to: 'fire-rescue', effect: { do: 'contain', incident: 'chagou-collapse' } });
    d.wait(20 * MIN);
    d.facilitator({ type: 'order', to: 'fire-rescue', effect: { do: 'worsen', incident: 'chagou-collapse', by: 1 } });
    d.facilitator({ type: 'order', to: 'fire-rescue', effect: { do: 'contain', incident: 'chagou-collapse' } });
    const second = d.world.incidents['chagou-collapse']!.containedMs!;
    expect(second).toBe(30 * MIN + 3 * 16.5 * MIN);
    // The first containment's timer (T+6h04m30s) is gone: node 2 ends at T+6h with the collapse still contained.
    d.wait(17 * MIN - 1);
    expect(d.world.incidents['chagou-collapse']!.status).toBe('contained');
    expect(d.world.queue.filter((q) => q.kind === 'resolve')).toEqual([{ atMs: second + 6 * 60 * MIN, kind: 'resolve', id: 'chagou-collapse' }]);
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
    // The jump at drill 1m (T+1m30s) delivered the collapse; its fire was due 20 min later, in the stretch
    // the jump skipped: it broke out then (T+21m30s), not at the jump.
    expect(d.world.incidents['chagou-fire']).toMatchObject({ status: 'reported', appearedMs: 21.5 * MIN });
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

describe('who frees the trapped', () => {
  // An ambulance crew stationed in Chagou, and a collapse that needs search and rescue or medical care.
  const text = replaced(
    '          capabilities: [usar, fire]\n',
    `          capabilities: [usar, fire]
        - id: amb
          name: { zh: 救护车, en: Ambulance }
          count: 1
          speedKmh: 60
          capabilities: [medical]
          mobilise: 5m
`,
    replaced('      needs: [usar]', '      needs: [usar, medical]'),
  );

  it('an ambulance on scene treats and contains, but only a team that digs frees anyone', () => {
    const d = new TestDrill(scenario('ambulance.yaml', text)).start().wait(3 * MIN);
    d.facilitator({ type: 'order', to: 'fire-rescue', effect: { do: 'dispatch', team: 'amb', to: 'chagou-collapse', count: 1 } });
    // Ordered at T+4m30s, at the scene 5 min later (stationed there): T+9m30s = drill 6m20s.
    d.wait(4 * MIN);
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ status: 'contained', containedBy: 'amb#1' });
    d.wait(30 * MIN);
    expect(d.world.incidents['chagou-collapse']).toMatchObject({ rescuedAlive: 0 });
    expect(d.world.incidents['chagou-collapse']!.firstTeamMs).toBeUndefined();
  });
});
