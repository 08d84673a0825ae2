// A participant's scenario holds no expected answers, no rubric, and no words of an inject that has
// not reached it: checked by searching its JSON for the full scenario's own strings.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, type Exercise } from '../../src/core/index.ts';
import { applyReveal, REDACTED, revealsFor, scenarioFor, type Viewer } from '../../src/protocol/index.ts';
import type { Inject, Scenario, Text } from '../../src/scenario/index.ts';
import { haicheng, playHaicheng } from './drill.ts';
import { MIN } from '../core/test-drill.ts';

const texts = (...xs: (Text | undefined)[]): string[] => xs.flatMap((x) => (x ? [x.zh, ...(x.en ? [x.en] : [])] : []));
const injectWords = (x: Inject) => [...texts(x.title, x.narrative, x.question, x.media?.caption), ...(x.media ? [x.media.file] : [])];
/** The full scenario without the words a participant's copy holds back (of its injects alone, or of its decisions too). */
function rest(full: Scenario, decisionsToo = true): string {
  const copy = structuredClone(full);
  for (const x of copy.injects) for (const k of ['title', 'narrative', 'question', 'expected', 'media'] as const) delete x[k];
  if (decisionsToo) for (const d of copy.decisions) {
    const { prompt: _p, rubric: _r, planClause: _c, ...kept } = d;
    Object.assign(d, { prompt: null, rubric: null, planClause: null }, { options: kept.options.map((o) => ({ ...o, label: null })) });
  }
  return JSON.stringify(copy);
}
/** Strings the rest of the scenario also has would be found anyway: leave those out of the search. */
const onlyIn = (restJson: string, strings: string[]): string[] => strings.filter((s) => !restJson.includes(JSON.stringify(s).slice(1, -1)));
const found = (json: string, strings: string[]) => strings.filter((s) => json.includes(JSON.stringify(s).slice(1, -1)));

