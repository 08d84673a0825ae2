// What a seat sends of its own accord (issue 9 §2, 注入 → 提问 → 决策 → 表达): free orders down the
// hierarchy, optionally carrying one action built from the scenario's names; reports, requests and
// coordination (报告/请示/协调); the response level, for the seat the plan makes its lead, with the
// plan's criteria; and the HQ's own moves. The hierarchy's rules are shown before sending: only the
// recipients the authority's rule allows are offered, and a line says why the others are not.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { COMMANDS, ORDER_EFFECT_RIGHTS, roleOf, type DrillEvent, type HqMove, type Level, type Model, type ReportKind, type World } from '../../core/index.ts';
import { MAX_REPORT_CHARS } from '../../core/events.ts';
import { HQ_MOVES, REPORT_KINDS } from '../../core/world.ts';
import { groupState, guideOf, leadOf, refuseGroupMove, refuseHqMove, refuseLevelMove, refuseOrder, refuseReport } from '../../core/hierarchy.ts';
import type { Effect } from '../../scenario/index.ts';
import { pick, t, type Lang, type MessageKey } from '../i18n.ts';
import type { MessageDraft } from '../store.ts';
import { seatsOf } from './drill-data.ts';
import { levelLabel, placeName, seatName, teamName, worldLevelLabel } from './words.ts';

/** The actions a seat's order may carry (the rest are outcomes: the facilitator's or the simulation's). */
export const ORDER_ACTIONS = ['dispatch', 'evacuate', 'open-shelter', 'close-route', 'notify', 'activate-group', 'stand-down-group'] as const satisfies readonly Effect['do'][];
type OrderAction = (typeof ORDER_ACTIONS)[number];

interface Choice {
  id: string;
  label: string;
}

/** Who is writing, to whom: what a field's choices depend on. */
interface FormCtx {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  from: string;
  to: string;
}

type Fields = MessageDraft['fields'];

/** One control of an action's form: a choice among the scenario's ids, a number, or several seats. */
type Field =
  | { name: string; label: MessageKey; type: 'choice'; choices: (c: FormCtx) => Choice[] }
  | { name: string; label: MessageKey; type: 'number'; max: (c: FormCtx, f: Fields) => number }
  | { name: string; label: MessageKey; type: 'seats'; choices: (c: FormCtx) => Choice[] };

