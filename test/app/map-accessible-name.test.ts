// The map canvas has a real accessible name: what a sighted user takes in at a glance, and where to
// read it item by item (the list view beside the map).
import { describe, expect, it } from 'vitest';
import { describeMap } from '../../src/app/map/describe.ts';
import type { MapViewModel } from '../../src/app/map/view-model.ts';

const vm = (over: Partial<MapViewModel>) => ({ lang: 'zh', incidents: [], teams: [], scenarioMs: 0, ...over }) as unknown as MapViewModel;

describe('the map’s accessible name', () => {
  it('says the time, the incidents (how many out of control) and the teams moving or working', () => {
    const name = describeMap(vm({ scenarioMs: 38 * 60_000, incidents: [{ status: 'reported' }, { status: 'escalating' }, { status: 'contained' }] as never, teams: [{ teams: ['a#1', 'a#2'] }, { teams: ['b#1'] }] as never }));
    expect(name).toBe('态势图：情景时间 T+0:38，3 处灾情（2 处未控制），3 支救援力量在途或到场。用“列表视图”可逐条查看。');
  });

  it('in English too', () => {
    expect(describeMap(vm({ lang: 'en' }))).toBe('Situation map: scenario time T+0:00, 0 incident(s) (0 not under control), 0 team(s) on their way or on scene. The list view lists them one by one.');
  });
});
