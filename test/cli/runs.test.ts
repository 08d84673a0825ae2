import { beforeAll, describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.ts';
import { distribution, percentile } from '../../src/review/spread.ts';
import { HAICHENG, MINIMAL, quakeDrill } from './helpers.ts';

describe('quake-drill run --runs N', () => {
  let text: Awaited<ReturnType<typeof quakeDrill>>;
  let json: Awaited<ReturnType<typeof quakeDrill>>;
  let some: Awaited<ReturnType<typeof quakeDrill>>;

  beforeAll(async () => {
    [text, json, some] = await Promise.all([
      quakeDrill(['run', HAICHENG, '--runs', '3']),
      quakeDrill(['run', HAICHENG, '--runs', '3', '--json', '--seed', '10']),
      quakeDrill(['run', MINIMAL, '--runs', '2', '--policy', 'plan', '--policy', 'idle']),
    ]);
  }, 60_000);

  it('prints p5 / p50 / p95 of the overall score for each of the five policies, longest with its own check', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/3 runs per policy, seeds 1–3/);
    expect(text.stdout).toMatch(/策略 Policy +p5 +p50 +p95 +mean +min +max/);
    for (const p of ['plan', 'late', 'random', 'idle', 'longest']) expect(text.stdout).toMatch(new RegExp(`^ {2}${p} +(\\d+\\.\\d +){5}\\d+\\.\\d$`, 'm'));
    expect(text.stdout).toMatch(/plan > late > random > idle: holds for 3 of 3 seeds; at p50: holds/);
    // The default scenario's 中 threshold is 50 (scoring.ratings.M).
    expect(text.stdout).toMatch(/^选最长 longest < 中 50 at p50: (holds|FAILS) \(p50 \d+\.\d\)$/m);
    expect(text.stdout).toMatch(/^随机 random < 中 50 at p50: (holds|FAILS) \(p50 \d+\.\d\)$/m);
  });

  it('--json gives the distributions as JSON, seeds counted from --seed', () => {
    const j = JSON.parse(json.stdout);
    expect(j).toMatchObject({ scenario: HAICHENG, runs: 3, seeds: { from: 10, to: 12 }, ordering: { holds: 3, of: 3, atP50: true } });
    expect(Object.keys(j.policies)).toEqual(['plan', 'late', 'random', 'idle', 'longest']);
    expect(j.ordering.order).toEqual(['plan', 'late', 'random', 'idle']);
    expect(j.gaming).toEqual({
      below: 50,
      longest: { p50: j.policies.longest.p50, holds: j.policies.longest.p50 < 50 },
      random: { p50: j.policies.random.p50, holds: j.policies.random.p50 < 50 },
    });
    for (const d of Object.values(j.policies) as { p5: number; p50: number; p95: number; overall: number[] }[]) {
      expect(d.overall).toHaveLength(3);
      expect(d.p5).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p95);
    }
  });

  it('--policy may be repeated; only those policies are played', () => {
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/^ {2}plan /m);
    expect(some.stdout).toMatch(/^ {2}idle /m);
    expect(some.stdout).not.toMatch(/^ {2}late /m);
    expect(some.stdout).not.toMatch(/Ordering/);
  });

  it('percentiles interpolate between ranks; the bar shows progress', () => {
    expect(percentile([10, 20, 30, 40, 50], 50)).toBe(30);
    expect(percentile([10, 20, 30, 40, 50], 5)).toBe(12);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBe(48);
    expect(distribution([3, 1, 2])).toMatchObject({ p50: 2, min: 1, max: 3, mean: 2, overall: [3, 1, 2] });
    expect(progressBar(12, 48, 8)).toBe('\r[##      ] 12/48');
  });

  it('on every shipped scenario over 50 seeds: plan > late > random > idle at p50, and longest and random below 中', async () => {
    const runs = await Promise.all([HAICHENG, MINIMAL].map((file) => quakeDrill(['run', file, '--runs', '50', '--json'])));
    for (const [i, r] of runs.entries()) {
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.ordering.atP50, [HAICHENG, MINIMAL][i]).toBe(true);
      expect(j.gaming, [HAICHENG, MINIMAL][i]).toMatchObject({ longest: { holds: true }, random: { holds: true } });
    }
    // The default scenario is big enough to order every seed, not just the medians.
    expect(JSON.parse(runs[0]!.stdout).ordering).toMatchObject({ holds: 50, of: 50 });
  }, 120_000);
});
