// The drill's words in the interface language: seats, levels, modes, bot policies, ratings, and a
// log entry in one line. Scenario names go through pick(); everything else through the dictionary.
import { html } from 'lit-html';
import { POLICIES, type AnsweredBy, type Answer, type CommandType, type DrillEvent, type Level, type Mode, type Model, type Policy, type World } from '../../core/index.ts';
import type { Decision, Effect } from '../../scenario/index.ts';
import { EFFECT_KINDS } from '../../scenario/effect.ts';
import { kindOf } from '../../scenario/decision-kinds.ts';
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

/** A rating as Chinese practice names it (优/良/中/差); HSEEP's P/S/M/U is left to the English AAR. */
export const ratingLabel = (lang: Lang, rating: Rating | null) => (rating ? t(lang, `working.rating.${rating}`) : t(lang, 'console.score.none'));

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

/** The plan's expected answer (shown only once the decision is scored): the plan bot's, per kind (core/decision-kinds.ts). */
export const expectedOf = (d: Decision): Answer => kindOf(d).planned(d);

/** An answer's parts in words: each option's label, "team → place" per allocation, the number with its unit, the order numbered, the report. */
export function answerParts(lang: Lang, model: Model, d: Decision | undefined, answer: Answer): string[] {
  const label = (o: string) => {
    const option = d?.options.find((x) => x.id === o);
    return option ? pick(lang, option.label) : o;
  };
  return [
    ...(answer.options ?? []).map(label),
    ...(answer.allocations ?? []).map((a) => t(lang, 'console.card.allocationValue', { team: teamName(lang, model, a.team), place: placeName(lang, model, a.to) })),
    ...(answer.value !== undefined ? [t(lang, 'console.card.numberValue', { value: answer.value, unit: d?.number ? pick(lang, d.number.unit) : '' }).trim()] : []),
    ...(answer.order ?? []).map((o, i) => t(lang, 'console.card.rankValue', { n: i + 1, item: label(o) })),
    ...(answer.text !== undefined ? [answer.text] : []),
  ];
}

/** An answer in words on one line: the option labels, "team → place" per allocation, or "acknowledged". */
export function answerText(lang: Lang, model: Model, d: Decision | undefined, answer: Answer): string {
  const parts = answerParts(lang, model, d, answer);
  if (parts.length > 0) return parts.join(t(lang, 'org.listSeparator'));
  return d?.kind === 'acknowledge' ? t(lang, 'console.card.acknowledged') : t(lang, 'console.card.nothingChosen');
}

/** Any id of the scenario by its name: a seat, place, team type, inject or decision; the id when none has it. */
export function anyName(lang: Lang, model: Model, id: string): string {
  const text = seatInfo(model.scenario, id)?.name ?? placeText(model, id) ?? teamText(model, id) ?? model.injects.get(id)?.title ?? model.decisions.get(id)?.prompt;
  return text ? pick(lang, text) : id;
}

type EffectVerb = Effect['do'];
const EFFECT_VERBS: ReadonlySet<string> = new Set(EFFECT_KINDS);

/** What an effect of a choice does, in words: "派救援队前往岔沟镇", "响应级别调整为Ⅲ级". */
export function effectText(lang: Lang, model: Model, e: Effect): string {
  const n = (id: string) => anyName(lang, model, id);
  const sep = t(lang, 'org.listSeparator');
  switch (e.do) {
    case 'set-level':
      return t(lang, 'working.effect.set-level', { level: levelLabel(lang, e.level, true) });
    case 'activate-group':
    case 'stand-down-group':
      return t(lang, `working.effect.${e.do}`, { group: n(e.group) });
    case 'dispatch':
      return t(lang, 'working.effect.dispatch', { team: n(e.team), to: n(e.to) });
    case 'contain':
    case 'worsen':
      return t(lang, `working.effect.${e.do}`, { incident: n(e.incident) });
    case 'restore':
    case 'open-shelter':
      return t(lang, `working.effect.${e.do}`, { facility: n(e.facility) });
    case 'evacuate':
      return t(lang, 'working.effect.evacuate', { place: n(e.place) });
    case 'close-route':
    case 'open-route':
      return t(lang, `working.effect.${e.do}`, { route: n(e.route) });
    case 'notify':
      return t(lang, 'working.effect.notify', { to: e.to.map(n).join(sep) });
    case 'fire-inject':
      return t(lang, 'working.effect.fire-inject', { inject: n(e.inject) });
  }
}

