// A long list (the console's log, a seat's inbox and sent list) shows its latest rows only: a
// 10,000-entry record drawn whole costs hundreds of milliseconds per render and seconds to take down
// (issue 10 §1's scrub loop), and nobody reads past the first screens. Older rows come on request.
import { html, nothing } from 'lit-html';
import { t, type Lang } from '../i18n.ts';

/** Log rows shown at first, and how many more each "show earlier" adds: a few screens of one-line rows. */
export const LOG_WINDOW = 100;
/**
 * Messages shown at first and added each time: a message takes three to six lines, so 30 are as many
 * screens as the log's rows; and a seat shows two such lists, each message a dozen nodes to build.
 */
export const MAIL_WINDOW = 30;

/** The latest `limit` of `items` (oldest first), newest first, and how many earlier ones are left out. */
export function latest<T>(items: readonly T[], limit: number): { rows: T[]; hidden: number } {
  const hidden = Math.max(0, items.length - limit);
  return { rows: items.slice(hidden).reverse(), hidden };
}

/** The control that shows up to `step` earlier rows: `onMore` gets the new limit. Nothing when none are hidden. */
export function earlierButton(lang: Lang, hidden: number, limit: number, step: number, onMore: (limit: number) => void) {
  if (hidden === 0) return nothing;
  const n = Math.min(hidden, step);
  return html`<button type="button" class="small earlier" data-earlier @click=${() => onMore(limit + n)}>${t(lang, 'list.earlier', { n })}</button>`;
}