const str = (f: Fields, name: string): string => (typeof f[name] === 'string' ? (f[name] as string) : '');
const list = (f: Fields, name: string): string[] => (Array.isArray(f[name]) ? (f[name] as string[]) : []);
/** A whole number typed in the form, or undefined. */
const whole = (f: Fields, name: string): number | undefined => {
  const n = Number(str(f, name));
  return str(f, name) !== '' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

const named = (lang: Lang, items: Iterable<{ id: string; name: Parameters<typeof pick>[1] }>): Choice[] => [...items].map((x) => ({ id: x.id, label: pick(lang, x.name) }));

/** Teams the recipient may move: its own, or its members' (as the authority's rule has it). */
function teamChoices({ lang, model, to }: FormCtx): Choice[] {
  return [...model.teamTypes.entries()]
    .filter(([, type]) => type.unit === to || (model.membersOf.get(to)?.has(type.unit) ?? false))
    .map(([id]) => ({ id, label: teamName(lang, model, id) }));
}

/** Where a team may go: incidents reported so far, then settlements and facilities. */
function destinationChoices({ lang, model, world }: FormCtx): Choice[] {
  const incidents = Object.entries(world.incidents)
    .filter(([, i]) => i.status !== 'latent')
    .map(([id]) => ({ id, label: placeName(lang, model, id) }));
  return [...incidents, ...named(lang, model.settlements.values()), ...named(lang, model.facilities.values())];
}

/** Settlements to evacuate: a county HQ's own area, else every one. */
function evacuationChoices({ lang, model, from }: FormCtx): Choice[] {
  const all = [...model.settlements.values()];
  return named(lang, model.counties.has(from) ? all.filter((s) => s.county === from) : all);
}

const seatChoices = ({ lang, model, from }: FormCtx): Choice[] =>
  seatsOf(model.scenario)
    .filter((s) => s.id !== from)
    .map((s) => ({ id: s.id, label: pick(lang, s.name) }));

/** Each action's form and the effect it makes (undefined while a field is missing). */
const ACTION_FORMS: { [K in OrderAction]: { fields: readonly Field[]; effect: (f: Fields) => Extract<Effect, { do: K }> | undefined } } = {
  dispatch: {
    fields: [
      { name: 'team', label: 'seat.field.team', type: 'choice', choices: teamChoices },
      { name: 'count', label: 'seat.field.count', type: 'number', max: (c, f) => c.model.teamTypes.get(str(f, 'team'))?.team.count ?? 1 },
      { name: 'to', label: 'seat.field.to', type: 'choice', choices: destinationChoices },
    ],
    effect: (f) => (str(f, 'team') && str(f, 'to') ? { do: 'dispatch', team: str(f, 'team'), to: str(f, 'to'), count: whole(f, 'count') ?? 1 } : undefined),
  },
  evacuate: {
    fields: [
      { name: 'place', label: 'seat.field.place', type: 'choice', choices: evacuationChoices },
      { name: 'people', label: 'seat.field.people', type: 'number', max: (c, f) => c.model.settlements.get(str(f, 'place'))?.population ?? 0 },
    ],
    effect: (f) => {
      const people = whole(f, 'people');
      return str(f, 'place') && people !== undefined ? { do: 'evacuate', place: str(f, 'place'), people } : undefined;
    },
  },
  'open-shelter': {
    fields: [
      {
        name: 'facility',
        label: 'seat.field.facility',
        type: 'choice',
        choices: ({ lang, model, world }) => named(lang, [...model.facilities.values()].filter((x) => (x.kind === 'shelter' || x.kind === 'school') && world.sheltersOpen[x.id] === undefined)),
      },
    ],
    effect: (f) => (str(f, 'facility') ? { do: 'open-shelter', facility: str(f, 'facility') } : undefined),
  },
  'close-route': {
    fields: [{ name: 'route', label: 'seat.field.route', type: 'choice', choices: ({ lang, model, world }) => named(lang, [...model.routes.values()].filter((r) => !world.routesClosed.includes(r.id))) }],
    effect: (f) => (str(f, 'route') ? { do: 'close-route', route: str(f, 'route') } : undefined),
  },
  notify: {
    fields: [{ name: 'seats', label: 'seat.field.notify', type: 'seats', choices: seatChoices }],
    effect: (f) => (list(f, 'seats').length > 0 ? { do: 'notify', to: list(f, 'seats') } : undefined),
  },
  'activate-group': {
    fields: [{ name: 'group', label: 'seat.field.group', type: 'choice', choices: groupsThatCan('activate') }],
    effect: (f) => (str(f, 'group') ? { do: 'activate-group', group: str(f, 'group') } : undefined),
  },
  'stand-down-group': {
    fields: [{ name: 'group', label: 'seat.field.group', type: 'choice', choices: groupsThatCan('standDown') }],
    effect: (f) => (str(f, 'group') ? { do: 'stand-down-group', group: str(f, 'group') } : undefined),
  },
};

/** The working groups the hierarchy lets the HQ activate (or stand down) now. */
function groupsThatCan(to: 'activate' | 'standDown') {
  return ({ lang, model, world }: FormCtx): Choice[] => named(lang, model.scenario.organisation.groups.filter((g) => refuseGroupMove(model, world, g.id, to) === undefined));
}

export interface ComposeProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  seat: string;
  drafts: Readonly<Record<string, MessageDraft>>;
  /** Nothing can be sent from this tab (it follows a drill another one holds). */
  readOnly: boolean;
  on: {
    draft: (key: string, draft: MessageDraft) => void;
    /** Sends as the seat; true when the authority accepted it. */
    send: (event: DrillEvent) => boolean;
  };
}

const blank = (): MessageDraft => ({ to: '', what: '', fields: {}, text: '' });

/** The seat's own tools, as far as its place in the hierarchy gives it any. */
export function composeView(p: ComposeProps) {
  const role = roleOf(p.model, p.seat);
  const levels = p.model.scenario.responseLevels.filter((l) => l.lead === p.seat);
  const forms = [
    COMMANDS.order.who.includes(role) ? orderForm(p) : nothing,
    COMMANDS.report.who.includes(role) ? reportForm(p) : nothing,
    levels.length > 0 || mayEnd(p) ? levelForm(p, levels) : nothing,
    COMMANDS.hq.who.includes(role) ? hqForm(p) : nothing,
  ];
  return html`<section class="panel compose" aria-labelledby="seat-compose-heading">
    <h2 id="seat-compose-heading">${t(p.lang, 'seat.compose.heading')}</h2>
    <fieldset class="compose-forms" ?disabled=${p.readOnly}>${forms}</fieldset>
  </section>`;
}

