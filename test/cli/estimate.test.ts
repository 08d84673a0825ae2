// `quake-drill estimate`: the loss table a facilitator gets from the command line (SCIENCE.md §7.2).
// Once through the command's main(), the rest through the functions it calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { estimate, estimateJson, estimateText } from '../../src/cli/estimate.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { HAICHENG, ROOT, quakeDrill, tempDir } from './helpers.ts';

const text = readFileSync(join(ROOT, HAICHENG), 'utf8');
const load = (t = text): Scenario => {
  const r = loadScenario(t, HAICHENG);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.scenario;
};

describe('quake-drill estimate (the command)', () => {
  let run: Awaited<ReturnType<typeof quakeDrill>>;
  beforeAll(async () => {
    run = await quakeDrill(['estimate', HAICHENG, '--json']);
  }, 60_000);

  it('--json gives total deaths in SCIENCE.md §7.1’s 5–30 for the default scenario at 09:30, and Level III by the death bands', () => {
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.total.deaths).toBeGreaterThanOrEqual(5);
    expect(j.total.deaths).toBeLessThanOrEqual(30);
    expect(j.occupancy).toBe(0.6);
    expect(j.level).toEqual({ level: 'III', by: 'deaths' });
    // the +1σ field beside the median: ≈ 71 (SCIENCE.md §7.2)
    expect(j.beside.sigmas).toBe(1);
    expect(Math.abs(j.beside.total.deaths / 71 - 1)).toBeLessThan(0.03);
    const pailou = j.settlements.find((s: { id: string }) => s.id === 'pailou');
    expect(pailou).toMatchObject({ degree: 'VI', pagerBin: 'VII' });
    expect(j.degreeConvention).toMatch(/floor\(I\)/);
  });
});

describe('quake-drill estimate (its functions)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the same file with its origin at 02:30 gives more deaths (0.95 indoors: ≈ 23)', () => {
    const night = load(text.replace('originTime: "2026-11-21T09:30+08:00"', 'originTime: "2026-11-21T02:30+08:00"'));
    expect(night.earthquake.originTime).toBe('2026-11-21T02:30+08:00');
    const day = estimateJson(HAICHENG, load());
    const late = estimateJson(HAICHENG, night);
    expect(late.total.deaths).toBeGreaterThan(day.total.deaths);
    expect(Math.abs(late.total.deaths / 23 - 1)).toBeLessThan(0.05);
  });

  it('prints per place the intensity, the degree by its stated convention, deaths, serious, minor, trapped and PAGER, and the totals', () => {
    const out = estimateText(HAICHENG, load(), 0, 'zh');
    const lines = out.split('\n');
    expect(out).toContain('I 向下取整');
    const chagou = lines.find((l) => l.startsWith('岔沟镇'))!;
    // 岔沟 7.39 VII / VII, 26,000 people, 6.6 deaths, 29.9 serious (4.5×), 63.8 minor (9.6×), 46.2 trapped, PAGER 1.3 — as whole people
    expect(chagou.split(/\s+/)).toEqual(['岔沟镇≈', '7.39', 'VII', 'VII', '26,000', '7', '30', '64', '46', '1']);
    expect(lines.find((l) => l.startsWith('牌楼镇'))!.split(/\s+/).slice(1, 4)).toEqual(['6.95', 'VI', 'VII']);
    expect(lines.find((l) => l.startsWith('合计'))!.split(/\s+/).slice(1, 3)).toEqual(['2,869,000', '15']);
    expect(out).toMatch(/\+1σ场：死亡 71，/);
  });

  it('--sigma 1 prints the +1σ field, with the median beside it (in English by default)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await estimate([join(ROOT, HAICHENG), '--sigma', '1'])).toBe(0);
    const out = String(log.mock.calls[0]![0]);
    expect(out).toContain('floor(I)');
    expect(out).toContain('+1σ (offset 0.5826)');
    expect(out).toMatch(/median field beside: deaths 15,/);
    expect(out).toContain('Level II');
  });

  it('refuses a bad --sigma or a missing file with a clear line', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await estimate([HAICHENG, '--sigma', 'lots'])).toBe(2);
    expect(String(err.mock.calls[0]![0])).toContain("--sigma takes a number from −3 to 3 (e.g. 1 for the +1σ field), not 'lots'");
    expect(await estimate([HAICHENG, '--sigma', 'Infinity'])).toBe(2);
    expect(await estimate([])).toBe(2);
    const missing = join(tempDir().dir, 'nope.yaml');
    expect(await estimate([missing])).toBe(1);
    expect(String(err.mock.calls.at(-1)![0])).toContain(`${missing}:1:1`);
  });
});
