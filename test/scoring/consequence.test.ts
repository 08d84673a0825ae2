import { describe, expect, it } from 'vitest';
import { indexScenario, referredIncidents } from '../../src/scoring/index.ts';
import { minimal } from '../scenario/helpers.ts';
import { Drill, MIN, SEC, haicheng, minimalScenario } from './helpers.ts';

/**
 * The minimal example plus a town fire (inject at 4:00 drill = T+0:06) that spreads unless
 * contained within 6 scenario minutes (T+0:12 = 8:00 drill), and a decision to fight it.
 */
const FIRE = minimal()
  .replace(
    'decisions:\n',
    `  - id: fire-report
    at: { node: n1, offset: 4m }
    title: { zh: 镇区起火, en: Fire in town }
    narrative: { zh: 岔沟镇区一处民房起火。, en: A house is on fire in Chagou. }
    to: [fire-rescue]
    via: phone
    incident: { id: town-fire, kind: fire, name: { zh: 镇区火灾, en: Town fire }, place: chagou, severity: 2 }
cascades:
  - id: fire-spreads
    from: town-fire
    after: 6m
    then: { spawn: { id: fire-spread, kind: fire, name: { zh: 火势蔓延, en: The fire spreads }, place: chagou, severity: 3 } }
decisions:
`,
  )
  .replace(
    'scoring:\n',
    `  - id: fight-fire
    owner: fire-rescue
    prompt: { zh: 是否立即扑救？, en: Fight the fire now? }
    kind: single
    options:
      - id: attack
        label: { zh: 立即扑救, en: Attack now }
        effects: [{ do: contain, incident: town-fire }]
      - id: watch
        label: { zh: 观察, en: Watch }
    opens: { after: fire-report }
    deadline: 8m
    target: 2m
    expected: { options: [attack] }
    rubric:
      - { points: 10, when: { chose: attack }, because: { zh: 立即扑救。, en: Attack at once. } }
    planClause: 应急响应·火灾扑救
    capability: search-and-rescue
scoring:
`,
  );

const fireDrill = () => new Drill(minimalScenario(FIRE)).start();

