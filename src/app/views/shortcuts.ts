// The keyboard shortcuts of the console, listed in a dialog opened with "?" (or its button).
// Space is the facilitator's pause key on every screen of a drill, wherever the focus is, except
// where the focused element gives Space its own meaning (typing, pressing a button, ticking a box).
import { html, nothing } from 'lit-html';
import type { Mode } from '../../core/index.ts';
import { t, type Lang } from '../i18n.ts';
import type { Screen } from '../store.ts';

/** Each key as the dialog shows it (the keycap's name in the interface language) and what it does. */
export const SHORTCUTS = [
  ['access.key.space', 'console.shortcuts.space'],
  ['N', 'console.shortcuts.next'],
  ['?', 'console.shortcuts.help'],
  ['access.key.esc', 'console.shortcuts.close'],
] as const;

const keyName = (lang: Lang, key: string) => (key.startsWith('access.') ? t(lang, key as 'access.key.space') : key);

/** Typing in a field: the keys are the field's. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Elements Space presses by itself. */
export function activates(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"]') !== null;
}

/** The screens of a drill where Space pauses: all but the briefing and the picker. */
const SPACE_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['console', 'bigscreen', 'seat', 'scoreboard', 'debrief']);

/** What Space does on `screen` with the focus on `target`: pause, resume, or nothing (the element's own Space, or no drill under way). */
export function spaceAction(screen: Screen, mode: Mode, target: EventTarget | null): 'pause' | 'resume' | null {
  if (!SPACE_SCREENS.has(screen) || isTyping(target) || activates(target)) return null;
  return mode === 'running' ? 'pause' : mode === 'paused' ? 'resume' : null;
}

export function shortcutsDialog(lang: Lang, open: boolean, onClose: () => void) {
  if (!open) return nothing;
  return html`<div class="dialog-backdrop" @click=${(e: Event) => e.target === e.currentTarget && onClose()}>
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${t(lang, 'console.shortcuts.heading')}</h2>
      <p class="hint">${t(lang, 'console.shortcuts.where')}</p>
      <dl class="shortcuts">
        ${SHORTCUTS.map(([key, what]) => html`<div><dt><kbd>${keyName(lang, key)}</kbd></dt><dd>${t(lang, what)}</dd></div>`)}
      </dl>
      <button type="button" class="primary" data-autofocus @click=${onClose}>${t(lang, 'console.shortcuts.closeButton')}</button>
    </div>
  </div>`;
}
