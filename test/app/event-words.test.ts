// What the log and the status line say about each command of issue 9, in Chinese and in English
// (describeEvent): the words a facilitator reads back after the drill.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/model.ts';
import type { DrillEvent } from '../../src/core/index.ts';
import { describeEvent, reasonText } from '../../src/app/views/words.ts';
import { loadDefault } from './render.ts';

const model = buildModel(loadDefault());
const say = (event: DrillEvent) => [describeEvent('zh', model, event), describeEvent('en', model, event)];
const D01 = { zh: '根据震情速报、烈度速报和首报灾情，指挥部决定启动哪一级地震应急响应？', en: 'From the quake report, the intensity map and the first damage reports, which level of earthquake response does the HQ declare?' };

describe('the words of a log entry', () => {
  it('an HQ move', () => {
    expect(say({ type: 'hq', move: 'consult' })).toEqual(['会商', 'Consultation']);
    expect(say({ type: 'hq', move: 'open' })).toEqual(['开设指挥部', 'Open the HQ']);
    expect(say({ type: 'hq', move: 'forward-post' })).toEqual(['设立前方指挥部', 'Set up a forward command post']);
    expect(say({ type: 'hq', move: 'end' })).toEqual(['响应结束', 'End the response']);
  });

  it('a report by its kind: 报告, 请示, 协调', () => {
    expect(say({ type: 'report', to: 'anshan-hq', text: '岔沟镇已转移群众' })).toEqual(['向鞍山市抗震救灾指挥部报告：岔沟镇已转移群众', 'Report to Anshan Earthquake Relief Command HQ: 岔沟镇已转移群众']);
    expect(say({ type: 'report', to: 'anshan-hq', text: '请求增派帐篷', kind: 'request' })).toEqual(['向鞍山市抗震救灾指挥部请示：请求增派帐篷', 'Request to Anshan Earthquake Relief Command HQ: 请求增派帐篷']);
    expect(say({ type: 'report', to: 'quake-bureau', text: '共享烈度图', kind: 'coordinate' })).toEqual(['与市地震局协调：共享烈度图', 'Coordination with Quake bureau: 共享烈度图']);
  });

  it('an order: its effect, its free text (one line, cut at 60 characters), or both', () => {
    expect(say({ type: 'order', to: 'g-rescue', text: '立即\n前往岔沟镇' })).toEqual(['向抢险救援组下达指令（立即 前往岔沟镇）', 'Order to Search and rescue group (立即 前往岔沟镇)']);
    const long = '甲'.repeat(70);
    expect(describeEvent('zh', model, { type: 'order', to: 'g-rescue', text: long })).toBe(`向抢险救援组下达指令（${'甲'.repeat(59)}…）`);
    expect(say({ type: 'order', to: 'ema', effect: { do: 'activate-group', group: 'g-rescue' }, text: '半小时内到位' })).toEqual([
      '向市应急局下达指令（启动抢险救援组；半小时内到位）',
      'Order to EMB (activate Search and rescue group; 半小时内到位)',
    ]);
  });

  it('a live inject, and a prepared one fired as it is or edited', () => {
    expect(say({ type: 'live-inject', title: '余震', text: '4.2级余震', to: ['ema', 'quake-bureau'] })).toEqual(['现场注入“余震”→ 市应急局、市地震局', 'live inject “余震” → EMB; Quake bureau']);
    expect(say({ type: 'fire-inject', inject: 'i01-quake-report' })).toEqual(['注入“震情速报”', 'Inject “The quake report”']);
    expect(say({ type: 'fire-inject', inject: 'i01-quake-report', edit: { to: ['ema'] } })).toEqual(['注入“震情速报”（已修改）', 'inject “The quake report” (edited)']);
  });

  it('voiding (with and without a reason) and reopening a decision', () => {
    expect(say({ type: 'void-decision', decision: 'd01-level' })).toEqual([`作废决策“${D01.zh}”`, `decision “${D01.en}” voided`]);
    expect(say({ type: 'void-decision', decision: 'd01-level', reason: '题目有误' })).toEqual([`作废决策“${D01.zh}”：题目有误`, `decision “${D01.en}” voided: 题目有误`]);
    expect(say({ type: 'reopen-decision', decision: 'd01-level', byMs: 5 * 60_000 })).toEqual([`重新开放决策“${D01.zh}”，时限 5 分钟`, `decision “${D01.en}” reopened for 5 min`]);
  });

  it('handing many seats to bots, and taking them back', () => {
    expect(say({ type: 'assign-seats', seats: ['ema', 'quake-bureau', 'g-rescue'], policy: 'plan' })).toEqual(['3 个席位交由机器人·按预案', '3 seats handed to Bot · by the plan']);
    expect(say({ type: 'assign-seats', seats: ['ema', 'quake-bureau'], policy: null })).toEqual(['2 个席位收回人工操作', '2 seats taken back by people']);
  });

  it('what the seats are shown', () => {
    expect(say({ type: 'set-visibility', scores: true, answers: false })).toEqual(['席位可见：得分显示，预案期望答案隐藏', 'seats see: scores shown, expected answers hidden']);
    expect(say({ type: 'set-visibility', scores: false, answers: true })).toEqual(['席位可见：得分隐藏，预案期望答案显示', 'seats see: scores hidden, expected answers shown']);
  });

  it('plotting a mark and removing it', () => {
    expect(say({ type: 'plot', mark: { kind: 'cordon', points: [[40.6, 122.8], [40.7, 122.8], [40.7, 122.9]] }, audience: 'command' })).toEqual([
      '标绘警戒区（可见范围：指挥席位）',
      'Plot: Cordon (seen by Command seats)',
    ]);
    expect(say({ type: 'plot', mark: { kind: 'note', points: [[40.6, 122.8]], text: '前方指挥所' }, audience: 'all' })).toEqual([
      '标绘文字标注“前方指挥所”（可见范围：全体）',
      'Plot: Note “前方指挥所” (seen by Everyone)',
    ]);
    expect(say({ type: 'unplot', mark: 12 })).toEqual(['删除标绘 #12', 'Removed mark #12']);
  });

  it('a refused input of no known command is named as it was sent', () => {
    expect(describeEvent('zh', model, { type: 'launch-rocket' } as unknown as DrillEvent)).toBe('launch-rocket');
    expect(describeEvent('en', model, { type: 'constructor' } as unknown as DrillEvent)).toBe('constructor');
  });

  it('a refusal naming a voided decision says it is voided', () => {
    expect(reasonText('zh', model, "decision 'd01-level' is not open (voided)")).toContain('已作废');
    expect(reasonText('en', model, "decision 'd01-level' is not open (voided)")).toContain('voided');
  });
});
