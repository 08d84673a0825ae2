// The facilitator edits a prepared inject before sending it: the seats receive the edited words and
// recipients; what the inject does in the simulation stays the script's.
import { describe, expect, it } from 'vitest';
import { injectRecipients } from '../../src/core/index.ts';
import { MIN, TestDrill } from './test-drill.ts';

const edit = { title: '岔沟镇民房倒塌（更正）', narrative: '岔沟镇三处民房倒塌，约20人被困。', to: ['hq', 'fire-rescue'] };

describe('editing a prepared inject before sending it', () => {
  it("each receiving seat gets the edited title and narrative, with the script's question and expected action", () => {
    const d = new TestDrill().start().wait(MIN);
    expect(d.facilitator({ type: 'fire-inject', inject: 'collapse-report', edit })).toEqual({ ok: true });
    const base = { seq: 2, clock: MIN, kind: 'inject', from: 'facilitator', title: edit.title, text: edit.narrative, inject: 'collapse-report', question: '如何派出救援力量？', expected: '立即派出重型救援队。' };
    expect(d.world.messages).toEqual([{ ...base, to: 'hq' }, { ...base, to: 'fire-rescue' }]);
    // The record says it was edited, and how: what the seat view shows instead of the script.
    // Scenario time runs 30 min over the node's 20: 1 drill minute is 1.5 scenario minutes.
    expect(d.world.injects['collapse-report']).toEqual({ status: 'delivered', clock: MIN, scenarioMs: 1.5 * MIN, edit });
    expect(injectRecipients(d.ex.model, d.world, 'collapse-report')).toEqual(['hq', 'fire-rescue']);
  });

  it('the incident it reports and the decision waiting for it come as in the script', () => {
    const d = new TestDrill().start().wait(MIN);
    d.facilitator({ type: 'fire-inject', inject: 'collapse-report', edit });
    expect(d.world.incidents['chagou-collapse']!.status).toBe('reported');
    expect(d.world.decisions['send-usar']).toMatchObject({ status: 'open', openClock: MIN, deadlineClock: 6 * MIN });
    // Its scheduled time (2 min) passes without a second delivery.
    d.wait(2 * MIN);
    expect(d.world.messages).toHaveLength(2);
    expect(d.world.injects['collapse-report']!.clock).toBe(MIN);
  });

  it("what the edit leaves out is the script's: its recipients, its narrative", () => {
    const d = new TestDrill().start();
    d.facilitator({ type: 'fire-inject', inject: 'collapse-report', edit: { title: '紧急：房屋倒塌' } });
    expect(d.world.messages).toEqual([
      { seq: 2, clock: 0, kind: 'inject', from: 'facilitator', to: 'fire-rescue', title: '紧急：房屋倒塌', text: '岔沟镇多处民房倒塌，有人员被困。', inject: 'collapse-report', question: '如何派出救援力量？', expected: '立即派出重型救援队。' },
    ]);
    expect(injectRecipients(d.ex.model, d.world, 'collapse-report')).toEqual(['fire-rescue']);
  });

  it("sent unedited, it is the script's inject: no edit recorded, no inbox copies", () => {
    const d = new TestDrill().start();
    d.facilitator({ type: 'fire-inject', inject: 'collapse-report' });
    expect(d.world.injects['collapse-report']).toEqual({ status: 'delivered', clock: 0, scenarioMs: 0 });
    expect(d.world.messages).toEqual([]);
  });

  it('an edit naming a seat the scenario lacks is refused, and the inject stays to come', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.facilitator({ type: 'fire-inject', inject: 'collapse-report', edit: { to: ['hq', 'police'] } }), "there is no seat 'police'");
    expect(d.world.injects['collapse-report']).toEqual({ status: 'scheduled' });
  });
});
