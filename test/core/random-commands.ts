// Random but plausible command sequences for determinism tests: valid and invalid answers, orders
// up and down the hierarchy, facilitator controls, at increasing times.
import { nextRandom, seedRandom } from '../../src/hazard/index.ts';
import { createExercise, FACILITATOR, randomAnswer, type DrillEvent, type Exercise, type LogEntry } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';

export interface RandomDrillOptions {
  steps?: number;
  /** The longest gap between two commands. */
  maxGapMs?: number;
  /** Whether the facilitator may end the drill early. */
  mayEnd?: boolean;
}

export function randomDrill(scenario: Scenario, seed: number, { steps = 60, maxGapMs = 4 * 60_000, mayEnd = true }: RandomDrillOptions = {}): { live: Exercise; log: LogEntry[] } {
  let state = seedRandom(`commands:${seed}`);
  const next = () => {
    const [v, s] = nextRandom(state);
    state = s;
    return v;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const live = createExercise({ scenario, seed });
  const org = scenario.organisation;
  const seats = [org.hq.id, ...org.groups.map((g) => g.id), ...org.units.map((u) => u.id), ...org.counties.map((c) => c.id)];
  const teams = org.units.flatMap((u) => u.teams.map((t) => t.id));
  const places = scenario.region.settlements.map((s) => s.id);
  let t = 0;
  live.apply({ t, actor: FACILITATOR, event: { type: 'start' } });
  for (let i = 0; i < steps; i++) {
    t += Math.floor(next() * maxGapMs);
    const roll = next();
    let actor = FACILITATOR;
    let event: DrillEvent;
    const open = Object.entries(live.world.decisions).filter(([, d]) => d.status === 'open').map(([id]) => id);
    if (roll < 0.4 && open.length) {
      const d = live.model.decisions.get(pick(open))!;
      actor = next() < 0.9 ? d.owner : pick(seats);
      event = { type: 'answer', decision: d.id, ...randomAnswer(d, next) };
    } else if (roll < 0.5) event = pick<DrillEvent>([{ type: 'pause' }, { type: 'resume' }, { type: 'next-node' }, mayEnd ? { type: 'end' } : { type: 'resume' }, { type: 'resume' }]);
    else if (roll < 0.6) event = { type: 'fire-inject', inject: pick(scenario.injects).id };
    else if (roll < 0.65 && open.length) event = { type: 'extend-deadline', decision: pick(open), byMs: 60_000 };
    else if (roll < 0.8) {
      actor = pick(seats);
      event = { type: 'order', to: pick(seats), effect: { do: 'dispatch', team: pick(teams), to: pick(places), count: 1 } };
    } else if (roll < 0.9) {
      actor = pick(seats);
      event = { type: 'report', to: pick(seats), text: 'situation report' };
    } else {
      actor = pick(seats);
      event = { type: 'set-level', level: pick(['I', 'II', 'III', 'IV', 'none'] as const) };
    }
    live.apply({ t, actor, event });
  }
  return { live, log: [...live.log] };
}
