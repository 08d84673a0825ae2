// Correctness: the rubric lines an answer matches, as a share of what the plan's own answer earns.
import type { Answer } from '../core/index.ts';
import { kindOf } from '../scenario/decision-kinds.ts';
import type { Decision } from '../scenario/schema.ts';
import type { RubricMatch } from './types.ts';

type Line = Decision['rubric'][number];

/** The answer the plan expects, in the shape a seat sends (the same as the plan bot's). */
export const expectedAnswer = (d: Decision): Answer => kindOf(d).planned(d);

export function describeWhen(when: Line['when']): string {
  if ('chose' in when) return `chose ${when.chose}`;
  if ('notChose' in when) return `did not choose ${when.notChose}`;
  if ('allocated' in when) return `allocated ${when.allocated.team} → ${when.allocated.to}`;
  return 'acknowledged';
}

/** Whether a rubric line's condition holds for an answer that was given. */
export function lineMatches(when: Line['when'], answer: Answer): boolean {
  if ('chose' in when) return answer.options?.includes(when.chose) ?? false;
  if ('notChose' in when) return !(answer.options?.includes(when.notChose) ?? false);
  if ('allocated' in when) return answer.allocations?.some((a) => a.team === when.allocated.team && a.to === when.allocated.to) ?? false;
  return true;
}

export function matchedLines(d: Decision, answer: Answer): RubricMatch[] {
  return d.rubric.flatMap((l, line) => (lineMatches(l.when, answer) ? [{ line, points: l.points, when: describeWhen(l.when), because: l.because }] : []));
}

const pointsOf = (d: Decision, answer: Answer) => matchedLines(d, answer).reduce((a, m) => a + m.points, 0);

/**
 * The most an answer can earn: what the plan's expected answer earns. When that is nothing (no
 * expected answer, or it earns ≤ 0), the best possible instead: the best single option of a
 * single-choice decision, otherwise the sum of the positive lines.
 */
export function maxPoints(d: Decision): { points: number; from: 'expected' | 'positive-lines' } {
  let max = maxOf.get(d);
  if (!max) maxOf.set(d, (max = findMax(d)));
  return max;
}

/** A decision's maximum depends on it alone: found once per decision (scenarios are never changed once loaded). */
const maxOf = new WeakMap<Decision, { points: number; from: 'expected' | 'positive-lines' }>();

function findMax(d: Decision): { points: number; from: 'expected' | 'positive-lines' } {
  const expected = pointsOf(d, expectedAnswer(d));
  if (expected > 0) return { points: expected, from: 'expected' };
  const positive =
    d.kind === 'single' && d.options.length > 0
      ? Math.max(0, ...d.options.map((o) => pointsOf(d, { options: [o.id] })))
      : d.rubric.reduce((a, l) => a + Math.max(0, l.points), 0);
  return { points: positive, from: 'positive-lines' };
}

export interface Correctness {
  /** 0..1, or null while a report waits for the evaluator's ticks (pending evaluation). */
  value: number | null;
  matched: RubricMatch[];
  points: number;
  max: number;
  maxFrom: 'expected' | 'positive-lines';
  /** The kind's own measure in words (number, ranking, report); absent for rubric-scored kinds. */
  measure?: string;
  /** A report's points the evaluator ticked. */
  ticked?: readonly string[];
}

/**
 * Correctness by the decision's kind (src/core/decision-kinds.ts): rubric-scored kinds earn their
 * matched lines' points over the maximum, clamped to [0, 1] (a rubric with nothing to earn gives 1
 * to any answer); number, ranking and report by their own measure — a report by the evaluator's
 * `ticked` points, pending while there are none.
 */
export function correctnessOf(d: Decision, answer: Answer, ticked?: readonly string[]): Correctness {
  const measure = kindOf(d).measure;
  if (measure !== 'rubric') {
    const m = measure(d, answer, ticked);
    if ('pending' in m) return { value: null, matched: [], points: 0, max: 0, maxFrom: 'expected', measure: m.why };
    return { value: m.value, matched: [], points: 0, max: 0, maxFrom: 'expected', measure: m.why, ...(m.ticked ? { ticked: m.ticked } : {}) };
  }
  const matched = matchedLines(d, answer);
  const points = matched.reduce((a, m) => a + m.points, 0);
  const max = maxPoints(d);
  const value = max.points > 0 ? Math.min(1, Math.max(0, points / max.points)) : 1;
  return { value, matched, points, max: max.points, maxFrom: max.from };
}