/**
 * An expected effect as scoring names it in a consequence basis ("dispatch rescue → chagou",
 * "notify a, b"): a verb of the Effect schema and the ids it acts on, said as effectText says it.
 */
export function effectTokenText(lang: Lang, model: Model, token: string): string {
  const [verb = '', ...rest] = token.split(' ');
  const ids = rest.filter((x) => x !== '→').map((x) => x.replace(/,$/, ''));
  if (!EFFECT_VERBS.has(verb)) return token;
  const a = ids[0] ?? '';
  const by: Record<EffectVerb, Effect> = {
    'set-level': { do: 'set-level', level: a as Level },
    'activate-group': { do: 'activate-group', group: a },
    'stand-down-group': { do: 'stand-down-group', group: a },
    dispatch: { do: 'dispatch', team: a, to: ids[1] ?? '', count: 1 },
    contain: { do: 'contain', incident: a },
    worsen: { do: 'worsen', incident: a, by: 1 },
    restore: { do: 'restore', facility: a },
    'open-shelter': { do: 'open-shelter', facility: a },
    evacuate: { do: 'evacuate', place: a, people: 0 },
    'close-route': { do: 'close-route', route: a },
    'open-route': { do: 'open-route', route: a },
    notify: { do: 'notify', to: ids },
    'fire-inject': { do: 'fire-inject', inject: a },
  } as Record<EffectVerb, Effect>;
  return effectText(lang, model, by[verb as EffectVerb]);
}

/** What describeEvent knows besides the event: the language, the scenario, and whether answers may be said. */
interface EventContext {
  lang: Lang;
  model: Model;
  answers: boolean;
}
type EventOf<T extends CommandType> = Extract<DrillEvent, { type: T }>;

/** Free text (an order's, a report's, a reason) cut to one line's worth for the log and the status line. */
const SHORT_TEXT = 60;
const shortText = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SHORT_TEXT ? `${line.slice(0, SHORT_TEXT - 1)}…` : line;
};
const seatList = ({ lang, model }: EventContext, seats: readonly string[]) => seats.map((s) => seatName(lang, model, s)).join(t(lang, 'org.listSeparator'));
const flowWords = ({ lang }: EventContext, e: { type: 'brief' | 'start' | 'pause' | 'resume' | 'next-node' | 'end' }) => t(lang, `console.event.${e.type}`);

/** Each command's words in the log and the status line: a new command does not compile until it has them. */
const EVENT_WORDS: { [T in CommandType]: (c: EventContext, event: EventOf<T>) => string } = {
  brief: flowWords,
  start: flowWords,
  pause: flowWords,
  resume: flowWords,
  'next-node': flowWords,
  end: flowWords,
  'fire-inject': ({ lang, model }, e) => t(lang, e.edit ? 'facilitator.event.fire-inject-edited' : 'console.event.fire-inject', { inject: injectTitle(lang, model, e.inject) }),
  'live-inject': (c, e) => t(c.lang, 'facilitator.event.live-inject', { title: shortText(e.title), to: seatList(c, e.to) }),
  'extend-deadline': ({ lang, model }, e) => t(lang, 'console.event.extend-deadline', { decision: decisionPrompt(lang, model, e.decision), minutes: Math.round(e.byMs / 60_000) }),
  'void-decision': ({ lang, model }, e) =>
    e.reason
      ? t(lang, 'facilitator.event.void-decision-because', { decision: decisionPrompt(lang, model, e.decision), reason: shortText(e.reason) })
      : t(lang, 'facilitator.event.void-decision', { decision: decisionPrompt(lang, model, e.decision) }),
  'reopen-decision': ({ lang, model }, e) => t(lang, 'facilitator.event.reopen-decision', { decision: decisionPrompt(lang, model, e.decision), minutes: Math.round(e.byMs / 60_000) }),
  'assign-seat': ({ lang, model }, e) =>
    e.policy
      ? t(lang, 'console.event.assign-seat', { seat: seatName(lang, model, e.seat), policy: policyLabel(lang, e.policy) })
      : t(lang, 'console.event.release-seat', { seat: seatName(lang, model, e.seat) }),
  'assign-seats': ({ lang }, e) =>
    e.policy ? t(lang, 'facilitator.event.assign-seats', { n: e.seats.length, policy: policyLabel(lang, e.policy) }) : t(lang, 'facilitator.event.release-seats', { n: e.seats.length }),
  'set-visibility': ({ lang }, e) => {
    const shown = (on: boolean) => t(lang, on ? 'facilitator.event.shown' : 'facilitator.event.hidden');
    return t(lang, 'facilitator.event.set-visibility', { scores: shown(e.scores), answers: shown(e.answers) });
  },
  answer: ({ lang, model, answers }, e) => {
    const answer = answers ? answerText(lang, model, model.decisions.get(e.decision), e) : t(lang, 'access.big.answered');
    return t(lang, 'console.event.answer', { decision: decisionPrompt(lang, model, e.decision), answer });
  },
  order: ({ lang, model }, e) => {
    const what = [e.effect && effectText(lang, model, e.effect as Effect), e.text && shortText(e.text)].filter(Boolean).join(t(lang, 'working.effectSeparator'));
    return t(lang, 'console.event.order', { to: seatName(lang, model, e.to), what });
  },
  report: ({ lang, model }, e) => t(lang, `console.event.${e.kind ?? 'report'}`, { to: seatName(lang, model, e.to), text: shortText(e.text) }),
  hq: ({ lang }, e) => t(lang, `seat.hq.${e.move}`),
  'set-level': ({ lang }, e) => t(lang, 'console.event.set-level', { level: levelLabel(lang, e.level, true) }),
  plot: ({ lang }, e) => {
    const kind = t(lang, `map.plot.kind.${e.mark.kind}`);
    const audience = t(lang, `map.plot.audience.${e.audience}`);
    return e.mark.text
      ? t(lang, 'map.plot.event.plotText', { kind, text: shortText(e.mark.text), audience })
      : t(lang, 'map.plot.event.plot', { kind, audience });
  },
  unplot: ({ lang }, e) => t(lang, 'map.plot.event.unplot', { n: e.mark }),
};

