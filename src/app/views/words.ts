// The drill's words in the interface language: seats, levels, modes, bot policies, ratings, and a
// log entry in one line. Scenario names go through pick(); everything else through the dictionary.
import type { Answer, DrillEvent, Level, Mode, Model, Policy } from '../../core/index.ts';
import type { Decision } from '../../scenario/index.ts';
import type { Rating } from '../../scoring/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER } from '../store.ts';
import { LEVEL_NUMERAL, isFacilitator, placeText, seatInfo, teamText } from './drill-data.ts';

export const POLICIES: readonly Policy[] = ['plan', 'late', 'random', 'idle'];

export function seatName(lang: Lang, model: Model, id: string): string {
  if (isFacilitator(id)) return t(lang, 'console.actor.facilitator');
  if (id === EVALUATOR) return t(lang, 'console.seats.evaluator');
  if (id === OBSERVER) return t(lang, 'console.seats.observer');
  const info = seatInfo(model.scenario, id);
  return info ? pick(lang, info.name) : id;
}

export const seatKindLabel = (lang: Lang, kind: 'hq' | 'group' | 'unit' | 'county') => t(lang, `console.seatKind.${kind}`);

export const levelLabel = (lang: Lang, level: Level) =>
  level === 'none' ? t(lang, 'console.level.none') : t(lang, 'console.level.value', { n: LEVEL_NUMERAL[level] });

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
      return t(lang, 'console.event.set-level', { level: levelLabel(lang, event.level) });
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
  if ((m = /^the drill is not under way \((\w+)\)$/.exec(reason)) && MODES.has(m[1]!)) return t(lang, 'console.reason.notUnderWay', { mode: modeLabel(lang, m[1] as Mode) });
  if ((m = /^cannot ([\w-]+) while ([\w.]+)$/.exec(reason)) && FLOW.has(m[1]!)) {
    const mode = m[2]!.split('.')[0]!;
    const what = t(lang, `console.event.${m[1] as 'start'}`);
    if (m[1] === 'next-node' && mode === 'running') return t(lang, 'console.reason.lastNode');
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
