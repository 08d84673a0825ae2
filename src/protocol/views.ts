// What each viewer may see of a drill. Control (commander, facilitator, controllers, evaluators)
// sees it whole; a participant (a seat, an observer) gets a scenario without the answers and the
// rubric, with each inject's words held back until it reaches them and each decision's plan clause
// (and another seat's prompt) until it closes, then reveals as they happen. Only words are held
// back: the fold reads none of them, so a participant's world is control's but for its texts.
import { injectReaches, OBSERVER, parseCommand, visibleTo, type CheckedEvent, type LogEntry, type Model, type World } from '../core/index.ts';
import type { Decision, Inject, Scenario, Text } from '../scenario/schema.ts';
import { ROLE_TABLE, type DrillRole } from './roles.ts';

/** `seat`: the scenario seat id of a seat; a label for the other roles. */
export interface Viewer {
  role: DrillRole;
  seat: string;
}

export type Reveal = { kind: 'inject'; inject: Inject } | { kind: 'decision'; decision: Decision };

/** What a participant sees in place of words it may not read yet. */
export const REDACTED = '…';
/** A fresh object each time: a client puts the revealed words back in place (applyReveal). */
const hidden = (): Text => ({ zh: REDACTED, en: REDACTED });

export const isControlView = (viewer: Viewer): boolean => ROLE_TABLE[viewer.role].view === 'control';
const isObserver = (viewer: Viewer) => viewer.role === 'observer';

/**
 * The scenario as the viewer may hold it from the start: control's whole; a participant's held back
 * as above. Its injects and decisions are new objects (applyReveal writes their fields); the rest is
 * the scenario's own, never written (a deep copy of Haicheng measured 14 ms a seat, this 0.8 ms).
 */
export function scenarioFor(scenario: Scenario, viewer: Viewer): Scenario {
  if (isControlView(viewer)) return scenario;
  return {
    ...scenario,
    injects: scenario.injects.map(heldInject),
    decisions: scenario.decisions.map((d) => heldDecision(d, !isObserver(viewer) && d.owner === viewer.seat)),
  };
}

/** An inject's words held back; its timing, condition, recipients and incident stay (the fold needs them). */
function heldInject(x: Inject): Inject {
  const { expected: _expected, media: _media, ...kept } = x;
  return { ...kept, title: hidden(), narrative: hidden(), ...(x.question ? { question: hidden() } : {}) };
}

/** An inject as a participant may read it once it reached them: everything but what the plan expects of them. */
function seenInject(x: Inject): Inject {
  const { expected: _expected, ...kept } = x;
  return kept;
}

/** A decision without its answers and rubric; its plan clause, and for another seat its words, until it closes. */
function heldDecision(d: Decision, own: boolean): Decision {
  const open = closedDecision(d);
  return own
    ? { ...open, planClause: REDACTED }
    : { ...open, prompt: hidden(), planClause: REDACTED, options: open.options.map((o) => ({ ...o, label: hidden() })) };
}

/**
 * A closed decision as a participant may read it: its words, never the plan's expected answer or the
 * rubric — nor a number's expected value or a report's points (the evaluator's rubric).
 */
function closedDecision(d: Decision): Decision {
  const shown: Decision = { ...d, expected: { onExpiry: d.expected.onExpiry }, rubric: [] };
  if (d.number) {
    const { expected: _expected, ...range } = d.number;
    shown.number = range;
  }
  if (d.report) shown.report = { ...d.report, points: [] };
  return shown;
}

const CLOSED = new Set(['answered', 'expired', 'scored', 'voided']);

/**
 * What the viewer may now read that it was not sent yet (`sent` holds 'inject:<id>' and
 * 'decision:<id>', 'answers:<id>'; the new ones are added): an inject once it reaches the seat (for an
 * observer, once delivered), a decision once it is closed, and its expected answer and rubric as well
 * while the facilitator shows the seats the answers. Control holds everything already.
 */
