// Every problem a scenario file can have is worded in Chinese too: the app shows a trainer in the zh
// interface the English text only as a fallback ("此项检查的说明暂只有英文"), and no check may need it.
// The cases are the ones the lint, limits and schema tests build from the minimal example, one per
// kind of wording, so a new check without Chinese fails here.
import { describe, expect, it } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.ts';
import { contingency, firstLength, minimal, problemsOf, readScenario, replaced, withMedia } from './helpers.ts';

const CJK = /\p{Script=Han}/u;
const ZEROS = '0'.repeat(400);

const origin = (value: string) => replaced('originTime: 2026-11-21T09:30+08:00', `originTime: ${value}`);
const single = 'expected: { options: [send] }';
const allocation = (expected: string) =>
  replaced(single, expected, replaced('kind: single', 'kind: allocation\n    allocate: { teams: [usar-1], places: [chagou-collapse] }'));
const cascades = `cascades:
  - id: c1
    from: chagou-collapse
    after: 0m
    then: { spawn: { id: fire-1, kind: fire, place: chagou, severity: 2, name: { zh: 火灾, en: Fire } } }
  - id: c2
    from: fire-1
    after: 0m
    then: { worsen: { incident: chagou-collapse, by: 1 } }
decisions:`;

/** [what, scenario text, the rule that must be among its problems]. */
const CASES: [string, () => string, string][] = [
  // node times
  ['the first node starts late', () => replaced('span: { from: 0m, to: 30m }', 'span: { from: 5m, to: 30m }'), 'node-time'],
  ['a gap between nodes', () => replaced('span: { from: 30m, to: 6h }', 'span: { from: 45m, to: 6h }'), 'node-time'],
  ['a node that ends before it begins', () => replaced('span: { from: 30m, to: 6h }', 'span: { from: 30m, to: 20m }'), 'node-time'],
  ['a node of no drill time', () => firstLength('0m'), 'node-time'],
  // drill time
  ['a node longer than a day of drill time', () => firstLength('1d1m'), 'drill-time'],
  ['an inject offset longer than a day', () => replaced('offset: 2m', 'offset: 2d'), 'drill-time'],
  ['a deadline of a week', () => replaced('deadline: 5m', 'deadline: 7d'), 'drill-time'],
  ['a deadline of 0m', () => replaced('    target: 2m\n', '', replaced('deadline: 5m', 'deadline: 0m')), 'drill-time'],
  // inside the node
  ['an inject past the end of its node (and the decision after it)', () => replaced('offset: 2m', 'offset: 20m'), 'inside-node'],
  ['a deadline past the end of the node', () => replaced('deadline: 5m', 'deadline: 19m'), 'inside-node'],
  ['a target after the deadline', () => replaced('target: 2m', 'target: 6m'), 'inside-node'],
  // decision kinds
  ['a single-choice decision with one option', () => replaced('      - id: wait\n        label: { zh: 等待进一步核实, en: Wait for confirmation }\n      - id: scout\n        label: { zh: 先派侦察组, en: Send scouts first }\n', ''), 'decision-kind'],
  ['a multiple-choice decision with one option', () => replaced('kind: single', 'kind: multiple', replaced('      - id: wait\n        label: { zh: 等待进一步核实, en: Wait for confirmation }\n      - id: scout\n        label: { zh: 先派侦察组, en: Send scouts first }\n', '')), 'decision-kind'],
  ['an allocation decision without allocate', () => replaced('kind: single', 'kind: allocation'), 'decision-kind'],
  ['a rubric without positive points', () => replaced('points: 3', 'points: 0', replaced('points: 10', 'points: 0')), 'decision-kind'],
  ['a single-choice decision expecting nothing', () => replaced(single, 'expected: {}'), 'decision-kind'],
  ['a multiple-choice decision expecting no option', () => replaced(single, 'expected: { options: [] }', replaced('kind: single', 'kind: multiple')), 'decision-kind'],
  ['an allocation decision expecting no allocation', () => allocation('expected: { allocations: [] }'), 'decision-kind'],
  ['an expected allocation outside allocate', () => allocation('expected: { allocations: [{ team: usar-1, to: chagou }] }'), 'decision-kind'],
  // numbers
  ['building shares not adding up to 1', () => replaced('{ A1: 0.4, B: 0.4, C: 0.2 }', '{ A1: 0.4, B: 0.4, C: 0.1 }'), 'shares'],
  ['weights not adding up to 1', () => replaced('consequence: 0.3', 'consequence: 0.4'), 'shares'],
  ['ratings out of order', () => replaced('{ P: 85, S: 70, M: 50 }', '{ P: 70, S: 85, M: 50 }'), 'shares'],
  ['deathsMin above deathsMax', () => replaced('deathsMin: 10, deathsMax: 49', 'deathsMin: 60, deathsMax: 49'), 'shares'],
  ['magnitudeMin above magnitudeMax', () => replaced('deathsMin: 10, deathsMax: 49', 'magnitudeMin: 7, magnitudeMax: 6'), 'shares'],
  ['a response level defined twice', () => replaced('nodes:\n', '  - level: III\n    name: { zh: 较大, en: Major }\n    criteria: { text: { zh: 同上, en: Same } }\n    lead: hq\nnodes:\n'), 'unique-id'],
  // ids and references
  ['an id used twice', () => replaced('- id: usar-1', '- id: chagou'), 'unique-id'],
  ['an option id used twice', () => replaced('- id: wait', '- id: send'), 'unique-id'],
  ['an unknown unit', () => replaced('owner: fire-rescue', 'owner: fire-brigade'), 'reference'],
  ['an id of the wrong kind', () => replaced('team: usar-1, to:', 'team: chagou, to:'), 'reference'],
  ['an unknown option', () => replaced('when: { chose: send }', 'when: { chose: sent }'), 'reference'],
  // reachability and cascades
  ['a contingency that can never fire', () => replaced('decisions:', contingency('{ expired: send-usar }', '5m')), 'reachable'],
  ['a decision that can never open', () => replaced('opens: { after: collapse-report }', 'opens: { after: follow-up }', replaced('decisions:', contingency('{ occurred: follow-up }'))), 'reachable'],
  ['cascades in a loop with no delay', () => replaced('decisions:', cascades), 'cascade-cycle'],
  // space
  ['swapped latitude and longitude', () => replaced('epicentre: { lat: 40.683, lon: 122.833 }', 'epicentre: { lat: 122.833, lon: 40.683 }'), 'schema'],
  ['a place outside the region', () => replaced('      lat: 40.70\n', '      lat: 41.70\n'), 'bounds'],
  ['empty bounds', () => replaced('south: 40.4', 'south: 41.4'), 'bounds'],
  // media
  ...['//evil.example/x.png', '/\\evil.example/x.png', '../secret.png', '/etc/passwd', 'javascript:alert(1)', 'media/', 'https://evil.example/a b.png'].map(
    (file): [string, () => string, string] => [`the media file ${JSON.stringify(file)}`, () => withMedia(file), 'media'],
  ),
  // the schema's own checks
  ['a duration without its unit', () => replaced('deadline: 5m', 'deadline: 5'), 'schema'],
  ['a duration in words', () => replaced('deadline: 5m', 'deadline: 5 min'), 'schema'],
  ['a duration past a year', () => firstLength(`1${ZEROS}s`), 'schema'],
  ['an origin time in another format', () => origin('21.11.2026'), 'schema'],
  ...['2026-13-01T09:30+08:00', '2026-02-30T09:30+08:00', '2026-11-21T25:30+08:00', '2026-11-21T09:99+08:00', '2026-11-21T09:30:61+08:00', '2026-11-21T09:30+15:00'].map(
    (value): [string, () => string, string] => [`the origin time ${value}`, () => origin(value), 'schema'],
  ),
  ['a count out of range', () => replaced('count: 2', 'count: 1000000'), 'schema'],
  ['an unknown field', () => replaced('  magnitude: 5.8', '  magnitud: 5.8'), 'unknown-field'],
  ['a missing field', () => replaced('  magnitude: 5.8\n', ''), 'missing-field'],
  ['a value not allowed', () => replaced('phase: response', 'phase: responce'), 'schema'],
  ['an unknown effect', () => replaced('do: dispatch', 'do: dispach'), 'schema'],
  // the file itself
  ['a YAML syntax error', () => replaced('magnitude: 5.8', 'magnitude: [5.8'), 'yaml'],
  ['a key twice', () => replaced('  magnitude: 5.8\n', '  magnitude: 5.8\n  magnitude: 5.9\n'), 'duplicate-key'],
  ['another format version', () => minimal().replace(/^format: .*$/m, 'format: quake-drill/scenario@3'), 'format'],
];

