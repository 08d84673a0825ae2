// Correctness: the rubric lines an answer matches, as a share of what the plan's own answer earns.
import type { Answer } from '../core/index.ts';
import type { Decision } from '../scenario/schema.ts';
import type { RubricMatch } from './types.ts';

type Line = Decision['rubric'][number];

/** The answer the plan expects, in the shape a seat sends (the same as the plan bot's). */
export function expectedAnswer(d: Decision): Answer {
  if (d.kind === 'allocation') return { allocations: d.expected.allocations ?? [] };
  if (d.kind === 'acknowledge') return {};
  return { options: d.expected.options ?? [] };
}

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

/** Points earned over the maximum, clamped to [0, 1]; a rubric with nothing to earn gives 1 to any answer. */
export function correctnessOf(d: Decision, answer: Answer): { value: number; matched: RubricMatch[]; points: number; max: number; maxFrom: 'expected' | 'positive-lines' } {
  const matched = matchedLines(d, answer);
  const points = matched.reduce((a, m) => a + m.points, 0);
  const max = maxPoints(d);
  const value = max.points > 0 ? Math.min(1, Math.max(0, points / max.points)) : 1;
  return { value, matched, points, max: max.points, maxFrom: max.from };
}