/**
 * Every seat, and why the hierarchy would refuse sending to it now (null: it would not). The seat
 * itself only where the rule allows it: a county HQ orders its own forces, which are not seats.
 */
function verdicts(p: ComposeProps, why: (to: string) => string | null) {
  return seatsOf(p.model.scenario)
    .map((s) => ({ id: s.id, label: s.id === p.seat ? t(p.lang, 'seat.compose.own') : pick(p.lang, s.name), why: why(s.id) }))
    .filter((v) => v.id !== p.seat || v.why === null);
}

/**
 * The recipients the rule allows, as a select, and one line per reason the others are refused
 * (the seats it refuses listed after it, unless it refuses every one): the hierarchy's rules,
 * before anything is sent.
 */
function recipients(p: ComposeProps, all: ReturnType<typeof verdicts>, to: string, onTo: (to: string) => void, nobody: MessageKey) {
  const { lang } = p;
  const allowed = all.filter((v) => v.why === null);
  const refused = new Map<string, string[]>();
  for (const v of all) if (v.why !== null) refused.set(v.why, [...(refused.get(v.why) ?? []), v.label]);
  const lines = [...refused].map(
    ([why, seats]) =>
      html`<li>${why}${seats.length < all.length ? html` <span class="muted">${t(lang, 'seat.compose.refused', { seats: seats.join(t(lang, 'org.listSeparator')) })}</span>` : nothing}</li>`,
  );
  return html`${allowed.length === 0
      ? html`<p class="empty">${t(lang, nobody)}</p>`
      : html`<label class="field">
          <span>${t(lang, 'seat.compose.to')}</span>
          <select @change=${(e: Event) => onTo((e.target as HTMLSelectElement).value)}>
            ${allowed.map((v) => html`<option value=${v.id} ?selected=${v.id === to}>${v.label}</option>`)}
          </select>
        </label>`}
    ${lines.length === 0
      ? nothing
      : allowed.length === 0
        ? html`<ul class="rule-why" aria-label=${t(lang, 'seat.compose.why')}>${lines}</ul>`
        : html`<details class="rule-why">
            <summary>${t(lang, 'seat.compose.why')}</summary>
            <ul>${lines}</ul>
          </details>`}`;
}

// The hierarchy's rules (src/core/hierarchy.ts) decide; they word their refusals in English for the
// log. The seat reads them in its language: each case of a rule has its words in messages/seat.ts,
// told apart by the facts the rule reads (the group's state, who leads), never by the English.

/** Why `from` may not order `to`, in the seat's words; null when it may. */
function orderRefusal(lang: Lang, model: Model, world: Readonly<World>, from: string, to: string): string | null {
  if (refuseOrder(model, world, from, to) === undefined) return null;
  const lead = seatName(lang, model, leadOf(model, world));
  if (from === model.hq && guideOf(model, world) === model.hq && to === leadOf(model, world)) return t(lang, 'seat.rule.order.guide', { lead });
  if (model.counties.has(from) && model.membersOf.has(to)) return t(lang, 'seat.rule.order.countyNotLead', { lead });
  const state = groupState(world, from);
  if (state && model.membersOf.get(from)?.has(to)) return t(lang, 'seat.rule.order.groupIdle', { state: t(lang, `seat.groupState.${state}`) });
  return t(lang, 'seat.rule.order.down');
}

/** Why `from` may not send a report of `kind` to `to`, in the seat's words; null when it may. */
function reportRefusal(lang: Lang, model: Model, world: Readonly<World>, from: string, to: string, kind: ReportKind): string | null {
  if (refuseReport(model, world, from, to, kind) === undefined) return null;
  if (kind === 'coordinate') return t(lang, 'seat.rule.report.peers');
  if (from === model.hq) return t(lang, 'seat.rule.report.province');
  if (model.units.has(from)) return t(lang, 'seat.rule.report.unit');
  const county = leadOf(model, world);
  return model.membersOf.has(from) && model.counties.has(county) ? t(lang, 'seat.rule.report.upOrLead', { lead: seatName(lang, model, county) }) : t(lang, 'seat.rule.report.up');
}

/** Why the HQ may not make `move` now, in its words; null when it may. */
function hqRefusal(lang: Lang, model: Model, world: Readonly<World>, move: HqMove): string | null {
  if (refuseHqMove(model, world, move) === undefined) return null;
  const h = world.hierarchy;
  if (move === 'end' && h.level !== 'none' && h.level !== 'ended') return t(lang, 'seat.rule.hq.levelOn', { level: levelLabel(lang, h.level) });
  return t(lang, 'seat.rule.hq.state', { state: t(lang, `seat.hqState.${h.hq}`), next: t(lang, `seat.hqNext.${h.hq}`) });
}

