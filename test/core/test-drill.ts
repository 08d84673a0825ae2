// A headless drill for tests, in the spirit of tldraw's TestEditor: drive it with the words of the
// room and assert where the statechart is.
import { expect } from 'vitest';
import { createExercise, FACILITATOR, type DrillEvent, type Exercise, type Outcome } from '../../src/core/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { readScenario } from '../scenario/helpers.ts';

export const MIN = 60_000;

const cache = new Map<string, Scenario>();
export function scenario(name = 'minimal.yaml', text = readScenario(name)): Scenario {
  const key = `${name}\n${text}`;
  if (!cache.has(key)) {
    const result = loadScenario(text, name);
    if (!result.ok) throw new Error(`${name} does not load: ${result.problems[0]?.message}`);
    cache.set(key, result.scenario);
  }
  return cache.get(key)!;
}

export class TestDrill {
  readonly ex: Exercise;
  t = 0;

  constructor(s: Scenario = scenario(), seed = 1) {
    this.ex = createExercise({ scenario: s, seed });
  }

  get world() {
    return this.ex.world;
  }

  /** Lets `ms` of room time pass. */
  wait(ms: number): this {
    this.t += ms;
    this.ex.advance(this.t);
    return this;
  }

  facilitator(event: DrillEvent): Outcome {
    return this.ex.apply({ t: this.t, actor: FACILITATOR, event });
  }

  seat(actor: string, event: DrillEvent): Outcome {
    return this.ex.apply({ t: this.t, actor, event });
  }

  start(): this {
    expect(this.facilitator({ type: 'start' })).toEqual({ ok: true });
    return this;
  }

  expectToBeIn(path: string): this {
    expect(this.ex.statePath()).toBe(path);
    return this;
  }

  expectRefused(outcome: Outcome, reason: RegExp | string): this {
    expect(outcome.ok).toBe(false);
    if (typeof reason === 'string') expect(outcome.reason).toBe(reason);
    else expect(outcome.reason).toMatch(reason);
    expect(this.world.rejections.at(-1)?.reason).toBe(outcome.reason);
    return this;
  }
}