export function revealsFor(model: Model, world: Readonly<World>, viewer: Viewer, sent: Set<string>): Reveal[] {
  if (isControlView(viewer)) return [];
  const reveals: Reveal[] = [];
  for (const x of model.scenario.injects) {
    const key = `inject:${x.id}`;
    if (sent.has(key) || world.injects[x.id]?.status !== 'delivered') continue;
    if (!isObserver(viewer) && !injectReaches(model, world, x.id, viewer.seat)) continue;
    sent.add(key);
    reveals.push({ kind: 'inject', inject: seenInject(x) });
  }
  for (const d of model.scenario.decisions) {
    if (!CLOSED.has(world.decisions[d.id]?.status ?? 'pending')) continue;
    // Once the facilitator shows the seats the plan's answers (set-visibility answers), a closed decision goes whole.
    const whole = world.visibility.answers;
    const key = whole ? `answers:${d.id}` : `decision:${d.id}`;
    if (sent.has(key)) continue;
    sent.add(key);
    sent.add(`decision:${d.id}`);
    reveals.push({ kind: 'decision', decision: whole ? d : closedDecision(d) });
  }
  return reveals;
}

/**
 * The client's side: the revealed item's words put back into the scenario it holds. In place, on
 * the same object, so the model built from that scenario (its maps hold these objects) reads them too.
 */
export function applyReveal(scenario: Scenario, reveal: Reveal): void {
  const target = reveal.kind === 'inject' ? scenario.injects.find((x) => x.id === reveal.inject.id) : scenario.decisions.find((d) => d.id === reveal.decision.id);
  if (target) Object.assign(target, reveal.kind === 'inject' ? reveal.inject : reveal.decision);
}

/** Commands whose free text is between its sender and its addressees. */
const PRIVATE_TEXT = new Set(['live-inject', 'fire-inject', 'order', 'report', 'plot', 'answer']);

/**
 * A log entry as the viewer may read it: the same seq, t, actor and effect on the world, with the
 * words it may not read REDACTED. Control reads every entry whole; participants never read what a
 * live inject expects; a seat reads an order's, a report's, a written answer's or an inject's words only as their sender
 * or addressee (or a member of the addressed working group); an observer reads those, but a mark's
 * words only when the mark is for everyone.
 */
export function entryFor(entry: LogEntry, viewer: Viewer, model: Model): LogEntry {
  if (isControlView(viewer)) return entry;
  const raw = entry.event as { type?: unknown } | null;
  const type = raw?.type;
  if (typeof type !== 'string' || !PRIVATE_TEXT.has(type)) return entry;
  const parsed = parseCommand(raw);
  const observer = isObserver(viewer);
  const self = !observer && entry.actor === viewer.seat;
  // Refused by its schema: only the type remains for others, which every redactable schema refuses too.
  if (!parsed.ok) return self ? entry : { ...entry, event: { type } as LogEntry['event'] };
  const e = parsed.event;
  const reaches = (to: readonly string[]) => observer || self || to.includes(viewer.seat) || (model.groupsOf.get(viewer.seat) ?? []).some((g) => to.includes(g));
  const event = { ...(raw as Record<string, unknown>) };
  const seesMark = () => self || visibleTo(model, observer ? OBSERVER : viewer.seat, (e as CheckedEvent<'plot'>).audience);
  // Nothing held back: the entry as logged (no copy per viewer).
  return holdWords(event, e, model, reaches, seesMark) ? { ...entry, event: event as LogEntry['event'] } : entry;
}

/** Replaces in `event` (a copy of the logged one, checked as `e`) the words the viewer may not read; whether it replaced any. */
function holdWords(event: Record<string, unknown>, e: CheckedEvent, model: Model, reaches: (to: readonly string[]) => boolean, seesMark: () => boolean): boolean {
  switch (e.type) {
    case 'live-inject':
      delete event.expected;
      if (!reaches(e.to)) Object.assign(event, { title: REDACTED, text: REDACTED }, e.question !== undefined ? { question: REDACTED } : {});
      return true;
    case 'fire-inject':
      if (!e.edit || (e.edit.title === undefined && e.edit.narrative === undefined) || reaches(e.edit.to ?? model.injects.get(e.inject)?.to ?? [])) return false;
      event.edit = { ...e.edit, ...(e.edit.title !== undefined ? { title: REDACTED } : {}), ...(e.edit.narrative !== undefined ? { narrative: REDACTED } : {}) };
      return true;
    case 'order':
    case 'report':
      if (e.text === undefined || reaches([e.to])) return false;
      event.text = REDACTED;
      return true;
    case 'answer':
      // A written report (a report decision's answer) is between the seat that owns the decision and control, like a 报告.
      if (e.text === undefined || reaches([model.decisions.get(e.decision)?.owner ?? ''])) return false;
      event.text = REDACTED;
      return true;
    case 'plot':
      if (e.mark.text === undefined || seesMark()) return false;
      event.mark = { ...e.mark, text: REDACTED };
      return true;
    default:
      return false;
  }
}
