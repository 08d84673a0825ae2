// What persistence has to show above every screen (src/app/persist/connect.ts's state): that this tab
// follows a drill another tab writes, with 接管; a saved drill that could not be read, with the record
// offered as a file; and the question asked before a drill is thrown away (confirm-dialog.ts).
import { html, nothing, type TemplateResult } from 'lit-html';
import { t, type Lang } from '../i18n.ts';
import type { DiscardKind, PersistState } from '../persist/connect.ts';
import { confirmDialog } from './confirm-dialog.ts';

export interface PersistBannerProps {
  lang: Lang;
  state: PersistState;
  onTakeOver(): void;
  onDownload(): void;
  onAnswer(yes: boolean): void;
}

const QUESTION: Record<DiscardKind, 'persist.confirm.start' | 'persist.confirm.scenario' | 'persist.confirm.import' | 'persist.confirm.new'> = {
  start: 'persist.confirm.start',
  scenario: 'persist.confirm.scenario',
  import: 'persist.confirm.import',
  new: 'persist.confirm.new',
};

export function persistBanner({ lang, state, onTakeOver, onDownload, onAnswer }: PersistBannerProps) {
  const follower =
    state.role === 'follower'
      ? html`<section class="persist-banner follower-banner" role="status" aria-live="polite">
          <p><strong>${t(lang, state.following === 'taken' ? 'persist.follower.taken' : 'persist.follower.opened')}</strong></p>
          <p class="hint">${t(lang, state.waiting ? 'persist.follower.waiting' : 'persist.follower.hint')}</p>
          <button type="button" class="primary" ?disabled=${state.takingOver} @click=${onTakeOver}>
            ${t(lang, state.takingOver ? 'persist.follower.takingOver' : 'persist.follower.takeOver')}
          </button>
        </section>`
      : nothing;
  const unreadable = state.unreadable
    ? html`<section class="persist-banner unreadable-banner" role="alert">
        <p>${state.unreadable.message(lang)}</p>
        <button type="button" class="primary" @click=${onDownload}>${t(lang, 'persist.failed.download')}</button>
        <button type="button" @click=${state.dismiss}>${t(lang, 'persist.dismiss')}</button>
      </section>`
    : nothing;
  const q = state.question;
  const question = q
    ? confirmDialog({
        title: t(lang, 'persist.confirm.title'),
        message: [t(lang, q.ended ? 'persist.confirm.ended' : 'persist.confirm.running', { n: q.entries }), t(lang, QUESTION[q.kind])],
        confirm: t(lang, 'persist.confirm.yes'),
        cancel: t(lang, 'persist.confirm.no'),
        onAnswer,
      })
    : nothing;
  return html`${follower}${unreadable}${question}`;
}

/**
 * Every screen's content under what persistence has to show; in a tab that follows another, inside a
 * disabled fieldset, so no control acts. The first screen renders through this too (with nothing to
 * show), so the app fills it in place when it arrives.
 */
export const screenBody = (banner: TemplateResult | typeof nothing | null, readOnly: boolean, content: TemplateResult) =>
  html`${banner ?? nothing}${readOnly ? html`<fieldset class="read-only-body" disabled>${content}</fieldset>` : content}`;
