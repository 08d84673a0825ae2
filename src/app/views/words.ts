// The drill's words in the interface language: seats, levels, modes, bot policies, ratings, and a
// log entry in one line. Scenario names go through pick(); everything else through the dictionary.
import { html } from 'lit-html';
import { POLICIES, type AnsweredBy, type Answer, type DrillEvent, type Level, type Mode, type Model, type Policy, type World } from '../../core/index.ts';
import type { Decision } from '../../scenario/index.ts';
import type { Rating } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER } from '../store.ts';
import { LEVEL_NUMERAL, isFacilitator, placeText, seatInfo, teamText } from './drill-data.ts';

export { POLICIES };

export function seatName(lang: Lang, model: Model, id: string): string {
  if (isFacilitator(id)) return t(lang, 'console.actor.facilitator');
  if (id === EVALUATOR) return t(lang, 'console.seats.evaluator');
  if (id === OBSERVER) return t(lang, 'console.seats.observer');
  const info = seatInfo(model.scenario, id);
  return info ? pick(lang, info.name) : id;
}

export const seatKindLabel = (lang: Lang, kind: 'hq' | 'group' | 'unit' | 'county') => t(lang, `console.seatKind.${kind}`);

/** A response level in words; 'none' after a level was set is an ended response (已终止), not one never activated. */
export const levelLabel = (lang: Lang, level: Level, ended = false) =>
  level === 'none' ? t(lang, ended ? 'flow.level.ended' : 'console.level.none') : t(lang, 'console.level.value', { n: LEVEL_NUMERAL[level] });

/** The drill's response level now: 未启动 before any level was set, 已终止 once it was lowered to none. */
export const worldLevelLabel = (lang: Lang, world: Pick<World, 'level' | 'levelChanges'>) => levelLabel(lang, world.level, world.levelChanges.length > 0);

/** Who gave a decision's answer: the seat itself, a bot (by its policy), or the facilitator on the seat's behalf. */
export function answeredByText(lang: Lang, by: AnsweredBy | null | undefined): string {
  if (!by || by.kind === 'seat') return t(lang, 'scores.by.seat');
  return by.kind === 'bot' ? policyLabel(lang, by.policy) : t(lang, 'scores.by.facilitator');
}

/** The 暂定 mark of a score still unfolding; `horizonMs` says when it will be judged. */
export function provisionalMark(lang: Lang, horizonMs: number | null = null) {
  const title = horizonMs === null ? t(lang, 'scores.provisionalSoon') : t(lang, 'scores.provisionalTitle', { horizon: scenarioTime(horizonMs) });
  return html`<span class="tag provisional" title=${title}>${t(lang, 'scores.provisional')}</span>`;
}

/** What an overall score rests on: "基于 12 项决策，其中 3 项暂定，5 项由机器人作答". */
export function restsOnText(lang: Lang, n: number, provisional: number, bots: number): string {
  const key = n === 1 ? (provisional > 0 ? 'scores.restsOnOne' : 'scores.restsOnOneFinal') : provisional > 0 ? 'scores.restsOn' : 'scores.restsOnFinal';
  return t(lang, key, { n, p: provisional }) + (bots ? t(lang, 'scores.restsOnBots', { b: bots }) : '');
}

export const modeLabel = (lang: Lang, mode: Mode) => t(lang, `console.mode.${mode}`);

export const policyLabel = (lang: Lang, policy: Policy | undefined) => (policy ? t(lang, `console.policy.${policy}`) : t(lang, 'console.policy.human'));

export const ratingLabel = (lang: Lang, rating: Rating | null) => (rating ? t(lang, `console.rating.${rating}`) : t(lang, 'console.score.none'));

export const placeName = (lang: Lang, model: Model, id: string) => {
  const text = placeText(model, id);
  return text ? pick(lang, text) : id;
};

export const teamName = (lang: Lang, model: Model, type: string) => {
  const text = teamText(model, type);
  return text ? pick(lang, text) : type;
};

export const injectTitle = (lang: Lang, model: Model, id: string) => {
  const x = model.injects.get(id);
  return x ? pick(lang, x.title) : id;
};

export const decisionPrompt = (lang: Lang, model: Model, id: string) => {
  const d = model.decisions.get(id);
  return d ? pick(lang, d.prompt) : id;
};

/** The plan's expected answer (shown only once the decision is scored). */
export const expectedOf = (d: Decision): Answer =>
  d.kind === 'allocation' ? { allocations: d.expected.allocations ?? [] } : d.kind === 'acknowledge' ? {} : { options: d.expected.options ?? [] };

/** An answer in words: the option labels, "team → place" per allocation, or "acknowledged". */
export function answerText(lang: Lang, model: Model, d: Decision | undefined, answer: Answer): string {
  const sep = t(lang, 'org.listSeparator');
  const parts = [
    ...(answer.options ?? []).map((o) => {
      const option = d?.options.find((x) => x.id === o);
      return option ? pick(lang, option.label) : o;
    }),
    ...(answer.allocations ?? []).map((a) => t(lang, 'console.card.allocationValue', { team: teamName(lang, model, a.team), place: placeName(lang, model, a.to) })),
  ];
  if (parts.length > 0) return parts.join(sep);
  return d?.kind === 'acknowledge' ? t(lang, 'console.card.acknowledged') : t(lang, 'console.card.nothingChosen');
}

