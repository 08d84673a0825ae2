// How times, places and durations are written on screen.
import { describe, expect, it } from 'vitest';
import { drillLength, latLon, originTime, scenarioTime, signed } from '../../src/app/format.ts';

const MIN = 60_000;

describe('formatting', () => {
  it('writes scenario time as T+h:mm, with hours past a day', () => {
    expect(scenarioTime(0)).toBe('T+0:00');
    expect(scenarioTime(30 * MIN)).toBe('T+0:30');
    expect(scenarioTime(150 * MIN)).toBe('T+2:30');
    expect(scenarioTime(72 * 60 * MIN)).toBe('T+72:00');
    expect(scenarioTime(7 * 24 * 60 * MIN)).toBe('T+168:00');
  });

  it('writes drill lengths in words', () => {
    expect(drillLength('zh', 15 * MIN)).toBe('15 分钟');
    expect(drillLength('en', 90 * MIN)).toBe('1 h 30 min');
    expect(drillLength('zh', 0)).toBe('0 分钟');
    expect(drillLength('en', 45_000)).toBe('45 s');
  });

  it('keeps the origin time in the epicentre’s local time, whatever the computer’s zone', () => {
    expect(originTime('zh', '2026-11-21T09:30+08:00')).toBe('2026-11-21 09:30（UTC+08:00）');
    expect(originTime('en', '2026-11-21T09:30:15+08:00')).toBe('2026-11-21 09:30:15 (UTC+08:00)');
  });

  it('writes points with their hemispheres', () => {
    expect(latLon('zh', 40.683, 122.833)).toBe('北纬 40.683°，东经 122.833°');
    expect(latLon('en', -33.9, -70.65)).toBe('33.900° S, 70.650° W');
  });

  it('signs offsets', () => {
    expect(signed(0.5)).toBe('+0.5');
    expect(signed(-1)).toBe('-1');
  });
});
