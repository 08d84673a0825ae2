import { describe, expect, it } from 'vitest';
import { leftInNode } from '../../src/core/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

describe('the exercise statechart', () => {
  it('setup → briefing → running.node1 → paused → back to the same node → debrief', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).expectToBeIn('setup');
    d.facilitator({ type: 'brief' });
    d.expectToBeIn('briefing').start().expectToBeIn('running.node1');
    expect(d.ex.hasTag('response')).toBe(true);
    d.facilitator({ type: 'next-node' });
    d.expectToBeIn('running.node2');
    d.facilitator({ type: 'pause' });
    d.expectToBeIn('paused');
    d.facilitator({ type: 'resume' });
    d.expectToBeIn('running.node2');
    d.facilitator({ type: 'end' });
    d.expectToBeIn('debrief');
  });

  it('each node carries its phase as a tag', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start();
    const phases: string[] = [];
    for (let i = 0; i < 5; i++) {
      phases.push(['response', 'rescue', 'recovery'].find((p) => d.ex.hasTag(p))!);
      d.facilitator({ type: 'next-node' });
    }
    expect(phases).toEqual(d.ex.model.scenario.nodes.map((n) => n.phase));
    expect(new Set(phases)).toEqual(new Set(['response', 'rescue', 'recovery']));
  });

  it('a node that runs its length opens the next; the last one ends the drill at its end', () => {
    const s = scenario('haicheng-m5.8.yaml');
    const d = new TestDrill(s).start();
    d.wait(s.nodes[0]!.length - 1).expectToBeIn('running.node1');
    d.wait(1).expectToBeIn('running.node2');
    // 25 + 35 + 25 + 15 drill minutes after node 2 opens, node 5 ends: 1 ms before, it still runs.
    d.wait(100 * MIN - 1).expectToBeIn('running.node5');
    d.wait(1).expectToBeIn('debrief');
    expect(d.world.scenarioMs).toBe(s.nodes[4]!.span.to);
    expect(d.world.clock).toBe(120 * MIN);
  });

  it('the drill knows the log time it ended: where the last node ran out, however far past it the room clock was moved', () => {
    const s = scenario('haicheng-m5.8.yaml');
    const d = new TestDrill(s).start().wait(10 * MIN);
    d.facilitator({ type: 'pause' });
    d.wait(7 * MIN);
    d.facilitator({ type: 'resume' });
    expect(d.world.endT).toBeUndefined();
    // 120 drill minutes of nodes plus the 7-minute pause: the end is at log time 127:00, reached in one jump to 200:00.
    d.wait(183 * MIN).expectToBeIn('debrief');
    expect(d.world.t).toBe(200 * MIN);
    expect(d.world.endT).toBe(127 * MIN);

    const e = new TestDrill(s).start().wait(30 * MIN);
    e.facilitator({ type: 'end' });
    expect(e.world.endT).toBe(30 * MIN);
  });

  it('before leaving a node early, it says what that delivers at once: its injects and the decisions that wait for them', () => {
    const d = new TestDrill().start().wait(MIN);
    expect(leftInNode(d.ex.model, d.world)).toEqual({ injects: ['collapse-report'], decisions: ['send-usar'] });
    d.facilitator({ type: 'next-node' });
    expect(d.world.injects['collapse-report']!.status).toBe('delivered');
    expect(d.world.decisions['send-usar']!.status).toBe('open');
    // Node 2 holds the number, ranking and report decisions, each at its offset.
    expect(leftInNode(d.ex.model, d.world)).toEqual({ injects: [], decisions: ['evacuate-count', 'rescue-priorities', 'situation-report'] });
  });

  it('paused, the facilitator moves to the next node and the drill stays paused there', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(5 * MIN);
    d.facilitator({ type: 'pause' });
    expect(d.facilitator({ type: 'next-node' })).toEqual({ ok: true });
    d.expectToBeIn('paused');
    expect(d.world.node).toBe(1);
    const clock = d.world.clock;
    d.wait(30 * MIN);
    expect(d.world.clock).toBe(clock);
    d.facilitator({ type: 'resume' });
    d.expectToBeIn('running.node2');
    for (let i = 2; i < 5; i++) {
      d.facilitator({ type: 'pause' });
      d.facilitator({ type: 'next-node' });
    }
    expect(d.world.node).toBe(4);
    d.expectRefused(d.facilitator({ type: 'next-node' }), 'cannot next-node while paused');
    d.facilitator({ type: 'resume' });
    d.expectToBeIn('running.node5');
  });

  it('pausing stops drill time: deadlines and scenario time wait', () => {
    const d = new TestDrill().start().wait(3 * MIN);
    const decision = d.world.decisions['send-usar']!;
    expect(decision.status).toBe('open');
    const scenarioBefore = d.world.scenarioMs;
    d.facilitator({ type: 'pause' });
    d.wait(60 * MIN);
    expect(d.world.scenarioMs).toBe(scenarioBefore);
    expect(d.world.decisions['send-usar']!.status).toBe('open');
    d.facilitator({ type: 'resume' });
    d.wait(4 * MIN);
    expect(d.world.decisions['send-usar']!.outcome).toBe('expired');
  });

  it('flow commands out of place are refused with the state they met', () => {
    const d = new TestDrill();
    d.expectRefused(d.facilitator({ type: 'resume' }), 'cannot resume while setup');
    d.start();
    d.expectRefused(d.facilitator({ type: 'start' }), 'cannot start while running.node1');
    d.expectRefused(d.seat('fire-rescue', { type: 'pause' }), 'only the facilitator (导调) controls the drill');
    d.facilitator({ type: 'next-node' });
    d.expectRefused(d.facilitator({ type: 'next-node' }), 'cannot next-node while running.node2');
    expect(d.world.rejections).toHaveLength(4);
  });
});
