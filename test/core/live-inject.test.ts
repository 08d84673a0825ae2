// The facilitator writes an inject during the drill: it reaches each named seat's inbox at once.
import { describe, expect, it } from 'vitest';
import { parseCommand, type DrillEvent } from '../../src/core/index.ts';
import { MIN, TestDrill } from './test-drill.ts';

const aftershock: Extract<DrillEvent, { type: 'live-inject' }> = { type: 'live-inject', title: '余震预警', text: '地震台网预测未来24小时可能发生5级余震。', to: ['fire-rescue', 'hq'], question: '是否加固救援现场？', expected: '撤出危楼中的救援人员' };

describe('live injects', () => {
  it('one inject message per receiving seat, at once, with the question and the expected action', () => {
    const d = new TestDrill().start().wait(MIN);
    expect(d.facilitator(aftershock)).toEqual({ ok: true });
    const base = { seq: 2, clock: MIN, kind: 'inject', from: 'facilitator', title: '余震预警', text: '地震台网预测未来24小时可能发生5级余震。', inject: 'live-2', question: '是否加固救援现场？', expected: '撤出危楼中的救援人员' };
    expect(d.world.messages).toEqual([{ ...base, to: 'fire-rescue' }, { ...base, to: 'hq' }]);
    // It is news, not a scripted inject: the script's injects are untouched.
    expect(d.world.injects['collapse-report']).toEqual({ status: 'scheduled' });
  });

  it('without a question or expected action, the messages carry neither', () => {
    const d = new TestDrill().start();
    d.facilitator({ type: 'live-inject', title: '通报', text: '供电恢复', to: ['rescue-group'] });
    expect(d.world.messages).toEqual([{ seq: 2, clock: 0, kind: 'inject', from: 'facilitator', to: 'rescue-group', title: '通报', text: '供电恢复', inject: 'live-2' }]);
  });

  it('is sent while the drill is under way, paused included, and refused before and after', () => {
    const d = new TestDrill();
    d.expectRefused(d.facilitator(aftershock), 'the drill is not under way (setup)');
    d.start().facilitator({ type: 'pause' });
    expect(d.facilitator(aftershock)).toEqual({ ok: true });
    d.facilitator({ type: 'end' });
    d.expectRefused(d.facilitator(aftershock), 'the drill is not under way (debrief)');
    // Entry 1 was the refused one, 2 the start, 3 the pause.
    expect(d.world.messages.map((m) => m.inject)).toEqual(['live-4', 'live-4']);
  });

  it('names seats the scenario has, and only the facilitator writes one', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.facilitator({ ...aftershock, to: ['hq', 'county-9'] }), "there is no seat 'county-9'");
    d.expectRefused(d.seat('hq', aftershock), 'only the facilitator (导调) controls the drill');
    expect(d.world.messages).toEqual([]);
  });

  it('its shape is checked: seats listed once, at least one, a title of at most 200 characters', () => {
    expect(parseCommand({ ...aftershock, to: ['hq', 'hq'] })).toEqual({ ok: false, reason: `a 'live-inject' event "to": name each seat once` });
    expect(parseCommand({ ...aftershock, to: [] })).toEqual({ ok: false, reason: `a 'live-inject' event "to": name at least one seat` });
    expect(parseCommand({ ...aftershock, title: 'x'.repeat(201) })).toMatchObject({ ok: false, reason: expect.stringMatching(/^a 'live-inject' event "title": Too big/) });
    expect(parseCommand({ ...aftershock, title: 'x'.repeat(200) }).ok).toBe(true);
    expect(parseCommand({ ...aftershock, text: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^a 'live-inject' event "text": Too small/) });
  });
});
