// `quake-drill compare`: two recorded drills of the default scenario, whose deltas are checked against
// each run's own `run --json` numbers (a − b worked out here, not by compare.ts); a pair of scenarios
// and a broken record are refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAICHENG, MINIMAL, quakeDrill, tempDir } from './helpers.ts';

const { dir } = tempDir();
const planLog = join(dir, 'plan-1.jsonl');
const lateLog = join(dir, 'late-2.jsonl');
const minimalLog = join(dir, 'minimal-1.jsonl');
type Result = Awaited<ReturnType<typeof quakeDrill>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed CLI output

/** a − b as the comparison rounds it (one decimal). */
const minus = (a: number | null, b: number | null, digits = 1) => (a === null || b === null ? null : Math.round((a - b) * 10 ** digits) / 10 ** digits);

describe('quake-drill compare', () => {
  let plan: Json;
  let late: Json;
  let json: Result;
  let c: Json;

  beforeAll(async () => {
    const runs = await Promise.all([
      quakeDrill(['run', HAICHENG, '--seed', '1', '--policy', 'plan', '--json', '--out', planLog]),
      quakeDrill(['run', HAICHENG, '--seed', '2', '--policy', 'late', '--json', '--out', lateLog]),
      quakeDrill(['run', MINIMAL, '--seed', '1', '--out', minimalLog]),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    [plan, late] = [JSON.parse(runs[0].stdout), JSON.parse(runs[1].stdout)];
    json = await quakeDrill(['compare', planLog, lateLog, '--format', 'json']);
    c = JSON.parse(json.stdout);
  }, 60_000);

  it('gives the overall, unit and capability deltas of the two runs', () => {
    expect(json.code).toBe(0);
    expect(c.a).toMatchObject({ label: 'plan-1.jsonl', seed: 1, trust: 'verified', entries: plan.events });
    expect(c.b).toMatchObject({ label: 'late-2.jsonl', seed: 2, trust: 'verified', entries: late.events });
    expect(c.overall.score).toEqual({ a: plan.overall, b: late.overall, delta: minus(plan.overall, late.overall) });
    expect(c.overall.rating).toEqual({ a: plan.rating, b: late.rating });
    // A unit's score is each run's own (bot answers left out, as in the debrief); bots answered every
    // decision here, so it is null in both and what the bots scored stands beside it.
    for (const row of c.units) {
      const [x, y] = [plan.units[row.id], late.units[row.id]];
      expect(row.score, row.id).toEqual({ a: x.score, b: y.score, delta: minus(x.score, y.score) });
      expect(row.score.a, row.id).toBeNull();
      expect(row.bots, row.id).toEqual({ a: x.bots.score, b: y.bots.score, delta: minus(x.bots.score, y.bots.score), decisions: { a: x.bots.decisions, b: y.bots.decisions } });
    }
    expect(c.units).toHaveLength(Object.keys(plan.units).length);
    // Named as the debrief names a unit: by its short name (鞍山市地震局 → 市地震局).
    expect(plan.units['quake-bureau'].name.zh).toBe('鞍山市地震局');
    expect(c.units.find((u: Json) => u.id === 'quake-bureau').name).toEqual({ zh: '市地震局', en: 'Quake bureau' });
    for (const row of c.capabilities) {
      const [x, y] = [plan.capabilities[row.id].score, late.capabilities[row.id].score];
      expect(row.score, row.id).toEqual({ a: x, b: y, delta: minus(x, y) });
    }
  });

  it('gives each decision in both runs: the answer, when, the score and its delta', () => {
    expect(c.decisions).toHaveLength(Object.keys(plan.decisions).length);
    for (const row of c.decisions) {
      const [x, y] = [plan.decisions[row.id], late.decisions[row.id]];
      expect(row.a, row.id).toMatchObject({ status: x.status, answeredClock: x.times.answeredClock, total: x.total, answeredBy: 'bot:plan' });
      expect(row.b, row.id).toMatchObject({ status: y.status, answeredClock: y.times.answeredClock, total: y.total, answeredBy: 'bot:late' });
      expect(row.delta, row.id).toBe(minus(x.total, y.total));
    }
    // d01 opens 1 min after inject i02 (n1 + 2 min), at drill 3:00; the plan bot answers 20 s later, at
    // 3:20, which n1 (30 scenario min over 20 drill min) maps to 3:20 × 1.5 = T+0:05.
    const d01 = c.decisions.find((d: Json) => d.id === 'd01-level');
    expect(d01.a).toMatchObject({ answeredClock: 200_000, answeredScenarioMs: 300_000 });
  });

  it('gives the outcome deltas: rescued alive, hospital-hours, shelter, first rescue team per settlement', () => {
    const [x, y] = [plan.outcomes, late.outcomes];
    expect(c.outcomes.trapped).toEqual({ a: x.trapped, b: y.trapped, delta: x.trapped - y.trapped });
    expect(c.outcomes.rescuedAlive).toEqual({ a: x.rescuedAlive, b: y.rescuedAlive, delta: minus(x.rescuedAlive, y.rescuedAlive) });
    expect(c.outcomes.hoursWithout).toEqual([{ label: x.hoursWithout[0].label, figure: { a: x.hoursWithout[0].hours, b: y.hoursWithout[0].hours, delta: minus(x.hoursWithout[0].hours, y.hoursWithout[0].hours, 2) } }]);
    expect(c.outcomes.shelterOpened).toEqual({ a: x.shelter.opened, b: y.shelter.opened, delta: x.shelter.opened - y.shelter.opened });
    expect(c.outcomes.firstRescue).toHaveLength(x.firstRescue.length);
    for (const r of x.firstRescue) {
      const other = y.firstRescue.find((s: Json) => s.settlement === r.settlement);
      const row = c.outcomes.firstRescue.find((s: Json) => s.settlement === r.settlement);
      expect(row.firstTeamMs, r.settlement).toEqual({ a: r.firstTeamMs, b: other.firstTeamMs, delta: r.firstTeamMs - other.firstTeamMs });
    }
    // Both were played to the end: the aligned series ends at T+168:00 with each run's final figures.
    expect(c.series.at(-1)).toMatchObject({ scenarioMs: 168 * 3_600_000, a: { rescuedAlive: x.rescuedAlive }, b: { rescuedAlive: y.rescuedAlive } });
    expect(c.branching).toBeNull();
  });

  it('prints Markdown in the language asked for, with the headlines', async () => {
    const [zh, en] = await Promise.all([quakeDrill(['compare', planLog, lateLog, '--lang', 'zh']), quakeDrill(['compare', planLog, lateLog, '--lang', 'en'])]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('# 推演对比');
    expect(zh.stdout).toContain('## 主要差异');
    // The plan bots reach 析木 at T+2:28, the late ones at T+3:09 (each run's firstRescue): 41 minutes.
    const ximu = (o: Json) => o.firstRescue.find((r: Json) => r.settlement === 'ximu').at;
    expect([ximu(plan.outcomes), ximu(late.outcomes)]).toEqual(['T+2:28', 'T+3:09']);
    expect(zh.stdout).toContain('「plan-1.jsonl」首支救援队到达析木镇早 41 分钟（T+2:28，对 T+3:09）');
    expect(en.stdout).toContain('plan-1.jsonl reached Ximu town 41 minutes earlier (T+2:28 against T+3:09)');
    expect(en.stdout).toContain(`| Score | ${plan.overall.toFixed(1)} | ${late.overall.toFixed(1)} | +${minus(plan.overall, late.overall)!.toFixed(1)} |`);
    // Ratings in the Chinese comparison are 优良中差 (each run's own ratingZh), the English one puts HSEEP's letter beside.
    expect(zh.stdout).toContain(`| 评级 | ${plan.ratingZh} | ${late.ratingZh} | |`);
    expect(en.stdout).toContain(`| Rating | ${plan.rating} ${plan.ratingZh} | ${late.rating} ${late.ratingZh} | |`);
    // A unit: no score of its own in either run, the bots' score and count beside (each run's units[].bots).
    const [x, y] = [plan.units['quake-bureau'].bots, late.units['quake-bureau'].bots];
    expect(zh.stdout).toContain('| | plan-1.jsonl | late-2.jsonl | Δ | 机器人代答 plan-1.jsonl | 机器人代答 late-2.jsonl | Δ |');
    expect(zh.stdout).toContain(`| 市地震局 | — | — | — | ${x.score.toFixed(1)}（${x.decisions}） | ${y.score.toFixed(1)}（${y.decisions}） | +${minus(x.score, y.score)!.toFixed(1)} |`);
    expect(en.stdout).toContain(`| Quake bureau | — | — | — | ${x.score.toFixed(1)} (${x.decisions}) | ${y.score.toFixed(1)} (${y.decisions}) | +${minus(x.score, y.score)!.toFixed(1)} |`);
  });

  it('refuses two drills of different scenarios, naming both', async () => {
    const r = await quakeDrill(['compare', planLog, minimalLog, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("plan-1.jsonl and minimal-1.jsonl were played on 'haicheng-m5-8' and 'minimal-example': only drills of one scenario compare");
  });

  it('refuses a broken record unless --untrusted, and marks it untrusted then', async () => {
    // One answer edited after the fact: its line no longer matches its hash.
    const lines = readFileSync(lateLog, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"d01-level"'));
    lines[at] = lines[at]!.replace(/"t":(\d+)/, (_, t: string) => `"t":${Number(t) + 1}`);
    const edited = join(dir, 'late-2-edited.jsonl');
    writeFileSync(edited, lines.join('\n'));
    const refused = await quakeDrill(['compare', planLog, edited, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`late-2-edited.jsonl:${at + 1}:1:`);
    expect(refused.stderr).toContain('--untrusted');
    const opened = await quakeDrill(['compare', planLog, edited, '--format', 'json', '--untrusted']);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout).b.trust).toBe('broken');
  });

  it('says how to use it when given one log', async () => {
    const r = await quakeDrill(['compare', planLog]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give two drill logs, not 1');
  });
});
