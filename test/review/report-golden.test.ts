// The reports are a pure function of scenario, log and review record: golden files for one fixed drill.
// The fixture: `quake-drill run scenarios/haicheng-m5.8.yaml --seed 7 --policy late --out
// test/fixtures/drills/haicheng-seed-7-late.jsonl`, and its review file written by hand beside it
// (two notes — one published strength, one private improvement with a rating override —, a finding,
// the HQ's self-assessment and a form rating). Regenerate the goldens with `npx vitest run -u` after a
// deliberate change, and read the diff.
//
// Checked by hand against `run --seed 7 --policy late --json` and the scenario (weights 0.5/0.2/0.3,
// ratings P 85 / S 70 / M 50):
// - overall 76.4 (良) on 38 decisions, all answered by the late bot; trapped 53, rescued alive 48.9;
// - d01-level: opened 03:00, answered 12:50, target 5:00, deadline 13:00 → timeliness
//   1 − (9:50 − 5:00) / (10:00 − 5:00) = 0.0333; total 100 × (0.5·1 + 0.2·0.0333 + 0.3·0.6667) = 70.7 (良);
// - 搜索救援's form: d09 (timeliness 1 − 5:50/6:00 = 0.0278), d20 (0.0333), d26 (0.0417) → 响应时效
//   100 × 0.1028 / 3 = 3.4 (差); 预案符合性 and 措施完整性 100 (every answer is the plan's); 协同性 100,
//   overridden to 优 by the form rating; 信息报送 from d20 and d26 (their expected options notify):
//   100 × ((1 + 0.0333)/2 + (1 + 0.0417)/2) / 2 = 51.9 (中); the form's score is the capability's roll-up, the
//   mean of the three totals d09 78.8, d20 76.3, d26 80.8: 235.9 / 3 = 78.6 (良), as in 五、目标实现情况;
// - the final hash is the log header's `final`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_RECORD, foldReview, parseLog, parseReview, type ReviewRecord } from '../../src/review/index.ts';
import { buildReport, reportHtml, reportJson, reportMarkdown, type ReportInput, type ReportModel } from '../../src/review/report/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { HAICHENG, ROOT, quakeDrill, tempDir } from '../cli/helpers.ts';

const LOG = 'test/fixtures/drills/haicheng-seed-7-late.jsonl';
const REVIEW = 'test/fixtures/drills/haicheng-seed-7-late.review.jsonl';
const FINAL = 'c0b3f7ae5655cec812944ccb4251d6ee01697bd504916433d70f3e6786dd6707';

