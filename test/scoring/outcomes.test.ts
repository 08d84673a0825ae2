import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/core/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { Drill, MIN, haicheng } from './helpers.ts';

const HOUR = 3_600_000;

describe('outcome metrics read from the final world', () => {
  it('a small drill: trapped and rescued, the first team on scene, nothing else happened', () => {
    const d = new Drill().start().at(2 * MIN);
    d.answer('fire-rescue', 'send-usar', { options: ['send'] });
    const o = d.at(40 * MIN).score().outcomes;
    expect(o.trapped).toBe(12);
    // Answered at T+0:03; 30 min mobilising from a station in Chagou; freed 2 h later, 2.5 h after they were trapped: 12 × 0.9703.
    expect(o.rescuedAlive).toBe(11.6);
    expect(o.firstRescue).toEqual([{ settlement: 'chagou', name: { zh: '岔沟镇', en: 'Chagou' }, firstTeamMs: 33 * MIN, at: 'T+0:33', incidents: ['chagou-collapse'] }]);
    expect(o).toMatchObject({
      responseLevel: null,
      hoursWithout: [{ label: { zh: '医院断电（医院·小时）', en: 'Hospital-hours without power' }, incidents: ['hospital-power', 'hospital'], hours: 0, outages: [], places: [] }],
      shelter: { opened: 0, needed: 0, shelters: [] },
      timeToContain: [{ label: { zh: '危化品泄漏控制', en: 'Chemical leak contained' }, incidents: ['chemical-leak'], contained: [] }],
      // The number, ranking and report decisions of node 2 went unanswered.
      decisions: { total: 4, answered: 1, expired: 3, open: 0, notOpened: 0 },
      rejections: 0,
      endClock: 40 * MIN,
      endScenarioMs: 6 * 60 * MIN,
    });
  });

  describe('the default scenario, played by the plan and by nobody', () => {
    const s = haicheng();
    const played = (policy: 'plan' | 'idle') => {
      const ex = runDrill({ scenario: s, seed: 1, policy });
      return { world: ex.world, o: scoreDrill(s, ex.world, ex.log).outcomes };
    };
    const plan = played('plan');
    const idle = played('idle');

    it('counts the people trapped in incidents that appeared, and those rescued alive', () => {
      for (const { world, o } of [plan, idle]) {
        const appeared = Object.values(world.incidents).filter((i) => i.status !== 'latent');
        expect(o.trapped).toBe(appeared.reduce((a, i) => a + i.trapped, 0));
        expect(o.rescuedAlive).toBeCloseTo(appeared.reduce((a, i) => a + i.rescuedAlive, 0), 1);
      }
      expect(plan.o.rescuedAlive).toBeGreaterThan(idle.o.rescuedAlive);
      expect(plan.o.rescuedAlive).toBeLessThanOrEqual(plan.o.trapped);
    });

    it('says which response level stood at the end: the plan ends it (d36 "end"), nobody leaves the fallback IV in force', () => {
      expect(plan.o.levelAtEnd).toEqual({ level: 'none', ended: true });
      // d01 expires into IV (its onExpiry); no later decision of the idle run changes the level.
      expect(idle.o.levelAtEnd).toEqual({ level: 'IV', ended: false });
    });

    it('times the response-level decision in scenario and drill time', () => {
      // d01 opens at 3:00 (i02 at 2:00 + 1:00); the plan bot answers 20 s later; node 1 runs 1.5 scenario minutes per drill minute
      expect(plan.o.responseLevel).toEqual({ level: 'III', scenarioMs: 300_000, clock: 200_000, scenario: 'T+0:05', drill: '03:20', by: 'd01-level' });
      // nobody answers: at the 13:00 deadline the plan's fallback sets level IV
      expect(idle.o.responseLevel).toMatchObject({ level: 'IV', clock: 13 * MIN, drill: '13:00', by: 'd01-level:expired' });
    });

    it('times the first rescue team on scene per settlement', () => {
      const chagou = plan.o.firstRescue.find((r) => r.settlement === 'chagou')!;
      expect(chagou.incidents).toContain('inc-collapse-chagou');
      expect(chagou.firstTeamMs).toBe(Math.round(plan.world.incidents['inc-collapse-chagou']!.firstTeamMs!));
      expect(plan.o.firstRescue.find((r) => r.settlement === 'bali')).toMatchObject({ incidents: ['inc-mine-trapped'] });
      expect(idle.o.firstRescue.find((r) => r.settlement === 'pailou')).toMatchObject({ firstTeamMs: null, at: null });
    });

    it('sums hospital-hours without power: to containment, or to the end when never contained', () => {
      const backup = idle.world.incidents['inc-hosp-backup']!;
      const blackout = idle.world.incidents['inc-hosp-blackout']!;
      expect(idle.o.hoursWithout[0]!.outages.map((x) => x.incident).sort()).toEqual(['inc-hosp-backup', 'inc-hosp-blackout']);
      // Both are outages of one hospital: while they overlap it is dark once, so its hours are the union, never more than the drill's length.
      expect(backup.place).toBe(blackout.place);
      const [a, b] = [backup, blackout].map((i) => [i.appearedMs!, i.containedMs ?? idle.world.scenarioMs] as const).sort((x, y) => x[0] - y[0]);
      const union = a![1] >= b![0] ? Math.max(a![1], b![1]) - a![0] : a![1] - a![0] + (b![1] - b![0]);
      expect(idle.o.hoursWithout[0]!.hours).toBeCloseTo(union / HOUR, 1);
      expect(idle.o.hoursWithout[0]!.hours).toBeLessThanOrEqual(idle.world.scenarioMs / HOUR);
      expect(idle.o.hoursWithout[0]!.places).toEqual([{ place: backup.place, hours: idle.o.hoursWithout[0]!.hours }]);
      expect(plan.o.hoursWithout[0]!.hours).toBeLessThan(idle.o.hoursWithout[0]!.hours);
    });

    it('compares shelter places opened with the people displaced', () => {
      const capacity = (id: string) => s.region.facilities.find((f) => f.id === id)!.capacity?.people ?? 0;
      expect(plan.o.shelter.opened).toBe(plan.o.shelter.shelters.reduce((a, f) => a + capacity(f), 0));
      expect(plan.o.shelter.shelters).toEqual(expect.arrayContaining(['shelter-chagou', 'shelter-haicheng-gym']));
      expect(plan.o.shelter.needed).toBe(Object.values(plan.world.incidents).filter((i) => i.status !== 'latent').reduce((a, i) => a + i.displaced, 0));
      expect(plan.o.shelter.needed).toBeGreaterThan(0);
      expect(idle.o.shelter.opened).toBe(0);
    });

    it('times the containment of chemical leaks, or says they never were', () => {
      const leak = plan.o.timeToContain[0]!.contained.find((c) => c.incident === 'inc-chem-leak')!;
      expect(leak.hoursToContain).toBeGreaterThanOrEqual(0);
      expect(leak.hoursToContain).toBeLessThan(1);
      expect(idle.o.timeToContain[0]!.contained).toContainEqual({ incident: 'inc-chem-leak', hoursToContain: null });
    });

    it('counts decisions answered and expired', () => {
      expect(plan.o.decisions).toEqual({ total: s.decisions.length, answered: s.decisions.length, expired: 0, open: 0, notOpened: 0, voided: 0 });
      expect(idle.o.decisions).toMatchObject({ answered: 0, expired: s.decisions.length });
      expect(plan.o.rejections).toBe(0);
    });
  });
});
