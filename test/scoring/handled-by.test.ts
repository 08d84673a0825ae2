import { describe, expect, it } from 'vitest';
import { needsOf as engineNeeds } from '../../src/core/incidents.ts';
import type { Ctx } from '../../src/core/context.ts';
import { buildModel } from '../../src/core/index.ts';
import { INCIDENT_KINDS } from '../../src/scenario/index.ts';
import { indexScenario, needsOf } from '../../src/scoring/index.ts';
import { haicheng } from './helpers.ts';

// Scoring may not import the engine's code, so it keeps its own copy of which teams handle what.
describe("scoring's table of who handles which incident matches the engine's", () => {
  it('for every incident kind', () => {
    for (const kind of INCIDENT_KINDS) {
      const incident = { id: 'x', kind, name: { zh: 'x' }, place: 'p', severity: 1 };
      const ctx = { model: { incidents: new Map([['x', incident]]) } } as unknown as Ctx;
      const ix = { incidents: new Map([['x', incident]]) } as unknown as ReturnType<typeof indexScenario>;
      expect(needsOf(ix, 'x'), kind).toEqual(engineNeeds(ctx, 'x'));
    }
  });

  it('for every incident of the default scenario, its own needs included', () => {
    const s = haicheng();
    const model = buildModel(s);
    const ix = indexScenario(s);
    const ctx = { model } as unknown as Ctx;
    for (const id of model.incidents.keys()) expect(needsOf(ix, id), id).toEqual(engineNeeds(ctx, id));
  });
});
