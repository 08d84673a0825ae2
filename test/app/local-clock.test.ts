// @vitest-environment happy-dom
// The local clock beside T+ (issue 12): origin time (local, with its offset) plus scenario time, read
// as written — never shifted into the zone of the computer that runs the test — and the dawn while
// it is dark, where the scenario has conditions. Values worked by hand.
import { describe, expect, it } from 'vitest';
import { render } from 'lit-html';
import { createExercise } from '../../src/core/index.ts';
import { localClockText, localTimeAt, scenarioLocalClock } from '../../src/app/local-clock.ts';
import { clockBar } from '../../src/app/views/clock-bar.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scenario as minimal } from './persist/helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The minimal scenario at another origin time, with conditions when given. */
const at = (originTime: string, conditions?: Scenario['conditions']): Scenario => ({ ...minimal(), earthquake: { ...minimal().earthquake, originTime }, ...(conditions ? { conditions } : {}) });
const NIGHT: Scenario['conditions'] = { season: 'summer', darkness: { dusk: '18:40', dawn: '07:20' }, coldSurvival: false };

describe('local clock', () => {
  it('adds scenario time to the written local time: 09:30 + T+2:35 = 12:05 the same day', () => {
    expect(localTimeAt('2026-11-21T09:30+08:00', 2 * HOUR + 35 * MIN)).toEqual({ minuteOfDay: 12 * 60 + 5, day: 0 });
    expect(scenarioLocalClock('zh', at('2026-11-21T09:30+08:00'), 2 * HOUR + 35 * MIN)).toBe('当地 12:05');
  });

  it('crosses midnight: 22:30 + T+4:35 = 03:05 the next day, said as +1 day', () => {
    // 22:30 is 1350 min; + 275 min = 1625 min = 1 day + 185 min = 03:05.
    expect(localTimeAt('2026-07-10T22:30+08:00', 4 * HOUR + 35 * MIN)).toEqual({ minuteOfDay: 185, day: 1 });
    expect(localClockText('zh', { minuteOfDay: 185, day: 1 })).toBe('当地 03:05（+1 天）');
    expect(localClockText('en', { minuteOfDay: 185, day: 1 })).toBe('local 03:05 (+1 d)');
  });

  it('reads the offset as a label of the written time, not a shift (+08:00 and -05:00 alike)', () => {
    expect(localTimeAt('2026-07-10T22:30+08:00', 0)).toEqual({ minuteOfDay: 1350, day: 0 });
    expect(localTimeAt('2026-07-10T22:30-05:00', 0)).toEqual({ minuteOfDay: 1350, day: 0 });
  });

  it('counts seconds of the origin and shows the minute that has begun', () => {
    // 23:59:45 + 14 s = 23:59:59 → 23:59; + 15 s = 00:00:00 the next day.
    expect(localTimeAt('2026-12-31T23:59:45+08:00', 14_000)).toEqual({ minuteOfDay: 23 * 60 + 59, day: 0 });
    expect(localTimeAt('2026-12-31T23:59:45+08:00', 15_000)).toEqual({ minuteOfDay: 0, day: 1 });
  });

  it('keeps counting days: 09:30 + T+72:00 is 09:30, three days on', () => {
    expect(localTimeAt('2026-11-21T09:30+08:00', 72 * HOUR)).toEqual({ minuteOfDay: 570, day: 3 });
    expect(localClockText('zh', { minuteOfDay: 570, day: 3 })).toBe('当地 09:30（+3 天）');
  });

  it('gives nothing for an origin time it cannot read', () => {
    expect(localTimeAt('tomorrow morning', 0)).toBeUndefined();
    expect(scenarioLocalClock('zh', at('tomorrow morning'), 0)).toBe('');
  });

  it('shows the dawn while it is dark, from the scenario’s darkness (dusk 18:40, dawn 07:20)', () => {
    const night = at('2026-07-10T22:30+08:00', NIGHT);
    expect(scenarioLocalClock('zh', night, 4 * HOUR + 35 * MIN)).toBe('当地 03:05（+1 天） · 天亮 07:20');
    expect(scenarioLocalClock('en', night, 0)).toBe('local 22:30 · dawn 07:20');
    // 22:30 + 8 h 49 min = 07:19, still dark; + 8 h 50 min = 07:20, light: no dawn to wait for.
    expect(scenarioLocalClock('zh', night, 8 * HOUR + 49 * MIN)).toBe('当地 07:19（+1 天） · 天亮 07:20');
    expect(scenarioLocalClock('zh', night, 8 * HOUR + 50 * MIN)).toBe('当地 07:20（+1 天）');
    // 22:30 + 20 h 10 min = 18:40 the next day: dark again from dusk.
    expect(scenarioLocalClock('zh', night, 20 * HOUR + 10 * MIN)).toBe('当地 18:40（+1 天） · 天亮 07:20');
  });

  it('says nothing of dawn without conditions (the dark slows no team then)', () => {
    expect(scenarioLocalClock('zh', at('2026-07-10T22:30+08:00'), 0)).toBe('当地 22:30');
  });

  it('the clock bar shows it beside T+', () => {
    const s = at('2026-07-10T22:30+08:00', NIGHT);
    const ex = createExercise({ scenario: s, seed: 1 });
    const el = document.createElement('div');
    render(clockBar('zh', ex.model, ex.world, 1), el);
    expect(el.querySelector('.clock-scenario dd')!.textContent!.replace(/\s+/g, ' ')).toBe('T+0:00 · 当地 22:30 · 天亮 07:20');
  });
});