/** A log entry's event in one line, e.g. "注入：岔沟镇民房倒塌" or "决策：…：立即派出". */
export function describeEvent(lang: Lang, model: Model, event: DrillEvent): string {
  switch (event.type) {
    case 'brief':
    case 'start':
    case 'pause':
    case 'resume':
    case 'next-node':
    case 'end':
      return t(lang, `console.event.${event.type}`);
    case 'fire-inject':
      return t(lang, 'console.event.fire-inject', { inject: injectTitle(lang, model, event.inject) });
    case 'extend-deadline':
      return t(lang, 'console.event.extend-deadline', { decision: decisionPrompt(lang, model, event.decision), minutes: Math.round(event.byMs / 60_000) });
    case 'assign-seat':
      return event.policy
        ? t(lang, 'console.event.assign-seat', { seat: seatName(lang, model, event.seat), policy: policyLabel(lang, event.policy) })
        : t(lang, 'console.event.release-seat', { seat: seatName(lang, model, event.seat) });
    case 'answer': {
      const d = model.decisions.get(event.decision);
      return t(lang, 'console.event.answer', { decision: decisionPrompt(lang, model, event.decision), answer: answerText(lang, model, d, event) });
    }
    case 'order':
      return t(lang, 'console.event.order', { to: seatName(lang, model, event.to), what: event.effect.do });
    case 'report':
      return t(lang, 'console.event.report', { to: seatName(lang, model, event.to), text: event.text });
    case 'set-level':
      return t(lang, 'console.event.set-level', { level: levelLabel(lang, event.level, true) });
    default:
      return String((event as { type?: unknown }).type);
  }
}

const DECISION_STATUS = new Set(['pending', 'answered', 'expired', 'scored']);
const MODES = new Set(['setup', 'briefing', 'running', 'paused', 'debrief']);
const FLOW = new Set(['brief', 'start', 'pause', 'resume', 'next-node', 'end']);

/**
 * A refusal of the authority in the interface language. The engine words its reasons in English
 * (they are recorded in the log as they are); the ones a click can cause are said in words here,
 * anything else is shown as recorded.
 */
export function reasonText(lang: Lang, model: Model, reason: string): string {
  let m: RegExpExecArray | null;
  if (reason === 'choose exactly one option') return t(lang, 'console.reason.chooseOne');
  if (reason === 'choose at least one option') return t(lang, 'console.reason.chooseSome');
  if (reason === 'allocate at least one team') return t(lang, 'console.reason.allocateSome');
  if (reason === 'choose each option at most once') return t(lang, 'flow.reason.optionOnce');
  if (reason === 'only the facilitator (导调) controls the drill') return t(lang, 'flow.reason.facilitatorOnly');
  if (reason === 'the response level is set by the HQ or the county HQ that leads it') return t(lang, 'flow.reason.levelBy');
  if (reason === 'a member unit cannot order other units; report to your working group or the HQ') return t(lang, 'flow.reason.unitOrder');
  if ((m = /^(\d+) × ([\w-]+) allocated, but there are only (\d+)$/.exec(reason))) return t(lang, 'flow.reason.tooManyTeams', { n: m[1]!, team: teamName(lang, model, m[2]!), has: m[3]! });
  if ((m = /^'([\w-]+)' is an outcome, not an order\b/.exec(reason))) return t(lang, 'flow.reason.outcome', { what: m[1]! });
  if ((m = /^decision '([^']+)' has no option '([^']*)'$/.exec(reason))) return t(lang, 'flow.reason.noOption', { decision: decisionPrompt(lang, model, m[1]!) });
  if ((m = /^([\w-]+) → ([\w-]+) is not an allocation this decision offers$/.exec(reason))) return t(lang, 'flow.reason.badAllocation', { team: teamName(lang, model, m[1]!), place: placeName(lang, model, m[2]!) });
  if ((m = /^the drill is not under way \((\w+)\)$/.exec(reason)) && MODES.has(m[1]!)) return t(lang, 'console.reason.notUnderWay', { mode: modeLabel(lang, m[1] as Mode) });
  if ((m = /^cannot ([\w-]+) while ([\w.]+)$/.exec(reason)) && FLOW.has(m[1]!)) {
    const mode = m[2]!.split('.')[0]!;
    const what = t(lang, `console.event.${m[1] as 'start'}`);
    // Running or paused, the only node next-node cannot leave is the last one.
    if (m[1] === 'next-node' && (mode === 'running' || mode === 'paused')) return t(lang, 'console.reason.lastNode');
    return t(lang, 'console.reason.cannot', { what, mode: MODES.has(mode) ? modeLabel(lang, mode as Mode) : m[2]! });
  }
  if ((m = /^decision '([^']+)' is not open(?: \((\w+)\))?$/.exec(reason))) {
    const status = m[2] && DECISION_STATUS.has(m[2]) ? t(lang, `console.decisionStatus.${m[2] as 'scored'}`) : '';
    return t(lang, 'console.reason.notOpen', { decision: decisionPrompt(lang, model, m[1]!), status });
  }
  if ((m = /^decision '([^']+)' belongs to ([\w-]+), not ([\w-]+)$/.exec(reason))) return t(lang, 'console.reason.notYours', { owner: seatName(lang, model, m[2]!) });
  if ((m = /^inject '([^']+)' was already delivered$/.exec(reason))) return t(lang, 'console.reason.delivered', { inject: injectTitle(lang, model, m[1]!) });
  return reason;
}