/**
 * A log entry's event in one line, e.g. "注入“岔沟镇民房倒塌”" or "决策“…”：立即派出". With
 * `answers: false` (the big screen, shown to the whole room) an answer says only that it was given.
 */
export function describeEvent(lang: Lang, model: Model, event: DrillEvent, opts: { answers?: boolean } = {}): string {
  // The log keeps refused input as it came, a command of no known type included: it is named as sent.
  const type = (event as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_WORDS, type)) return String(type).slice(0, 40);
  const words = EVENT_WORDS[type as CommandType] as (c: EventContext, e: DrillEvent) => string;
  return words({ lang, model, answers: opts.answers !== false }, event);
}

const DECISION_STATUS = new Set(['pending', 'answered', 'expired', 'scored', 'voided']);
const MODES = new Set(['setup', 'briefing', 'running', 'paused', 'debrief']);
const FLOW = new Set(['brief', 'start', 'pause', 'resume', 'next-node', 'end']);

/**
 * A refusal of the authority in the interface language. The engine words its reasons in English
 * (they are recorded in the log as they are); the ones a click can cause are said in words here.
 * Anything else is shown as recorded in English, and as a plain "not allowed by the drill's rules"
 * in Chinese (the log keeps the engine's words for the evaluators).
 */
export function reasonText(lang: Lang, model: Model, reason: string): string {
  let m: RegExpExecArray | null;
  if (reason === 'choose exactly one option') return t(lang, 'console.reason.chooseOne');
  if (reason === 'choose at least one option') return t(lang, 'console.reason.chooseSome');
  if (reason === 'allocate at least one team') return t(lang, 'console.reason.allocateSome');
  if (reason === 'write the report') return t(lang, 'console.reason.writeReport');
  if ((m = /^give a number from (-?[\d.e+-]+) to (-?[\d.e+-]+)$/.exec(reason)) || (m = /^-?[\d.e+-]+ is not between (-?[\d.e+-]+) and (-?[\d.e+-]+)$/.exec(reason))) return t(lang, 'console.reason.numberRange', { min: m[1]!, max: m[2]! });
  if ((m = /^rank each of the (\d+) options exactly once$/.exec(reason))) return t(lang, 'console.reason.rankAll', { n: m[1]! });
  if ((m = /^the report has (\d+) characters; at most (\d+)$/.exec(reason))) return t(lang, 'console.reason.reportTooLong', { n: m[1]!, max: m[2]! });
  if (/^a [a-z]+ decision is not answered with '\w+'$/.test(reason)) return t(lang, 'console.reason.wrongField');
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
  return levelReason(lang, model, reason) ?? decisionReason(lang, model, reason) ?? markReason(lang, model, reason) ?? (lang === 'en' ? reason : t(lang, 'flow.reason.other'));
}

const LEVEL = /^(I|II|III|IV)$/;
const levelWords = (lang: Lang, level: string) => (LEVEL.test(level) ? levelLabel(lang, level as Level) : level);

