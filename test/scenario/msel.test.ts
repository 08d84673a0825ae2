import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { MSEL_COLUMNS, mselColumnsFor, mselRows, mselSourceOf, parseOffset, rowsToYamlSkeleton, sheetRows, type MselCells } from '../../src/scenario/msel.ts';
import { edited, minimal } from './helpers.ts';

function load(text: string): Scenario {
  const r = loadScenario(text, 'm.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}

describe('MSEL columns', () => {
  it('carry the 演练脚本 headers of STANDARDS.md, with ids and titles, in order', () => {
    expect(MSEL_COLUMNS.map((c) => c.zh)).toEqual(['编号', '环节', '环节 id', '阶段', 'T+', '标题', '标题 (en)', '注入内容', '注入内容 (en)', '注入方式', '接收单位', '接收单位 id', '问题', '问题 (en)', '期望行动', '期望行动 (en)']);
  });
});

describe('mselRows', () => {
  it('the minimal example: one row, seats by name, T+ as drill time into the node', () => {
    const rows = mselRows(load(minimal()));
    expect(rows).toEqual([{
      id: 'collapse-report', node: '震后响应', nodeId: 'n1', phase: '应急响应', offset: 'T+2m',
      title: '房屋倒塌', titleEn: 'Houses collapsed', narrative: '岔沟镇多处民房倒塌，有人员被困。', narrativeEn: 'Several houses collapsed in Chagou; people are trapped.',
      via: '电话', to: '市消防救援支队', toIds: 'fire-rescue', question: '如何派出救援力量？', questionEn: 'Which teams do you send?',
      expected: '立即派出重型救援队。', expectedEn: 'Send the heavy USAR team at once.',
      // Node n1 maps 20 drill minutes onto 30 scenario minutes: 2 min in is T+3 min after the quake.
      scenarioMs: 180_000,
    }]);
    // Every English column has text here, so all sixteen are written.
    expect(mselColumnsFor(rows)).toHaveLength(16);
  });

  it('orders by node, then T+, then file order; a node-2 inject listed first comes last', () => {
    const s = load(edited((doc) => {
      const x = { title: { zh: '甲' }, narrative: { zh: '甲' }, to: ['hq', 'rescue-group'], via: 'meeting' };
      doc.addIn(['injects'], doc.createNode({ id: 'late', at: { node: 'n2', offset: '0m' }, ...x }));
      doc.addIn(['injects'], doc.createNode({ id: 'first', at: { node: 'n1', offset: '1m' }, ...x }));
    }));
    const rows = mselRows(s);
    expect(rows.map((r) => r.id)).toEqual(['first', 'collapse-report', 'late']);
    expect(rows[2]).toMatchObject({ node: '抢险救援', phase: '抢险救援', offset: 'T+0m', via: '会议', to: '市抗震救灾指挥部、抢险救援组', toIds: 'hq, rescue-group', titleEn: '', question: '', scenarioMs: 1_800_000 });
    // No row has English for these: their columns are left out of the sheet.
    expect(mselColumnsFor([rows[2]!]).map((c) => c.key)).not.toContain('titleEn');
  });
});

describe('parseOffset', () => {
  it.each([
    ['T+2m', 120_000], ['2m', 120_000], ['t+ 1h30m', 5_400_000], ['2分钟', 120_000], ['1小时30分', 5_400_000],
    ['T+90秒', 90_000], ['0:05', 300_000], ['1:02:03', 3_723_000], ['0', 0], ['T+0', 0],
  ])('%s → %d ms', (cell, ms) => expect(parseOffset(cell)).toBe(ms));

  it.each(['5', 'soon', 'T+', '2 weeks', '-5m'])('%s is not a T+', (cell) => expect(parseOffset(cell)).toBeUndefined());
});

describe('sheetRows', () => {
  it('finds the header row by its names, below a title, English names too; blank rows are left out', () => {
    const r = sheetRows([['某市演练脚本'], [], ['Node', 'Phase', 'T+', 'Narrative', 'Via', 'To', 'Notes'], ['n', 'rescue', '5m', 'x', 'phone', 'a'], ['', '', '', '', '', '']]);
    expect(r).toEqual({ ok: true, ignored: ['Notes'], rows: [{ row: 4, node: 'n', phase: 'rescue', offset: '5m', narrative: 'x', via: 'phone', to: 'a' }] });
  });

  it('says what a header row needs when there is none', () => {
    const r = sheetRows([['标题', '备注'], ['a', 'b']]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.en).toMatch(/^no header row in the first 20 rows: the header row names 注入内容/);
  });
});

const base: Partial<MselCells> = { node: '响应', phase: '应急响应', offset: 'T+1m', narrative: '发生地震', via: '电话', to: '指挥部' };

describe('rowsToYamlSkeleton', () => {
  it('writes nodes, injects and placeholder seats the MSEL part of the format reads back', () => {
    const { yaml, problems } = rowsToYamlSkeleton([
      { ...base, row: 2, id: 'quake', title: '地震', titleEn: 'Quake' },
      // Merged 环节 and 阶段 cells read as empty below their first row: they take the row above's.
      { ...base, row: 3, node: '', phase: '', offset: '5分钟', narrative: '房屋倒塌，有人被困', via: 'radio', to: '消防、指挥部' },
      { ...base, row: 4, node: '救援', nodeId: 'rescue', phase: '抢险救援', offset: '0:10', via: '无线电', to: '消防', toIds: 'fire' },
    ], 'x.csv');
    expect(problems).toEqual([]);
    const source = mselSourceOf(parse(yaml));
    expect(source).toBeDefined();
    expect(source!.nodes.map((n) => [n.id, n.name.zh, n.phase])).toEqual([['n1', '响应', 'response'], ['rescue', '救援', 'rescue']]);
    // `消防` is named with the id `fire` on row 4: row 3 uses that id too; the HQ gets a fresh one.
    expect(source!.injects.map((x) => [x.id, x.at.node, x.at.offset, x.via, x.to, x.title.zh])).toEqual([
      ['quake', 'n1', 60_000, 'phone', ['unit-1'], '地震'],
      ['inject-1', 'n1', 300_000, 'radio', ['fire', 'unit-1'], '房屋倒塌'],
      ['inject-2', 'rescue', 600_000, 'radio', ['fire'], '发生地震'],
    ]);
    expect(source!.organisation!.units!.map((u) => [u.id, u.name.zh])).toEqual([['unit-1', '指挥部'], ['fire', '消防']]);
    expect(yaml).toMatch(/^# A scenario skeleton from x\.csv/);
  });

  it('reports each bad cell at its row, keeps the row as a comment, and goes on', () => {
    const { yaml, problems } = rowsToYamlSkeleton([
      { ...base, row: 2, node: '' },
      { ...base, row: 3, via: '传真' },
      { ...base, row: 4, offset: 'soon' },
      { ...base, row: 5, narrative: '' },
      { ...base, row: 6, phase: '善后' },
      { ...base, row: 7, phase: '抢险救援' },
      { ...base, row: 8, id: 'Bad Id' },
      { ...base, row: 9 },
    ]);
    expect(problems.map((p) => [p.row, p.column, p.message.en])).toEqual([
      [2, 'node', '环节 (node) is empty and no row above names one: write the node\'s name'],
      [3, 'via', '注入方式 "传真" is not one of 文字, 电话, 报告, 视频, 图片, 电台, 会议 (or text, phone, report, video, image, radio, meeting)'],
      [4, 'offset', 'cannot read T+ "soon": write T+5m, T+1h30m, 5分钟 or 0:05 (h:mm)'],
      [5, 'narrative', '注入内容 (narrative) is empty: write what the recipients are told'],
      [6, 'phase', '阶段 (phase) "善后" is not one of 应急响应, 抢险救援, 恢复重建 or response, rescue, recovery'],
      [7, 'phase', '环节 "响应" is in phase response above but rescue here: a node has one phase'],
      [8, 'id', 'id "Bad Id" is not an id: lower-case letters, digits and hyphens'],
    ]);
    expect(problems[1]!.message.zh).toBe('注入方式 “传真” 不是 文字、电话、报告、视频、图片、电台、会议 之一');
    const source = mselSourceOf(parse(yaml))!;
    expect(source.injects.map((x) => x.id)).toEqual(['inject-1']);
    expect(yaml).toContain('# row 3:\n#   ! 注入方式 "传真" is not one of');
    expect(yaml).toContain('#   注入方式: "传真"');
  });

  it('a 环节 id given two names is a problem at the second', () => {
    const { problems } = rowsToYamlSkeleton([{ ...base, row: 2, nodeId: 'a' }, { ...base, row: 3, nodeId: 'a', node: '另一个' }]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, 'node']]);
  });
});
