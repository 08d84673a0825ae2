import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/review/csv.ts';
import { parseLog, writeLog } from '../../src/review/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { HAICHENG, MINIMAL, ROOT, quakeDrill, tempDir } from './helpers.ts';

const { dir } = tempDir();
const log = join(dir, 'random-7.jsonl');
type Result = Awaited<ReturnType<typeof quakeDrill>>;

describe('quake-drill report', () => {
  let live: Result;
  let json: Result;
  let md: Result;
  let csv: Result;

  beforeAll(async () => {
    live = await quakeDrill(['run', HAICHENG, '--seed', '7', '--policy', 'random', '--json', '--out', log]);
    [json, md, csv] = await Promise.all([
      quakeDrill(['report', log, '--format', 'json']),
      quakeDrill(['report', log]),
      quakeDrill(['report', log, '--format', 'csv']),
    ]);
  }, 60_000);

  it('--format json is the report, its scores the same numbers as run --json: overall, units, outcomes, state hash', () => {
    expect(live.code).toBe(0);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.format).toBe('quake-drill/report@1');
    const [a, b] = [JSON.parse(live.stdout), report.scores];
    expect(b.stateHash).toBe(a.stateHash);
    expect(b.overall).toBe(a.overall);
    expect(b.units).toEqual(a.units);
    expect(b.outcomes).toEqual(a.outcomes);
    expect({ ...b, policy: 'random' }).toEqual(a);
    expect(b.policy).toBeNull();
    // Who answered is read back from the log: each answer entry says which bot policy gave it.
    expect(b.decisions['d01-level'].answeredBy).toEqual({ kind: 'bot', policy: 'random' });
  });

  it('md is the 演练评估报告 (the default kind), its sections in order', () => {
    expect(md.code).toBe(0);
    const text = md.stdout;
    const headings = ['# 演练评估报告 — ', '## 一、演练目的', '## 二、时间地点', '## 三、参演单位和人员', '## 四、方案概要', '## 五、目标实现情况', '## 六、各单位表现', '## 七、评估表', '## 八、问题与原因', '## 九、预案', '## 十、经验教训', '## 十一、改进建议（纠正行动）', '## 十二、参演人员自评', '## 十三、讲评提纲', '## 十四、结果指标', '## 十五、评估记录（全部）', '## 十六、决策明细', '## 十七、驳回记录'];
    const at = headings.map((h) => text.indexOf(`${h}`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    const overall = JSON.parse(live.stdout).overall as number;
    expect(text).toContain(`**总体得分 ${overall.toFixed(1)}（`);
    // Every seat was played by the random bot: bot answers do not count towards a seat's score and
    // are shown beside it — the HQ's six decisions (its owner in the scenario file) under 机器人代答.
    const scenario = loadScenario(readFileSync(join(ROOT, HAICHENG), 'utf8'), HAICHENG);
    if (!scenario.ok) throw new Error('the default scenario does not load');
    const hqDecisions = scenario.scenario.decisions.filter((x) => x.owner === 'anshan-hq').length;
    expect(text).toMatch(/^\| 席位 \| 单位 \| 得分 \| 评定 \| 决策数 \| 机器人代答 \|$/m);
    expect(text).toMatch(new RegExp(`^\\| anshan-hq \\| 鞍山市抗震救灾指挥部 \\| — \\| — \\| 0 \\| \\d+\\.\\d \\(${hqDecisions}\\) \\|$`, 'm'));
    // Decisions by their prompt, owners and capabilities by their names: the ids stay in the JSON and CSV.
    expect(text).toMatch(/^### 根据震情速报、烈度速报和首报灾情，指挥部决定启动哪一级地震应急响应？$/m);
    expect(text).toMatch(/^决策单位 鞍山市抗震救灾指挥部 · 能力 指挥协调 · 预案 .* · 作答 机器人（random） · 得分 \d+\.\d/m);
    expect(text).toMatch(/^- answered by log entry #\d+ \(bot \(random\) for anshan-hq\)/m);
    expect(text).toMatch(/，基于 \d+ 项决策，\d+ 项由机器人作答。/);
    expect(text).toMatch(/^- rubric line \d+: [+-]\d+ chose /m);
    // No review file beside this log: the improvement plan is the report's suggestion, and says so.
    expect(text).toContain('评估组尚未填写纠正行动');
  });

  it('csv has one row per decision under a header of columns', () => {
    expect(csv.code).toBe(0);
    // The byte-order mark makes Excel read the Chinese as UTF-8.
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = csv.stdout.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    // The columns evaluators' sheets already use keep their places; who answered and 暂定 come last.
    expect(CSV_COLUMNS).toEqual([
      'decision', 'owner', 'owner_name', 'capability', 'kind', 'status', 'answered_seq', 'answer',
      'opened', 'answered', 'target', 'deadline', 'correctness', 'timeliness', 'consequence', 'total',
      'rating', 'rating_zh', 'rubric_points', 'rubric_max', 'consequence_method', 'plan_clause', 'prompt_zh', 'prompt_en',
      'answered_by', 'provisional',
    ]);
    // The random bot answered every decision (each answer in the log carries bot: random).
    for (const r of rows.slice(1)) expect(r.split(',').at(-2)).toBe('bot:random');
    const decisions = Object.keys(JSON.parse(live.stdout).decisions);
    expect(rows).toHaveLength(decisions.length + 1);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(decisions);
    const d01 = JSON.parse(live.stdout).decisions['d01-level'];
    expect(rows[1]).toContain(`,${d01.correctness},${d01.timeliness},${d01.consequence},${d01.total},${d01.rating},${d01.ratingZh},`);
  });

  it('finds the scenario beside the log when the path in the header does not resolve from here', async () => {
    const away = tempDir();
    copyFileSync(join(ROOT, MINIMAL), join(away.dir, 'minimal.yaml'));
    const recorded = join(away.dir, 'drill.jsonl');
    const r = await quakeDrill(['run', 'minimal.yaml', '--seed', '3', '--json', '--out', recorded], away.dir);
    expect(r.code).toBe(0);
    const again = await quakeDrill(['report', recorded, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).scores.stateHash).toBe(JSON.parse(r.stdout).stateHash);
  }, 120_000); // runs the real command in another folder (helpers.ts): maybe a build of the bundle first

  it('lists refused commands under 驳回记录', async () => {
    const parsed = parseLog(readFileSync(log, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const last = parsed.log.at(-1)!;
    const extra = { seq: last.seq + 1, t: last.t, actor: 'fire-rescue', event: { type: 'set-level', level: 'I' } } as const;
    const edited = join(dir, 'refused.jsonl');
    // Sealed as a live drill would record it: a seat's refused command is part of the record.
    writeFileSync(edited, writeLog(parsed.header, [...parsed.log, extra]));
    const r = await quakeDrill(['report', edited]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^\\| ${extra.seq} \\| \\d+:\\d\\d \\| fire-rescue \\| set-level \\| .+ \\|$`, 'm'));
  }, 30_000);
});
