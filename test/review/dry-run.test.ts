import { describe, expect, it } from 'vitest';
import { dryRun, longestTells } from '../../src/review/dry-run.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { readFileSync } from 'node:fs';
import { edited } from '../scenario/helpers.ts';

/** The minimal example as it was before the new decision kinds: one single choice of three options. */
const oneChoice = () => readFileSync(new URL('../fixtures/dry-run/one-choice.yaml', import.meta.url), 'utf8');

function load(text: string): Scenario {
  const r = loadScenario(text, 'dry.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.scenario;
}

/**
 * The one-choice example plus, in node 2: `impossible`, due when send-usar is both expired and answered
 * with `send` (it cannot be both), `echo`, due only if `impossible` fired, and the decision
 * `follow-up`, which opens after `echo`.
 */
const unreachable = load(
  edited((doc) => {
    doc.addIn(['injects'], doc.createNode({
      id: 'impossible', at: { node: 'n2', offset: '1m' }, title: { zh: '不可能', en: 'Impossible' }, narrative: { zh: '既超时又已答复。', en: 'Expired and answered.' },
      to: ['fire-rescue'], via: 'text', when: { all: [{ expired: 'send-usar' }, { chose: { decision: 'send-usar', option: 'send' } }] },
    }));
    doc.addIn(['injects'], doc.createNode({
      id: 'echo', at: { node: 'n2', offset: '2m' }, title: { zh: '回声', en: 'Echo' }, narrative: { zh: '上一条之后。', en: 'After the last one.' },
      to: ['fire-rescue'], via: 'text', when: { occurred: 'impossible' },
    }));
    doc.addIn(['decisions'], doc.createNode({
      id: 'follow-up', owner: 'fire-rescue', prompt: { zh: '继续？', en: 'Go on?' }, kind: 'acknowledge', opens: { after: 'echo' }, deadline: '5m',
      expected: {}, rubric: [{ points: 1, when: { acknowledged: true }, because: { zh: '收到', en: 'Received' } }], planClause: '测试', capability: 'search-and-rescue',
    }));
  }, oneChoice()),
);

describe('dryRun: what never happens', () => {
  const report = dryRun(unreachable, { seeds: 4 });

  it('lists an inject whose `when` can never hold, and the inject that waits on it, with why', () => {
    expect(report.neverFired).toEqual(['impossible', 'echo']);
    expect(report.why.impossible!.en).toBe('its condition (when: all(expired send-usar, chose send-usar/send)) was false every time it was due');
    expect(report.why.echo!.en).toBe('its condition (when: occurred impossible) was false every time it was due: inject impossible never fired');
  });

  it('lists the decision waiting for it as never reachable', () => {
    expect(report.neverReachable).toEqual(['follow-up']);
    expect(report.why['follow-up']!.en).toBe('it waits for inject echo, which never fired');
    expect(report.why['follow-up']!.zh).toBe('等待注入 echo，而该注入从未下达');
  });

  it('plays every policy over the seeds asked, and is the same twice', () => {
    expect(report.runs).toBe(4);
    expect(report.policies).toEqual(['plan', 'late', 'random', 'idle', 'longest']);
    expect(dryRun(unreachable, { seeds: 4 })).toEqual(report);
  });
});

describe('dryRun: the score spread and its warnings', () => {
  const plain = load(oneChoice());

  it('the one-choice example: one decision of three options cannot tell plan from random', () => {
    // Random answers `send` with chance 1/3 and inside the 2-minute target (of 5) with chance 2/5:
    // ≈ 13 % of its runs score as the plan does, so its p95 reaches the plan's p5 over 40 seeds.
    const r = dryRun(plain, { seeds: 40 });
    expect(r.neverFired).toEqual([]);
    expect(r.neverReachable).toEqual([]);
    expect(r.spread.random!.p95).toBe(r.spread.plan!.p5);
    expect(r.warnings.map((w) => w.code)).toEqual(['plan-like-random']);
    // The longest option is 等待进一步核实 (wait): no rubric line, correctness 0; the plan's is 1.
    expect(r.correctness.longest).toBe(0);
    expect(r.correctness.plan).toBe(1);
    // Idle answers nothing: every decision expires, the overall is 0.
    expect(r.spread.idle).toEqual({ p5: 0, p50: 0, p95: 0, min: 0, max: 0 });
  });

  it('policies asked for are the only ones played', () => {
    const r = dryRun(plain, { seeds: 3, policies: ['plan', 'idle'] });
    expect(Object.keys(r.spread)).toEqual(['plan', 'idle']);
    expect(r.warnings).toEqual([]);
  });

  it('warns when the expected option is always the longest', () => {
    // Three single choices of three options, the expected one the longest each time.
    const text = edited((doc) => {
      for (const n of [1, 2]) {
        doc.addIn(['decisions'], doc.createNode({
          id: `pick-${n}`, owner: 'fire-rescue', prompt: { zh: `第${n}题`, en: `Question ${n}` }, kind: 'single',
          options: [
            { id: 'right', label: { zh: '立即按预案组织力量开展处置', en: 'Act on the plan now' } },
            { id: 'wrong', label: { zh: '等待', en: 'Wait' } },
            { id: 'other', label: { zh: '请示上级', en: 'Ask above' } },
          ],
          opens: { node: 'n1', offset: `${n * 3}m` }, deadline: '5m', expected: { options: ['right'] },
          rubric: [{ points: 10, when: { chose: 'right' }, because: { zh: '预案', en: 'The plan' } }], planClause: '测试', capability: 'search-and-rescue',
        }));
      }
    }, oneChoice().replace('label: { zh: 立即派出, en: Send now }', 'label: { zh: 立即派出重型救援队赶赴现场, en: Send now }'));
    const s = load(text);
    expect(longestTells(s.decisions)).toEqual({ n: 3, ids: ['send-usar', 'pick-1', 'pick-2'], chance: 1 / 27 });
    const r = dryRun(s, { seeds: 3 });
    expect(r.correctness.longest).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['longest-scores-like-plan', 'longest-option-is-expected']));
    const w = r.warnings.find((x) => x.code === 'longest-option-is-expected')!;
    expect(w.message.en).toBe('option length gives the answer away: in 3 of 3 single-choice decisions the expected option is the longest (send-usar, pick-1, pick-2); by chance alone that has probability 0.037');
  });

  it('longestTells: the one-choice example\'s expected option is not its longest', () => {
    const s = load(oneChoice());
    // 立即派出 (4) < 等待进一步核实 (7): the expected is not the longest.
    expect(longestTells(s.decisions)).toEqual({ n: 1, ids: [], chance: 1 });
  });
});
