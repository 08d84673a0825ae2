// A drill driven by hand for scoring tests: play the words of the room, then score what happened.
import type { Outcome } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scoreDrill, type DrillScore } from '../../src/scoring/index.ts';
import { readScenario } from '../scenario/helpers.ts';
import { TestDrill, scenario } from '../core/test-drill.ts';

export const SEC = 1000;
export const MIN = 60_000;

export const load = (text: string, name = 'test.yaml'): Scenario => scenario(name, text);
export const minimalScenario = (text = readScenario('minimal.yaml')) => load(text, 'minimal.yaml');
export const haicheng = () => load(readScenario('haicheng-m5.8.yaml'), 'haicheng-m5.8.yaml');

export class Drill extends TestDrill {
  constructor(
    readonly scenario: Scenario = minimalScenario(),
    seed = 1,
  ) {
    super(scenario, seed);
  }

  /** Moves the room clock to `t` ms (absolute). */
  at(t: number): this {
    this.t = t;
    this.ex.advance(t);
    return this;
  }

  answer(actor: string, decision: string, answer: { options?: string[]; allocations?: { team: string; to: string }[] }): Outcome {
    return this.seat(actor, { type: 'answer', decision, ...answer });
  }

  score(): DrillScore {
    return scoreDrill(this.scenario, this.ex.world, this.ex.log);
  }
}