describe('consequence: what the simulation shows about the incidents a decision is about', () => {
  it('contained before any cascade fired → 1', () => {
    const d = fireDrill().at(5 * MIN);
    d.answer('fire-rescue', 'fight-fire', { options: ['attack'] });
    const s = d.at(20 * MIN).score().decisions['fight-fire']!;
    expect(s.consequence).toBe(1);
    expect(s.consequenceBasis.incidents).toEqual([expect.objectContaining({ incident: 'town-fire', value: 1, cascadesFired: [] })]);
  });

  it('contained, but only after an incident it spawns appeared → 0.5', () => {
    const d = fireDrill().at(9 * MIN);
    d.answer('fire-rescue', 'fight-fire', { options: ['attack'] });
    const s = d.at(20 * MIN).score().decisions['fight-fire']!;
    expect(s.consequenceBasis.incidents).toEqual([expect.objectContaining({ incident: 'town-fire', value: 0.5, cascadesFired: ['fire-spread'] })]);
    expect(s.consequence).toBe(0.5);
  });

  it('never contained → 0, whether the answer was wrong or never came', () => {
    const watched = fireDrill().at(5 * MIN);
    watched.answer('fire-rescue', 'fight-fire', { options: ['watch'] });
    expect(watched.at(20 * MIN).score().decisions['fight-fire']!.consequence).toBe(0);
    const expired = fireDrill().at(20 * MIN).score().decisions['fight-fire']!;
    expect(expired).toMatchObject({ status: 'expired', consequence: 0 });
  });

  it('people trapped → the expected share freed alive, unrounded, and provisional until they are out', () => {
    const d = new Drill().start().at(2 * MIN);
    d.answer('fire-rescue', 'send-usar', { options: ['send'] });
    // Node 1 ended at 20:00 (T+0:30); the team left at T+0:33 (30 min mobilising) and is digging: nobody freed yet.
    const digging = d.at(21 * MIN).score().decisions['send-usar']!;
    expect(digging).toMatchObject({ consequence: 0, provisional: true });
    // Freed at T+2:33 after 2 h of work, trapped since T+0:03: 2.5 h. By hand (SCIENCE.md §7.3 interval fit):
    // exp(−((2.5/24)/2.25)^1.14) = exp(−0.030118) = 0.970331 → 12 × 0.970331 = 11.644 alive (expected).
    const s = d.at(40 * MIN).score().decisions['send-usar']!;
    const [collapse] = s.consequenceBasis.incidents;
    expect(collapse!.rescuedAlive).toBeCloseTo(11.644, 3);
    expect(s.consequence).toBeCloseTo(0.9703, 4);
    expect(s.provisional).toBe(false);
  });

  it('a wrong answer given at once earns no timeliness', () => {
    const d = new Drill().start().at(2 * MIN + 10 * SEC);
    d.answer('fire-rescue', 'send-usar', { options: ['wait'] });
    const s = d.at(40 * MIN).score().decisions['send-usar']!;
    // Within the target (timeliness 1 on its own), but correctness 0 and nobody freed: 100 × (0.5·0 + 0.2·1×0 + 0.3·0).
    expect(s).toMatchObject({ correctness: 0, timeliness: 1, consequence: 0, total: 0 });
  });

  describe('a level decision is judged by the level in force at its horizon (the end of the next node, T+2:00 for d01)', () => {
    const levelDrill = () => new Drill(haicheng()).start().at(3 * MIN + 20 * SEC);
    const effects = (d: Drill) => d.score().decisions['d01-level']!.consequenceBasis.effects;

    it('III set and held: its three effects hold', () => {
      const d = levelDrill();
      d.answer('anshan-hq', 'd01-level', { options: ['iii'] });
      d.at(30 * MIN);
      expect(effects(d)).toEqual([
        { effect: 'set-level III', holds: 1 },
        { effect: 'activate-group g-coord', holds: 1 },
        { effect: 'notify county-haicheng, g-coord', holds: 1 },
      ]);
    });

    it('III set, then the response ended before the horizon: the level does not hold, whatever was set once', () => {
      const d = levelDrill();
      d.answer('anshan-hq', 'd01-level', { options: ['iii'] });
      d.at(10 * MIN);
      expect(d.seat('anshan-hq', { type: 'set-level', level: 'none' })).toEqual({ ok: true });
      d.at(30 * MIN);
      expect(effects(d)[0]).toEqual({ effect: 'set-level III', holds: 0 });
    });

    it('left to expire while the HQ set III by hand: the decision is not credited with what another command did', () => {
      const d = new Drill(haicheng()).start().at(3 * MIN + 20 * SEC);
      expect(d.seat('anshan-hq', { type: 'set-level', level: 'III' })).toEqual({ ok: true });
      d.at(30 * MIN);
      const s = d.score().decisions['d01-level']!;
      expect(s.status).toBe('expired');
      expect(s.consequenceBasis.effects.map((e) => e.holds)).toEqual([0, 0, 0]);
      expect(s.consequence).toBe(0);
    });
  });

  it('a decision about no incident scores the share of its expected effects that hold', () => {
    const d = new Drill(haicheng()).start().at(8 * MIN + 20 * SEC);
    d.answer('anshan-hq', 'd05-groups', { options: ['coord', 'rescue'] });
    const s = d.score().decisions['d05-groups']!;
    expect(s.consequenceBasis.method).toBe('effects');
    expect(s.consequenceBasis.effects).toHaveLength(10);
    expect(s.consequence).toBe(0.2);
  });

  it('with no effects expected either, the consequence follows correctness', () => {
    const d = new Drill(haicheng()).start();
    const state = () => d.ex.world.decisions['d17-province-report']!;
    for (let t = MIN; state().status !== 'open'; t += MIN) d.at(t);
    d.answer('g-coord', 'd17-province-report', {});
    const s = d.score().decisions['d17-province-report']!;
    expect(s).toMatchObject({ correctness: 1, consequence: 1, consequenceBasis: { method: 'correctness' } });
  });

  it('a dispatch to a place refers to the incidents there the team can handle, not every incident in town', () => {
    const s = haicheng();
    const ix = indexScenario(s);
    const power = referredIncidents(ix, s.decisions.find((x) => x.id === 'd06-power-first')!);
    expect(power).toEqual(expect.arrayContaining(['inc-sub-outage', 'inc-hosp-backup']));
    expect(power).not.toContain('inc-gas-leak');
    expect(power).not.toContain('inc-rumour-m7');
    const sar = referredIncidents(ix, s.decisions.find((x) => x.id === 'd09-sar-allocation')!);
    expect(sar).toEqual(['inc-collapse-chagou', 'inc-collapse-jiewen', 'inc-collapse-ximu', 'inc-collapse-pailou']);
  });
});
