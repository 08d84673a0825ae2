// A seat's inbox and its sent list (issue 9 §2): every message addressed to the seat — orders,
// reports, requests, coordination, notices, and injects the facilitator wrote live or edited —
// newest first, with who sent it, what kind it is and when (drill time, T+h:mm); unread ones are
// marked until the seat marks them read (that is the interface's memory, not the drill's). An
// inject's expected action is control material and never appears here.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { LogEntry, Message, Model, World } from '../../core/index.ts';
import type { Effect } from '../../scenario/index.ts';
import { drillTime } from '../format.ts';
import { t, type Lang, type MessageKey } from '../i18n.ts';
import { MAIL_WINDOW, earlierButton } from './window.ts';
import { effectText, seatName } from './words.ts';

/** The word each kind of message is shown with. */
export const MESSAGE_KIND_WORDS: Record<Message['kind'], MessageKey> = {
  order: 'seat.msg.order',
  report: 'seat.msg.report',
  request: 'seat.msg.request',
  coordinate: 'seat.msg.coordinate',
  notify: 'seat.msg.notify',
  inject: 'seat.msg.inject',
};

/** A message with its place in world.messages: the key its read state is kept under. */
export interface Numbered {
  message: Message;
  key: string;
}

/** Messages to `seat`, newest first. */
export function inboxOf(world: Readonly<World>, seat: string): Numbered[] {
  const out: Numbered[] = [];
  world.messages.forEach((message, i) => {
    if (message.to === seat) out.push({ message, key: `${seat}#${i}` });
  });
  return out.reverse();
}

/** Messages `seat` sent, newest first. */
export function sentOf(world: Readonly<World>, seat: string): Numbered[] {
  const out: Numbered[] = [];
  world.messages.forEach((message, i) => {
    if (message.from === seat) out.push({ message, key: `${seat}>${i}` });
  });
  return out.reverse();
}

export interface MailProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  log: readonly LogEntry[];
  seat: string;
  /** How many of the latest messages each list shows (store.listLimits, by `${seat}:inbox` / `${seat}:sent`). */
  limits?: Readonly<Record<string, number>>;
  /** Shows more of a list; absent (a view that keeps no such state), the list shows its latest MAIL_WINDOW only. */
  onLimit?: (key: string, limit: number) => void;
}

export interface InboxProps extends MailProps {
  read: Readonly<Record<string, true>>;
  onRead: (keys: string[]) => void;
}

/** The latest messages of a list (newest first) and the control that shows earlier ones. */
function windowed(p: MailProps, list: 'inbox' | 'sent', items: readonly Numbered[]) {
  const key = `${p.seat}:${list}`;
  const limit = p.limits?.[key] ?? MAIL_WINDOW;
  const { onLimit } = p;
  const hidden = Math.max(0, items.length - limit);
  return { rows: items.slice(0, limit), more: onLimit ? earlierButton(p.lang, hidden, limit, MAIL_WINDOW, (n) => onLimit(key, n)) : nothing };
}

export function inboxView(p: InboxProps) {
  const { lang } = p;
  const items = inboxOf(p.world, p.seat);
  const unread = items.filter((x) => !p.read[x.key]).map((x) => x.key);
  const { rows, more } = windowed(p, 'inbox', items);
  return html`<section class="panel inbox" aria-labelledby="seat-inbox-heading">
    <div class="panel-head">
      <h2 id="seat-inbox-heading">
        ${t(lang, 'seat.inbox.heading')}
        ${unread.length > 0 ? html`<span class="count unread-count">${t(lang, 'seat.inbox.unreadCount', { n: unread.length })}</span>` : nothing}
      </h2>
      ${unread.length > 1 ? html`<button type="button" class="small" @click=${() => p.onRead(unread)}>${t(lang, 'seat.inbox.markAllRead')}</button>` : nothing}
    </div>
    ${items.length === 0
      ? html`<p class="empty">${t(lang, 'seat.inbox.empty')}</p>`
      : html`<ol class="mailbox" reversed start=${items.length}>
          ${repeat(
            rows,
            (x) => x.key,
            (x) => messageItem(p, x, t(lang, 'seat.inbox.from', { from: senderName(lang, p.model, p.log, x.message.from) }), p.read[x.key] ? null : () => p.onRead([x.key])),
          )}
        </ol>`}
    ${more}
  </section>`;
}

