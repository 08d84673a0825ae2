// The keyboard shortcuts of the console, listed in a dialog opened with "?" (or its button).
import { html, nothing } from 'lit-html';
import { t, type Lang } from '../i18n.ts';

export const SHORTCUTS = [
  ['Space', 'console.shortcuts.space'],
  ['N', 'console.shortcuts.next'],
  ['?', 'console.shortcuts.help'],
  ['Esc', 'console.shortcuts.close'],
] as const;

export function shortcutsDialog(lang: Lang, open: boolean, onClose: () => void) {
  if (!open) return nothing;
  return html`<div class="dialog-backdrop" @click=${(e: Event) => e.target === e.currentTarget && onClose()}>
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${t(lang, 'console.shortcuts.heading')}</h2>
      <p class="hint">${t(lang, 'console.shortcuts.where')}</p>
      <dl class="shortcuts">
        ${SHORTCUTS.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${t(lang, what)}</dd></div>`)}
      </dl>
      <button type="button" class="primary" data-autofocus @click=${onClose}>${t(lang, 'console.shortcuts.closeButton')}</button>
    </div>
  </div>`;
}
