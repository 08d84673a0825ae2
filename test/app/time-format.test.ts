// One formatter for T+ times across the app and the reports, and times that say what they are: a
// duration in words (目标用时 5 分钟), a moment as drill time or T+.
import { describe, expect, it } from 'vitest';
import { drillLength, drillTime, scenarioTime } from '../../src/app/format.ts';
import * as scoring from '../../src/scoring/format.ts';
import { t } from '../../src/app/i18n.ts';

const MIN = 60_000;

describe('times', () => {
  it('the app writes T+ with the reports’ own formatter', () => {
    expect(scenarioTime).toBe(scoring.scenarioTime);
    expect(drillTime).toBe(scoring.drillTime);
    expect(scenarioTime(38 * MIN)).toBe('T+0:38');
    expect(scenarioTime(26 * 60 * MIN + 5 * MIN)).toBe('T+26:05');
  });

  it('a moment of drill time is said as one', () => {
    expect(t('zh', 'working.timesExpired', { deadline: drillTime(38 * MIN) })).toBe('截止 演练时间 38:00 前未作答。');
  });

  it('a duration is said in words', () => {
    expect(t('zh', 'working.timesAnswered', { took: drillLength('zh', 21_000), target: drillLength('zh', 5 * MIN), deadline: drillTime(13 * MIN) })).toBe(
      '开启后 21 秒 作答；目标用时 5 分钟；截止 演练时间 13:00。',
    );
    expect(drillLength('zh', 6 * MIN)).toBe('6 分钟');
  });
});