describe("a participant's scenario", () => {
  let full: Scenario;
  let fullJson: string;
  let restJson: string;
  beforeAll(() => {
    full = haicheng();
    fullJson = JSON.stringify(full);
    restJson = rest(full);
  });

  for (const viewer of [{ role: 'seat', seat: 'ema' }, { role: 'observer', seat: 'observer-1' }] satisfies Viewer[]) {
    it(`${viewer.role}: at the start, no answers, no rubric, no inject's words, no plan clause`, () => {
      const json = JSON.stringify(scenarioFor(full, viewer));
      const expectedAnswers = onlyIn(restJson, full.injects.flatMap((x) => texts(x.expected)));
      const because = onlyIn(restJson, full.decisions.flatMap((d) => d.rubric.flatMap((l) => texts(l.because))));
      const words = onlyIn(restJson, full.injects.flatMap(injectWords));
      const clauses = onlyIn(restJson, full.decisions.map((d) => d.planClause));
      // The search has something to find: Haicheng writes all of these.
      expect([expectedAnswers.length, because.length, words.length, clauses.length].every((n) => n > 20)).toBe(true);
      expect(found(json, expectedAnswers)).toEqual([]);
      expect(found(json, because)).toEqual([]);
      expect(found(json, words)).toEqual([]);
      expect(found(json, clauses)).toEqual([]);
      const copy = scenarioFor(full, viewer);
      expect(copy.decisions.every((d) => d.rubric.length === 0 && d.expected.options === undefined && d.expected.allocations === undefined)).toBe(true);
      expect(copy.injects.every((x) => x.expected === undefined && x.title.zh === REDACTED)).toBe(true);
    });
  }

  it("a seat reads its own decisions' prompts and options, not another seat's", () => {
    const copy = scenarioFor(full, { role: 'seat', seat: 'ema' });
    const d02 = copy.decisions.find((d) => d.id === 'd02-notify')!; // ema's
    const d01 = copy.decisions.find((d) => d.id === 'd01-level')!; // the HQ's
    expect(d02.prompt).toEqual(full.decisions.find((d) => d.id === 'd02-notify')!.prompt);
    expect(d02.options.map((o) => o.label.zh)).not.toContain(REDACTED);
    expect(d01.prompt.zh).toBe(REDACTED);
    expect(d01.options.every((o) => o.label.zh === REDACTED)).toBe(true);
    // What the fold needs stays: the options' effects, what happens on expiry.
    const fullD01 = full.decisions.find((d) => d.id === 'd01-level')!;
    expect(d01.options.map((o) => o.effects)).toEqual(fullD01.options.map((o) => o.effects));
    expect(d01.expected.onExpiry).toEqual(fullD01.expected.onExpiry);
  });

  it('leaves the full scenario as it was (a copy), and control gets it whole', () => {
    scenarioFor(full, { role: 'seat', seat: 'ema' });
    expect(JSON.stringify(full)).toBe(fullJson);
    for (const role of ['commander', 'facilitator', 'controller', 'evaluator'] as const) expect(scenarioFor(full, { role, seat: role })).toBe(full);
  });

  it('a reveal puts the words back into the objects the client\'s model already holds', () => {
    const held = scenarioFor(full, { role: 'seat', seat: 'ema' });
    const model = buildModel(held);
    const i01 = full.injects.find((x) => x.id === 'i01-quake-report')!;
    applyReveal(held, { kind: 'inject', inject: { ...i01, expected: undefined } });
    expect(model.injects.get('i01-quake-report')!.title).toEqual(i01.title);
    expect(model.injects.get('i01-quake-report')!.question).toEqual(i01.question);
    expect(model.injects.get('i02-intensity')!.title.zh).toBe(REDACTED);
  });

  describe('twenty minutes in, with the reveals applied', () => {
    let ex: Exercise;
    beforeAll(() => {
      ex = playHaicheng(20 * MIN);
    });

    it("ema holds the words of the injects that reached it, and none of the others'", () => {
      // Closed decisions were revealed by now, their prompts with them: search for inject words no prompt has.
      const restJson = rest(full, false);
      const viewer: Viewer = { role: 'seat', seat: 'ema' };
      const held = scenarioFor(full, viewer);
      for (const r of revealsFor(ex.model, ex.world, viewer, new Set())) applyReveal(held, r);
      const json = JSON.stringify(held);
      // By hand: node 1 (20 min) and the opening of node 2 delivered; i09 went to the HQ alone (the
      // facilitator's edit), i05, i06 and i08 never to ema.
      const ids = ['i01-quake-report', 'i02-intensity', 'i03-first-damage', 'i04-substation-trip', 'i07-city-felt', 'i10-hq-meeting'];
      expect(full.injects.filter((x) => ex.world.injects[x.id]!.status === 'delivered').map((x) => x.id)).toEqual([...ids.slice(0, 4), 'i05-hospital-backup', 'i06-rumour-m7', 'i07-city-felt', 'i08-county-zero-report', 'i09-province-chase', 'i10-hq-meeting']);
      const reached = full.injects.filter((x) => ids.includes(x.id));
      const notReached = full.injects.filter((x) => !ids.includes(x.id));
      expect(found(json, onlyIn(restJson, reached.flatMap(injectWords))).length).toBe(onlyIn(restJson, reached.flatMap(injectWords)).length);
      // A short question (如何处置？) may stand inside the words of one that reached it.
      const readThere = reached.flatMap(injectWords);
      const unread = onlyIn(restJson, notReached.flatMap(injectWords)).filter((w) => !readThere.some((r) => r.includes(w)));
      expect(unread.length).toBeGreaterThan(100);
      expect(found(json, unread)).toEqual([]);
      // Even reached, what the plan expects of it stays with control.
      expect(found(json, onlyIn(restJson, full.injects.flatMap((x) => texts(x.expected))))).toEqual([]);
    });
  });
});
