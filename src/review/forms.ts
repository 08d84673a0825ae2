// Evaluation forms (评估表) per core capability, in the shape of GB/T 46792-2025: Annex B's tabletop
// indicators, Annex C's form (indicator · score · rating · evidence), Annex D's score → 优/良/中/差.
// The annexes' own wording was not available: the five indicators are the dimensions practice uses
// (STANDARDS.md "Scoring dimensions used in practice" [E]), and how each is read off the scores below
// is ours [E] — a FormRating from the evaluators overrides an indicator's rating with its reason.
// The capability's own score is scoring's roll-up (one capability, one score on every page); the
// indicators are its breakdown. A FormRating on the indicator `verdict` overrides the verdict (改评).
import type { LogEntry, Message, World } from '../core/index.ts';
import { kindOf } from '../scenario/decision-kinds.ts';
import type { Decision, Scenario, Text } from '../scenario/index.ts';
import { expectedAnswer, rate, type DecisionScore, type DrillScore, type Rating } from '../scoring/index.ts';
import { actorText } from './names.ts';
import type { FormRating, ReviewRecord } from './record.ts';

export interface Evidence {
  seq: number;
  t: number;
  label: Text;
}

export interface IndicatorRow {
  id: string;
  name: Text;
  /** 0–100, or null when no decision of the capability bears on it (不适用). */
  score: number | null;
  rating: Rating | null;
  evidence: Evidence[];
  override?: FormRating;
}

export interface CapabilityForm {
  capability: string;
  name: Text;
  indicators: IndicatorRow[];
  /** The capability's roll-up score (scores.capabilities), and its verdict (Annex D: by the drill's thresholds, or the evaluators'). */
  score: number | null;
  verdict: Rating | null;
  /** The evaluators' verdict with its reason (改评), when they gave one. */
  verdictOverride?: FormRating;
}

/** The form-rating `indicator` that overrides a capability's verdict rather than one indicator. */
export const VERDICT = 'verdict';

const MESSAGE_KIND: Record<Message['kind'], Text & { en: string }> = {
  order: { zh: '指令', en: 'order' },
  report: { zh: '报告', en: 'report' },
  notify: { zh: '通报', en: 'notice' },
  inject: { zh: '注入', en: 'inject' },
  request: { zh: '请求', en: 'request' },
  coordinate: { zh: '协调', en: 'coordination' },
};

export const INDICATORS = {
  timeliness: { zh: '响应时效', en: 'Timeliness of response' },
  completeness: { zh: '措施完整性', en: 'Completeness of measures' },
  coordination: { zh: '协同性', en: 'Coordination' },
  conformity: { zh: '预案符合性', en: 'Conformity with the plan' },
  reporting: { zh: '信息报送', en: 'Information reporting' },
} as const satisfies Record<string, Text>;
export type IndicatorId = keyof typeof INDICATORS;

/** Effects that hand work to another seat or team: the decisions that show coordination (协同) [E]. */
const HAND_OFFS = new Set(['dispatch', 'activate-group']);

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1((100 * xs.reduce((a, x) => a + x, 0)) / xs.length) : null);

function expectedEffects(d: Decision): Set<string> {
  const chosen = new Set(expectedAnswer(d).options ?? []);
  return new Set(d.options.filter((o) => chosen.has(o.id)).flatMap((o) => o.effects.map((e) => e.do)));
}

const handsOff = (d: Decision) => d.kind === 'allocation' || [...expectedEffects(d)].some((x) => HAND_OFFS.has(x));
const reports = (d: Decision) => d.kind === 'acknowledge' || d.kind === 'report' || expectedEffects(d).has('notify');

/**
 * Share of the plan's expected options or allocations the answer contains; an acknowledgement is all
 * or nothing; a number, ranking or report is as complete as its own measure says (for a report, the
 * share of its points the evaluator ticked) [E].
 */
function completeness(d: Decision, x: DecisionScore): number {
  if (!x.answer) return 0;
  if (kindOf(d).measure !== 'rubric') return x.correctness ?? 0;
  const want = expectedAnswer(d);
  if (d.kind === 'acknowledge') return 1;
  const options = want.options ?? [];
  const allocations = want.allocations ?? [];
  const total = options.length + allocations.length;
  if (!total) return 1;
  const got = options.filter((o) => x.answer!.options.includes(o)).length + allocations.filter((a) => x.answer!.allocations.some((b) => b.team === a.team && b.to === a.to)).length;
  return got / total;
}