function expectChinese(p: Problem): void {
  const where = `${p.rule} at ${p.path.join('.')}: ${p.message}`;
  expect(p.zh?.message, where).toMatch(CJK);
  if (p.hint) expect(p.zh?.hint, `${where} (hint: ${p.hint})`).toMatch(CJK);
}

describe('every scenario problem is worded in Chinese', () => {
  it.each(CASES)('%s', (_, text, rule) => {
    const problems = problemsOf(text());
    expect(problems.map((p) => p.rule)).toContain(rule);
    problems.forEach(expectChinese);
  });

  it('the default and the minimal scenario load with no problem to word', () => {
    expect(loadScenario(readScenario('haicheng-m5.8.yaml'), 'haicheng-m5.8.yaml').ok).toBe(true);
    expect(loadScenario(minimal(), 'minimal.yaml').ok).toBe(true);
  });

  it('a gap between nodes, in Chinese, says where each one starts and ends and what to write', () => {
    const [p] = problemsOf(replaced('span: { from: 30m, to: 6h }', 'span: { from: 45m, to: 6h }')).filter((x) => x.rule === 'node-time');
    expect(p!.zh).toEqual({ message: '时间节点必须无间隙、无重叠地覆盖情景时间：本节点从 T+45m 开始，前一节点在 T+30m 结束', hint: '设为 from: 30m' });
  });

  it('30 February, in Chinese, says how long February 2026 is', () => {
    const [p] = problemsOf(origin('2026-02-30T09:30+08:00'));
    expect(p!.zh!.message).toBe('2026 年 2 月没有 30 日（该月有 28 天）');
  });
});
