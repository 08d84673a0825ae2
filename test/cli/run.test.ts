import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAICHENG, MINIMAL, quakeDrill, tempDir } from './helpers.ts';

const { dir, file } = tempDir();

describe('quake-drill run', () => {
  let first: Awaited<ReturnType<typeof quakeDrill>>;
  let second: Awaited<ReturnType<typeof quakeDrill>>;
  let summary: Awaited<ReturnType<typeof quakeDrill>>;
  const out = join(dir, 'drill.jsonl');

  beforeAll(async () => {
    [first, second, summary] = await Promise.all([
      quakeDrill(['run', HAICHENG, '--seed', '7', '--json']),
      quakeDrill(['run', HAICHENG, '--seed', '7', '--json', '--out', out]),
      quakeDrill(['run', HAICHENG, '--seed', '7', '--policy', 'late']),
    ]);
  }, 60_000);

  it('--json prints one JSON object with the scores, the outcomes, the events and the state hash', () => {
    expect(first.code).toBe(0);
    const j = JSON.parse(first.stdout);
    expect(j).toMatchObject({ scenario: HAICHENG, scenarioId: 'haicheng-m5-8', seed: 7, policy: 'plan' });
    expect(j.overall).toBeGreaterThanOrEqual(0);
    expect(j.overall).toBeLessThanOrEqual(100);
    expect(j.events).toBeGreaterThan(0);
    expect(j.stateHash).toMatch(/^[0-9a-f]{16}$/);
    for (const key of ['units', 'groups', 'counties', 'capabilities', 'decisions', 'outcomes']) expect(j).toHaveProperty(key);
    // Every seat was a bot: no person is rated, and what the bots scored stands beside.
    expect(j.units['anshan-hq']).toMatchObject({ score: null, applicable: 0 });
    expect(j.units['anshan-hq'].bots.score).toBeGreaterThan(0);
    expect(j.outcomes.decisions.total).toBe(Object.keys(j.decisions).length);
  });

  it('the same seed gives the same drill: the same state hash and the same scores', () => {
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(b.stateHash).toBe(a.stateHash);
    expect(b).toEqual(a);
  });

  it('--out writes the log: a header line, then one entry per line', () => {
    expect(second.stderr).toMatch(/wrote .*drill\.jsonl \(\d+ entries\)/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    // The drill id is the scenario's and the seed's, and there is no wall time: the same seed writes the same file.
    expect(lines[0]).toEqual({ format: 'quake-drill/log@2', scenario: HAICHENG, scenarioId: 'haicheng-m5-8', scenarioVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/), scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/), seed: 7, drill: 'haicheng-m5-8-seed-7', until: 120 * 60_000, hash: expect.stringMatching(/^[0-9a-f]{64}$/), final: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.length - 1).toBe(JSON.parse(second.stdout).events);
    expect(lines[1]).toEqual({ seq: 1, t: 0, actor: 'facilitator', event: { type: 'start' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The drill ends itself at the end of the last node (20+25+35+25+15 = 120 drill minutes, the header's until): no 'end' entry is needed.
    expect(lines.some((l) => l.event?.type === 'end')).toBe(false);
  });

  it('prints a readable summary: overall score and rating, score per unit, outcomes — Chinese with English', () => {
    expect(summary.code).toBe(0);
    const text = summary.stdout;
    expect(text).toMatch(/^总分 Overall: \d+\.\d \([PSMU] [优良中差]\) — 基于 38 项决策，38 项由机器人作答 \/ based on 38 decisions, 38 answered by bots$/m);
    expect(text).toContain('策略 Policy late');
    expect(text).toContain('各单位得分 / Score per unit:');
    // The late bot answered for everyone: the HQ's own rating is empty, the bots' score stands beside it.
    expect(text).toMatch(/^ {2}anshan-hq +鞍山市抗震救灾指挥部 +— {2}— {2}0 decisions {2}机器人 bots \d+\.\d \(6\)$/m);
    expect(text).toContain('结果指标 / Outcomes:');
    for (const label of ['被困人员 / Trapped', '启动响应 / Response level', '医院断电（医院·小时） / Hospital-hours without power', '避难场所 / Shelter places opened / needed', '驳回 / Rejections']) expect(text).toContain(label);
  });

  it('a bad scenario gives positioned problems and exit 1', async () => {
    const bad = file('bad.yaml', readFileSync(MINIMAL, 'utf8').replace('owner: fire-rescue', 'owner: fire-brigade'));
    const r = await quakeDrill(['run', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${bad}:\\d+:\\d+: unknown unit or working group or county HQ or HQ 'fire-brigade'\\n  hint: did you mean 'fire-rescue'\\?`));
    expect(r.stdout).toBe('');
    const missing = await quakeDrill(['run', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml:1:1: cannot read the file: ENOENT/);
  });

  it('wrong usage exits 2 with the usage', async () => {
    const results = await Promise.all([
      quakeDrill(['run']),
      quakeDrill(['run', MINIMAL, '--policy', 'lazy']),
      quakeDrill(['run', MINIMAL, '--seed', 'x']),
      quakeDrill(['run', MINIMAL, '--policy', 'plan,late']),
      quakeDrill(['run', MINIMAL, '--frobnicate']),
    ]);
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: quake-drill run <scenario>/);
    }
    expect(results[1]!.stderr).toMatch(/unknown policy 'lazy'/);
    expect(results[2]!.stderr).toMatch(/--seed takes a whole number/);
  }, 30_000);

  it('is listed in the usage text, with report', async () => {
    const r = await quakeDrill(['--help']);
    expect(r.stdout).toMatch(/^ {2}run <scenario> \[--seed N\]/m);
    expect(r.stdout).toMatch(/^ {2}report <drill\.jsonl> \[--format html\|md\|json\|csv\|pdf\]/m);
  });
});