function decisionEvidence(x: DecisionScore, tOf: ReadonlyMap<number, number>): Evidence[] {
  // An expired decision has no entry of its own to point at; its row still counts it.
  if (x.answeredSeq === null) return [];
  const total = x.total === null ? '—' : x.total.toFixed(1);
  return [{
    seq: x.answeredSeq,
    t: tOf.get(x.answeredSeq) ?? 0,
    label: { zh: `“${x.prompt.zh}”已决策，得分 ${total}`, en: `“${x.prompt.en ?? x.prompt.zh}” answered, total ${total}` },
  }];
}

function messageEvidence(scenario: Scenario, m: Message, tOf: ReadonlyMap<number, number>): Evidence {
  const what = m.text ?? m.effect ?? '';
  const [from, to] = [actorText(scenario, m.from), actorText(scenario, m.to)];
  return {
    seq: m.seq,
    t: tOf.get(m.seq) ?? 0,
    label: { zh: `${from.zh} → ${to.zh}（${MESSAGE_KIND[m.kind].zh}）${what}`, en: `${from.en ?? from.zh} → ${to.en ?? to.zh} (${MESSAGE_KIND[m.kind].en}) ${what}` },
  };
}

export function evaluationForms(scenario: Scenario, world: Readonly<World>, log: readonly LogEntry[], scores: DrillScore, record: ReviewRecord): CapabilityForm[] {
  const tOf = new Map(log.map((e) => [e.seq, e.t]));
  const byId = new Map(scenario.decisions.map((d) => [d.id, d]));
  return scenario.scoring.capabilities.map((cap) => {
    const counted = Object.values(scores.decisions).filter((x) => x.capability === cap.id && x.applicable);
    const owners = new Set(counted.map((x) => x.owner));
    const def = (x: DecisionScore) => byId.get(x.id)!;
    const evidenceOf = (xs: DecisionScore[]) => xs.flatMap((x) => decisionEvidence(x, tOf));
    const sent = (kinds: readonly Message['kind'][]) => world.messages.filter((m) => owners.has(m.from) && kinds.includes(m.kind)).map((m) => messageEvidence(scenario, m, tOf));
    const handOffs = counted.filter((x) => handsOff(def(x)));
    const reporting = counted.filter((x) => reports(def(x)));
    const raw: Record<IndicatorId, { score: number | null; evidence: Evidence[] }> = {
      timeliness: { score: mean(counted.map((x) => x.timeliness!)), evidence: evidenceOf(counted) },
      completeness: { score: mean(counted.map((x) => completeness(def(x), x))), evidence: evidenceOf(counted) },
      // Correct hand-offs: how right the decisions that send teams or open groups were [E].
      coordination: { score: mean(handOffs.map((x) => x.correctness!)), evidence: [...evidenceOf(handOffs), ...sent(['order', 'coordinate'])] },
      conformity: { score: mean(counted.map((x) => x.correctness!)), evidence: evidenceOf(counted) },
      // On time and accurate: the mean of timeliness and correctness of the report and notify decisions [E].
      reporting: { score: mean(reporting.map((x) => (x.correctness! + x.timeliness!) / 2)), evidence: [...evidenceOf(reporting), ...sent(['report', 'request'])] },
    };
    const notes: Evidence[] = record.notes
      .filter((n) => n.capability === cap.id)
      .map((n) => {
        const author = actorText(scenario, n.author);
        return { seq: n.seq, t: n.t, label: { zh: `${author.zh}记录：${n.text}`, en: `Note by ${author.en ?? author.zh}: ${n.text}` } };
      });
    const indicators = (Object.keys(INDICATORS) as IndicatorId[]).map((id): IndicatorRow => {
      const { score, evidence } = raw[id];
      const override = record.formRatings.findLast((r) => r.capability === cap.id && r.indicator === id);
      const all = [...evidence, ...notes].sort((a, b) => a.seq - b.seq);
      return {
        id,
        name: INDICATORS[id],
        score,
        rating: override?.rating ?? (score === null ? null : rate(score, scenario.scoring.ratings)),
        evidence: all,
        ...(override ? { override } : {}),
      };
    });
    const score = scores.capabilities[cap.id]?.score ?? null;
    const verdictOverride = record.formRatings.findLast((r) => r.capability === cap.id && r.indicator === VERDICT);
    return {
      capability: cap.id,
      name: cap.name,
      indicators,
      score,
      verdict: verdictOverride?.rating ?? (score === null ? null : rate(score, scenario.scoring.ratings)),
      ...(verdictOverride ? { verdictOverride } : {}),
    };
  });
}