function input(): ReportInput {
  const parsed = parseLog(readFileSync(join(ROOT, LOG), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const review = parseReview(readFileSync(join(ROOT, REVIEW), 'utf8'));
  if (!review.ok) throw new Error(review.problem.message);
  const scenario = loadScenario(readFileSync(join(ROOT, HAICHENG), 'utf8'), HAICHENG);
  if (!scenario.ok) throw new Error('the default scenario does not load');
  return { scenario: scenario.scenario, header: parsed.header, log: parsed.log, trust: parsed.trust, record: foldReview(review.entries), logFile: LOG };
}

describe('report golden files (haicheng seed 7, late bots, a hand-written review)', () => {
  let base: ReportInput;
  let model: ReportModel;
  beforeAll(() => {
    base = input();
    model = buildReport(base);
  }, 30_000);

  it('the record folds without refusals and the chain verifies', () => {
    expect(base.record.refusals).toEqual([]);
    expect(base.trust).toEqual({ kind: 'verified', final: FINAL });
  });

  it('md for the three kinds, the json and the evaluation html match the golden files', async () => {
    await expect(reportMarkdown(model, 'evaluation')).toMatchFileSnapshot('golden/evaluation.md');
    await expect(reportMarkdown(model, 'summary')).toMatchFileSnapshot('golden/summary.md');
    await expect(reportMarkdown(model, 'aar')).toMatchFileSnapshot('golden/aar.md');
    await expect(reportJson(model)).toMatchFileSnapshot('golden/report.json');
    await expect(reportHtml(model, 'evaluation')).toMatchFileSnapshot('golden/evaluation.html');
  });

  it('the numbers checked by hand', () => {
    expect(model.scores.overall).toBe(76.4);
    expect(model.scores.decisions['d01-level']!.timeliness).toBe(0.0333);
    expect(model.scores.decisions['d01-level']!.total).toBe(70.7);
    const sar = model.evaluators.forms.find((f) => f.capability === 'search-and-rescue')!;
    expect(sar.indicators.map((r) => [r.id, r.score, r.rating])).toEqual([
      ['timeliness', 3.4, 'U'], ['completeness', 100, 'P'], ['coordination', 100, 'P'], ['conformity', 100, 'P'], ['reporting', 51.9, 'M'],
    ]);
    expect(sar.indicators[2]!.override?.reason).toBe('救援力量分配与预案一致，跨单位协同顺畅');
    expect([sar.score, sar.verdict]).toEqual([78.6, 'S']);
    expect(sar.score).toBe(model.scores.capabilities['search-and-rescue']!.score);
    // Evidence points at the moments: the answers' entries and the note anchored at #13.
    expect(sar.indicators[0]!.evidence.map((e) => e.seq)).toEqual([13, 13, 22, 29]);
  });

  it('the evaluation report shows every note; the summary and the AAR only the published one', () => {
    const [evaluation, summary, aar] = (['evaluation', 'summary', 'aar'] as const).map((k) => reportMarkdown(model, k));
    const hidden = '指挥部在开启后近 13 分钟才确定响应级别';
    expect(evaluation).toContain(hidden);
    expect(summary).not.toContain(hidden);
    expect(aar).not.toContain(hidden);
    for (const text of [evaluation, summary, aar]) expect(text).toContain('救援组按预案将消防救援队和武警机动队派往岔沟倒塌现场');
  });

  it("the evaluators' verdict override is shown as 改评 with its reason in every report, the score unchanged", () => {
    const record: ReviewRecord = { ...base.record, formRatings: [...base.record.formRatings, { capability: 'search-and-rescue', indicator: 'verdict', rating: 'P', reason: '四个现场均按预案调派' }] };
    const m = buildReport({ ...base, record });
    expect(reportMarkdown(m, 'evaluation')).toContain('### 搜索救援 — 评定 优（改评） (78.6)');
    expect(reportMarkdown(m, 'evaluation')).toContain('综合评定改评为优（计算评定依得分 78.6），理由：四个现场均按预案调派');
    expect(reportMarkdown(m, 'summary')).toMatch(/\| 搜索救援 \| 优（改评：四个现场均按预案调派） \| 78\.6 \|/);
    expect(reportMarkdown(m, 'aar')).toContain('Verdict overridden by the evaluators to P (Performed without challenges) (score 78.6); reason: 四个现场均按预案调派');
  });

  it('no internal id or English label leaks into the Chinese reports', () => {
    for (const kind of ['evaluation', 'summary'] as const) {
      const text = reportMarkdown(model, kind);
      for (const leak of ['d03-quake-consult：', '@evaluator', ' / Trapped', 'by d01-level', '岔沟镇 chagou', '（drill ']) expect(text).not.toContain(leak);
    }
    // d01-level (the HQ's decision) set level III at T+0:19, drill 12:50.
    expect(reportMarkdown(model, 'evaluation')).toContain('| 启动响应 | Ⅲ级：情景 T+0:19（演练 12:50）由鞍山市抗震救灾指挥部启动 |');
    expect(reportMarkdown(model, 'aar')).toContain('| Response level | Level III at T+0:19 (drill 12:50) by ');
  });

  it('every report carries the trust and the final hash at its head and its foot', () => {
    for (const kind of ['evaluation', 'summary', 'aar'] as const) {
      const text = reportMarkdown(model, kind);
      const lines = text.trimEnd().split('\n');
      expect(lines.slice(0, 6).join('\n')).toContain(FINAL);
      expect(lines.at(-1)).toContain(FINAL);
      const html = reportHtml(model, kind);
      expect(html.match(new RegExp(`<span class="seal" data-seal>[^<]*${FINAL}</span>`, 'g'))).toHaveLength(2);
      expect(html).toMatch(/<thead><tr><td><span class="seal"/);
      expect(html).toMatch(/<tfoot><tr><td><span class="seal"/);
      // The foot after the body: read as text, the seal is once at the head, once at the foot.
      expect(html.indexOf('<tfoot>')).toBeGreaterThan(html.indexOf('</tbody>'));
    }
    expect(reportMarkdown(model, 'aar')).toContain('Record integrity: verified (hash chain intact)');
  });

  it("the evaluators' own finding is the improvement plan; with none, the report suggests findings and says so", () => {
    expect(model.findingsSuggested).toBe(false);
    expect(model.findings.map((f) => [f.grade, f.owner, f.due])).toEqual([['rectify', '鞍山市应急管理局', '2027-03-31']]);
    const bare = buildReport({ ...base, record: EMPTY_RECORD });
    expect(bare.findingsSuggested).toBe(true);
    // Every decision was answered right but late: one 改进项 per plan clause (29 distinct clauses in the scenario).
    expect(bare.findings).toHaveLength(29);
    expect(new Set(bare.findings.map((f) => f.grade))).toEqual(new Set(['improve']));
    expect(reportMarkdown(bare, 'evaluation')).toContain('以下为根据迟、错、超时决策生成的建议（建议）');
  });

  it('the 预案 section names each clause whose decisions were late, unowned (bots) or contested (the override)', () => {
    expect(model.evaluators.plan).toHaveLength(29);
    const level = (v: ReportModel['published']) => v.plan.find((c) => c.decisions.some((d) => d.decision === 'd01-level'))!.decisions[0]!.issues;
    expect(level(model.evaluators)).toEqual(['late', 'bot', 'override']);
    // The override is in a private note: the reports that leave the evaluators' room do not show it.
    expect(level(model.published)).toEqual(['late', 'bot']);
  });

  it('an untrusted record is marked in red in the head and foot of every page', () => {
    const broken = buildReport({ ...base, trust: { kind: 'broken', line: 5, seq: 4, reason: 'entry 4: hash mismatch', part: 'entry' } });
    const html = reportHtml(broken, 'summary');
    expect(html).toContain('<body class="untrusted"');
    expect(html).toMatch(/\.untrusted \.seal \{[^}]*background: #c62828/);
    expect(html.match(/记录完整性：不可信——哈希链在第 5 行（序号 4）断开/g)).toHaveLength(2);
    expect(reportMarkdown(broken, 'aar')).toMatch(/^> \*\*Record integrity: UNTRUSTED — the hash chain breaks at line 5 \(entry 4\)/m);
  });

  it('a scenario title and a note with <script> render escaped, in the html and the md', () => {
    const evil = '<script>alert(1)</script>';
    const scenario = { ...base.scenario, meta: { ...base.scenario.meta, title: { zh: `演练${evil}`, en: `Drill ${evil}` } } };
    const record: ReviewRecord = { ...base.record, notes: [{ id: 'x', seq: 4, t: 770000, author: '@evaluator', kind: 'improvement', text: `<img src=x onerror=alert(1)>${evil}`, published: true }] };
    const m = buildReport({ ...base, scenario, record });
    for (const kind of ['evaluation', 'summary', 'aar'] as const) {
      const html = reportHtml(m, kind);
      expect(html).not.toMatch(/<script|<img/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const md = reportMarkdown(m, kind);
      expect(md).not.toMatch(/<script|<img/i);
    }
  });

  it('the page fetches nothing and runs nothing: no script, no external URL, a CSP that forbids both', () => {
    const html = reportHtml(model, 'evaluation');
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\((?!#)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/@media print/);
    // The four charts, inline.
    expect(html.match(/<svg /g)).toHaveLength(4);
  });
});

describe('quake-drill report on the fixture', () => {
  it('picks up the review file beside the log: the md is the golden evaluation report', async () => {
    const r = await quakeDrill(['report', LOG]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(new URL('golden/evaluation.md', import.meta.url), 'utf8'));
  }, 30_000);

  it('--review names the record; one of another drill is refused; --out takes the html', async () => {
    const { dir, file } = tempDir();
    const other = file('other.review.jsonl', readFileSync(join(ROOT, REVIEW), 'utf8').replace('"drill":"haicheng-m5-8-seed-7"', '"drill":"someone-else"'));
    const refused = await quakeDrill(['report', LOG, '--review', other, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${other}:1:1: this review is of drill 'someone-else', but the log is drill 'haicheng-m5-8-seed-7'`);
    const out = join(dir, 'aar.html');
    const r = await quakeDrill(['report', LOG, '--review', join(ROOT, REVIEW), '--kind', 'aar', '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(reportHtml(buildReport(input()), 'aar'));
  }, 30_000);

  it('--format pdf without a Chromium writes the HTML beside and says so, exit 0', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'report.pdf');
    const saved = process.env.CHROMIUM;
    process.env.CHROMIUM = join(dir, 'no-chromium-here');
    try {
      const r = await quakeDrill(['report', LOG, '--format', 'pdf', '--out', out, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`no Chromium found (chromium or chromium-browser on PATH, or $CHROMIUM), so no PDF: wrote the HTML ${join(dir, 'report.html')} instead`);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<title>演练评估报告 — ');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM;
      else process.env.CHROMIUM = saved;
    }
  }, 30_000);

  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM ?? ''].find((p) => p && existsSync(p));
  const pdftotext = existsSync('/usr/bin/pdftotext');
  it.skipIf(!chromium || !pdftotext)('--format pdf prints the report with Chromium: its text has 演练评估报告 and the final hash', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'report.pdf');
    const r = await quakeDrill(['report', LOG, '--format', 'pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('演练评估报告');
    // The hash may wrap at the page's edge.
    expect(text.replace(/\s+/g, '')).toContain(FINAL);
  }, 180_000);
});
