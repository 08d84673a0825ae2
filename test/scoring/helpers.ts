// A drill driven by hand for scoring tests: play the words of the room, then score what happened.
import { createExercise, FACILITATOR, type DrillEvent, type Exercise, type Outcome } from '../../src/core/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { scoreDrill, type DrillScore } from '../../src/scoring/index.ts';
import { readScenario } from '../scenario/helpers.ts';

export const SEC = 1000;
export const MIN = 60_000;

const cache = new Map<string, Scenario>();
export function load(text: string, name = 'test.yaml'): Scenario {
  if (!cache.has(text)) {
    const result = loadScenario(text, name);
    if (!result.ok) throw new Error(`${name} does not load: ${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
    cache.set(text, result.scenario);
  }
  return cache.get(text)!;
}

export const minimalScenario = (text = readScenario('minimal.yaml')) => load(text, 'minimal.yaml');
export const haicheng = () => load(readScenario('haicheng-m5.8.yaml'), 'haicheng-m5.8.yaml');

export class Drill {
  readonly ex: Exercise;
  t = 0;

  constructor(readonly scenario: Scenario = minimalScenario(), seed = 1) {
    this.ex = createExercise({ scenario, seed });
  }

  /** Moves the room clock to `t` ms (absolute). */
  at(t: number): this {
    this.t = t;
    this.ex.advance(t);
    return this;
  }

  facilitator(event: DrillEvent): Outcome {
    return this.ex.apply({ t: this.t, actor: FACILITATOR, event });
  }

  seat(actor: string, event: DrillEvent): Outcome {
    return this.ex.apply({ t: this.t, actor, event });
  }

  start(): this {
    this.facilitator({ type: 'start' });
    return this;
  }

  answer(actor: string, decision: string, answer: { options?: string[]; allocations?: { team: string; to: string }[] }): Outcome {
    return this.seat(actor, { type: 'answer', decision, ...answer });
  }

  score(): DrillScore {
    return scoreDrill(this.scenario, this.ex.world, this.ex.log);
  }
}