/** Refusals of set-level and of orders about levels (core/commands.ts). */
function levelReason(lang: Lang, model: Model, reason: string): string | undefined {
  let m: RegExpExecArray | null;
  if (reason === 'only the HQ ends the response') return t(lang, 'flow.reason.endBy');
  if (reason === 'the response level is set with set-level, not by order') return t(lang, 'flow.reason.orderLevel');
  if ((m = /^the plan has no level (\S+)$/.exec(reason))) return t(lang, 'flow.reason.noLevel', { level: levelWords(lang, m[1]!) });
  if ((m = /^level (\S+) is led by the (province|state); the city HQ reports and requests it$/.exec(reason)))
    return t(lang, 'flow.reason.levelAbove', { level: levelWords(lang, m[1]!), lead: t(lang, `flow.reason.lead.${m[2] as 'state'}`) });
  if ((m = /^level (\S+) is led by ([\w-]+), not [\w-]+$/.exec(reason))) return t(lang, 'flow.reason.levelLead', { level: levelWords(lang, m[1]!), lead: seatName(lang, model, m[2]!) });
  if ((m = /^level (\S+) criteria not met: ([\s\S]*) \(M[\d.]+, ≈(\d+) deaths estimated\)$/.exec(reason))) {
    const def = model.scenario.responseLevels.find((l) => l.level === m![1]);
    return t(lang, 'flow.reason.criteria', { level: levelWords(lang, m[1]!), criteria: def ? pick(lang, def.criteria.text) : m[2]!, deaths: m[3]! });
  }
  return undefined;
}

/** Refusals about decisions, seats and places the facilitator's tools can cause. */
function decisionReason(lang: Lang, model: Model, reason: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^decision '([^']+)' is already voided$/.exec(reason))) return t(lang, 'flow.reason.voided', { decision: decisionPrompt(lang, model, m[1]!) });
  if ((m = /^decision '([^']+)' is still open: extend its deadline instead$/.exec(reason))) return t(lang, 'flow.reason.stillOpen', { decision: decisionPrompt(lang, model, m[1]!) });
  if ((m = /^decision '([^']+)' has not opened yet$/.exec(reason))) return t(lang, 'flow.reason.notOpenedYet', { decision: decisionPrompt(lang, model, m[1]!) });
  if ((m = /^the drill is not under way \((\w+)\): a reopened decision could not count down$/.exec(reason)) && MODES.has(m[1]!))
    return t(lang, 'flow.reason.reopenIdle', { mode: modeLabel(lang, m[1] as Mode) });
  if ((m = /^there is no [\w -]+ '([^']*)'$/.exec(reason))) return t(lang, 'flow.reason.noSuch', { id: m[1]! });
  if ((m = /^([\w-]+) is not in ([\w-]+)'s area$/.exec(reason))) return t(lang, 'flow.reason.notInArea', { place: placeName(lang, model, m[1]!), seat: seatName(lang, model, m[2]!) });
  if (/^a team goes to a place or an incident, and '[^']*' is neither$/.test(reason)) return t(lang, 'flow.reason.teamTarget');
  return undefined;
}

/** Refusals of plot and unplot (core/marks.ts). */
function markReason(lang: Lang, model: Model, reason: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^([\w-]+) is a member unit: it reports what it sees/.exec(reason))) return t(lang, 'flow.reason.plotUnit', { seat: seatName(lang, model, m[1]!) });
  if ((m = /^a \w+ mark has exactly (\d+) point/.exec(reason))) return t(lang, 'flow.reason.markPoints', { n: m[1]! });
  if ((m = /^a \w+ mark needs at least (\d+) points$/.exec(reason))) return t(lang, 'flow.reason.markMinPoints', { n: m[1]! });
  if (reason === 'a symbol mark needs a symbol') return t(lang, 'flow.reason.needsSymbol');
  if (/^a \w+ mark has no symbol$/.test(reason)) return t(lang, 'flow.reason.noSymbol');
  if (/^a \w+ needs its text$/.test(reason)) return t(lang, 'flow.reason.needsText');
  if ((m = /^there is no mark #(\d+)$/.exec(reason))) return t(lang, 'flow.reason.noMark', { n: m[1]! });
  if ((m = /^mark #(\d+) was already removed$/.exec(reason))) return t(lang, 'flow.reason.markRemoved', { n: m[1]! });
  if ((m = /^mark #(\d+) was plotted by ([\w-]+): only they or the facilitator remove it$/.exec(reason))) return t(lang, 'flow.reason.markBy', { n: m[1]!, seat: seatName(lang, model, m[2]!) });
  return undefined;
}