/** Sent: the form is cleared for the next message, and the keyboard stays in it (the send button is disabled now). */
function sent(e: Event, clear: () => void): void {
  const form = e.currentTarget as HTMLFormElement;
  clear();
  form.querySelector('textarea')?.focus();
}

function orderForm(p: ComposeProps) {
  const { lang, model, seat } = p;
  const key = `${seat}:order`;
  const draft = p.drafts[key] ?? blank();
  const all = verdicts(p, (to) => orderRefusal(lang, model, p.world, seat, to));
  const allowed = all.filter((v) => v.why === null);
  const to = allowed.some((v) => v.id === draft.to) ? draft.to : (allowed[0]?.id ?? '');
  const role = roleOf(model, seat);
  const actions = ORDER_ACTIONS.filter((a) => ORDER_EFFECT_RIGHTS[a].includes(role));
  const action = actions.find((a) => a === draft.what);
  const set = (patch: Partial<MessageDraft>) => p.on.draft(key, { ...draft, to, ...patch });
  const effect = action ? ACTION_FORMS[action].effect(draft.fields) : undefined;
  const text = draft.text.trim();
  const ready = to !== '' && (action ? effect !== undefined : text !== '');
  const send = (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    const event: DrillEvent = { type: 'order', to, ...(effect ? { effect } : {}), ...(text ? { text } : {}) };
    if (p.on.send(event)) sent(e, () => p.on.draft(key, { ...blank(), to, what: draft.what }));
  };
  const ctx: FormCtx = { lang, model, world: p.world, from: seat, to };
  return html`<form class="compose-form" aria-labelledby="seat-order-heading" @submit=${send}>
    <h3 id="seat-order-heading">${t(lang, 'seat.order.heading')}</h3>
    ${recipients(p, all, to, (next) => set({ to: next, fields: {} }), 'seat.order.nobody')}
    ${allowed.length === 0
      ? nothing
      : html`<label class="field">
            <span>${t(lang, 'seat.order.effect')}</span>
            <select @change=${(e: Event) => set({ what: (e.target as HTMLSelectElement).value, fields: {} })}>
              <option value="" ?selected=${!action}>${t(lang, 'seat.order.effectNone')}</option>
              ${actions.map((a) => html`<option value=${a} ?selected=${a === action}>${t(lang, `seat.effect.${a}`)}</option>`)}
            </select>
          </label>
          ${action ? ACTION_FORMS[action].fields.map((f) => field(ctx, f, draft.fields, (value) => set({ fields: { ...draft.fields, [f.name]: value } }))) : nothing}
          <label class="field wide">
            <span>${t(lang, 'seat.compose.text')}</span>
            <textarea rows="3" maxlength=${MAX_REPORT_CHARS} .value=${live(draft.text)} @input=${(e: Event) => set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
          </label>
          <p class="muted small">${t(lang, action || text ? 'seat.order.textHint' : 'seat.order.needSomething')}</p>
          <button type="submit" ?disabled=${!ready}>${t(lang, 'seat.order.send')}</button>`}
  </form>`;
}

function field(c: FormCtx, f: Field, fields: Fields, onValue: (value: string | string[]) => void) {
  const label = t(c.lang, f.label);
  if (f.type === 'number') {
    return html`<label class="field">
      <span>${label}</span>
      <input type="number" min="1" max=${f.max(c, fields)} step="1" .value=${live(str(fields, f.name))} @input=${(e: Event) => onValue((e.target as HTMLInputElement).value)} />
    </label>`;
  }
  const choices = f.choices(c);
  if (f.type === 'seats') {
    const chosen = list(fields, f.name);
    return html`<label class="field wide">
      <span>${label}</span>
      <select multiple size="6" @change=${(e: Event) => onValue([...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value))}>
        ${choices.map((x) => html`<option value=${x.id} ?selected=${chosen.includes(x.id)}>${x.label}</option>`)}
      </select>
    </label>`;
  }
  const value = str(fields, f.name);
  return html`<label class="field">
    <span>${label}</span>
    <select @change=${(e: Event) => onValue((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${t(c.lang, 'seat.field.choose')}</option>
      ${choices.map((x) => html`<option value=${x.id} ?selected=${x.id === value}>${x.label}</option>`)}
    </select>
  </label>`;
}

function reportForm(p: ComposeProps) {
  const { lang, model, seat } = p;
  const key = `${seat}:report`;
  const draft = p.drafts[key] ?? blank();
  const kind: ReportKind = REPORT_KINDS.find((k) => k === draft.what) ?? 'report';
  const all = verdicts(p, (to) => reportRefusal(lang, model, p.world, seat, to, kind));
  const allowed = all.filter((v) => v.why === null);
  const to = allowed.some((v) => v.id === draft.to) ? draft.to : (allowed[0]?.id ?? '');
  const set = (patch: Partial<MessageDraft>) => p.on.draft(key, { ...draft, what: kind, to, ...patch });
  const text = draft.text.trim();
  const ready = to !== '' && text !== '';
  const send = (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    if (p.on.send({ type: 'report', to, text, kind })) sent(e, () => p.on.draft(key, { ...blank(), to, what: kind }));
  };
  return html`<form class="compose-form" aria-labelledby="seat-report-heading" @submit=${send}>
    <h3 id="seat-report-heading">${t(lang, 'seat.report.heading')}</h3>
    <fieldset class="report-kinds">
      <legend>${t(lang, 'seat.report.kind')}</legend>
      ${REPORT_KINDS.map(
        (k) => html`<label><input type="radio" name=${`${seat}-report-kind`} value=${k} .checked=${live(k === kind)} @change=${() => set({ what: k, to: '' })} /> ${t(lang, `seat.msg.${k}`)}</label>`,
      )}
    </fieldset>
    ${recipients(p, all, to, (next) => set({ to: next }), 'seat.report.nobody')}
    ${allowed.length === 0
      ? nothing
      : html`<label class="field wide">
            <span>${t(lang, 'seat.compose.text')}</span>
            <textarea rows="3" maxlength=${MAX_REPORT_CHARS} .value=${live(draft.text)} @input=${(e: Event) => set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
          </label>
          ${text === '' ? html`<p class="muted small">${t(lang, 'seat.report.needText')}</p>` : nothing}
          <button type="submit" ?disabled=${!ready}>${t(lang, 'seat.report.send')}</button>`}
  </form>`;
}

/** A response is on, and this seat leads it: it may end it. */
const mayEnd = (p: ComposeProps) => p.world.level !== 'none' && refuseLevelMove(p.model, p.world, p.seat, 'none') === undefined;

/** The levels the plan makes this seat lead, each with its criteria (the authority checks them); the one leading ends the response. */
function levelForm(p: ComposeProps, levels: Model['scenario']['responseLevels']) {
  const { lang, model, world } = p;
  const set = (level: Level) => p.on.send({ type: 'set-level', level });
  return html`<section class="compose-form" aria-labelledby="seat-level-heading">
    <h3 id="seat-level-heading">${t(lang, 'seat.level.heading')}</h3>
    <p>${t(lang, 'seat.level.now', { level: worldLevelLabel(lang, world) })}</p>
    <ul class="level-choices">
      ${levels.map((l) => {
        const current = world.level === l.level;
        const refused = !current && refuseLevelMove(model, world, p.seat, l.level) !== undefined;
        return html`<li>
          <button type="button" ?disabled=${current || refused} @click=${() => set(l.level)}>${t(lang, 'seat.level.set', { level: levelLabel(lang, l.level) })}</button>
          <span class="level-name">${pick(lang, l.name)}</span>
          ${current ? html`<span class="tag">${t(lang, 'seat.level.current')}</span>` : refused ? html`<span class="muted small">${t(lang, 'seat.rule.level.cannot')}</span>` : nothing}
          <p class="muted small">${t(lang, 'seat.level.criteria', { text: pick(lang, l.criteria.text) })}</p>
        </li>`;
      })}
      ${mayEnd(p) ? html`<li><button type="button" @click=${() => set('none')}>${t(lang, 'seat.level.end')}</button></li>` : nothing}
    </ul>
  </section>`;
}

/** The HQ's own moves: the statechart says which it can take now, and why not the others. */
function hqForm(p: ComposeProps) {
  const { lang, model, world } = p;
  return html`<section class="compose-form" aria-labelledby="seat-hq-heading">
    <h3 id="seat-hq-heading">${t(lang, 'seat.hq.heading')}</h3>
    <ul class="hq-moves">
      ${HQ_MOVES.map((move) => {
        const why = hqRefusal(lang, model, world, move);
        return html`<li>
          <button type="button" ?disabled=${why !== null} @click=${() => p.on.send({ type: 'hq', move })}>${t(lang, `seat.hq.${move}`)}</button>
          ${why === null ? nothing : html`<span class="muted small">${why}</span>`}
        </li>`;
      })}
    </ul>
  </section>`;
}