export function sentView(p: MailProps) {
  const { lang } = p;
  const items = sentOf(p.world, p.seat);
  const { rows, more } = windowed(p, 'sent', items);
  return html`<section class="panel sent" aria-labelledby="seat-sent-heading">
    <h2 id="seat-sent-heading">${t(lang, 'seat.sent.heading')} <span class="count">${items.length}</span></h2>
    ${items.length === 0
      ? html`<p class="empty">${t(lang, 'seat.sent.empty')}</p>`
      : html`<ol class="mailbox" reversed start=${items.length}>
          ${repeat(
            rows,
            (x) => x.key,
            (x) => messageItem(p, x, t(lang, 'seat.sent.to', { to: seatName(lang, p.model, x.message.to) }), null),
          )}
        </ol>`}
    ${more}
  </section>`;
}

/** One message; `markRead` is given while it is unread. */
function messageItem(p: MailProps, { message: m, key }: Numbered, who: string, markRead: (() => void) | null) {
  const { lang } = p;
  const unread = markRead !== null;
  const id = `msg-${key.replace(/[^\w-]/g, '-')}`;
  const action = m.kind === 'order' ? orderAction(p, m) : undefined;
  return html`<li class="message ${unread ? 'unread' : ''} kind-${m.kind}">
    <article aria-labelledby=${id}>
      <p class="meta" id=${id}>
        <span class="mono">${t(lang, 'seat.inbox.at', { time: drillTime(m.clock) })}</span>
        <span class="tag">${t(lang, MESSAGE_KIND_WORDS[m.kind])}</span>
        <span>${who}</span>
        ${unread ? html`<span class="tag unread-tag">${t(lang, 'seat.inbox.unread')}</span>` : nothing}
      </p>
      ${m.title ? html`<h3>${m.title}</h3>` : nothing}
      ${m.text ? html`<p class="message-text">${m.text}</p>` : nothing}
      ${action ? html`<p class="message-action">${t(lang, 'seat.msg.action', { what: action })}</p>` : nothing}
      ${m.question ? html`<p class="question"><span class="label">${t(lang, 'seat.msg.question')}</span> ${m.question}</p>` : nothing}
      ${markRead ? html`<button type="button" class="small" @click=${markRead}>${t(lang, 'seat.inbox.markRead')}</button>` : nothing}
    </article>
  </li>`;
}

/** The log entry of `seq` (the log is in seq order). */
function entryOf(log: readonly LogEntry[], seq: number): LogEntry | undefined {
  let lo = 0;
  let hi = log.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = log[mid]!.seq;
    if (s === seq) return log[mid];
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** An order's action in the reader's language, from the order itself; the world keeps only its effect-log words. */
function orderAction(p: MailProps, m: Message): string | undefined {
  const event = entryOf(p.log, m.seq)?.event;
  if (event?.type === 'order' && event.effect) return effectText(p.lang, p.model, event.effect as Effect);
  return m.effect;
}

/**
 * Who sent a message: a seat, the facilitator, the seat that gave the order whose notify it is
 * (`order#12`), or the seat whose decision's effect it was (a notify from 'd01-level' or 'd01-level:expired').
 */
function senderName(lang: Lang, model: Model, log: readonly LogEntry[], from: string): string {
  const order = /^order#(\d+)$/.exec(from);
  if (order) return seatName(lang, model, entryOf(log, Number(order[1]))?.actor ?? from);
  const owner = model.decisions.get(from.split(':')[0]!)?.owner;
  return seatName(lang, model, owner ?? from);
}
