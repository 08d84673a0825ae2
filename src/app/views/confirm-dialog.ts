// A question asked before something is thrown away, in the app's own style (not window.confirm, which
// blocks the page, cannot be styled or translated in its buttons, and leaves focus wherever the
// browser likes). A modal alertdialog: the safe answer has the focus when it opens, Tab stays inside,
// Escape says no, and the keys do not reach the console's shortcuts behind it. dialogFocus() puts the
// focus back where it was when the dialog closes.
import { html, nothing } from 'lit-html';

export interface ConfirmDialogProps {
  title: string;
  /** Paragraphs. */
  message: readonly string[];
  confirm: string;
  cancel: string;
  onAnswer(yes: boolean): void;
}

export function confirmDialog(p: ConfirmDialogProps | null) {
  if (!p) return nothing;
  const onKey = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      p.onAnswer(false);
    } else if (e.key === 'Tab') {
      const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button')];
      const [first, last] = [buttons[0], buttons.at(-1)];
      const active = (e.currentTarget as HTMLElement).ownerDocument.activeElement;
      if (e.shiftKey && active === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  return html`<div class="dialog-backdrop">
    <div class="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-dialog-title" aria-describedby="confirm-dialog-message" @keydown=${onKey}>
      <h2 id="confirm-dialog-title">${p.title}</h2>
      <div id="confirm-dialog-message">${p.message.map((m) => html`<p>${m}</p>`)}</div>
      <div class="confirm-actions">
        <button type="button" data-dialog-safe @click=${() => p.onAnswer(false)}>${p.cancel}</button>
        <button type="button" class="danger" @click=${() => p.onAnswer(true)}>${p.confirm}</button>
      </div>
    </div>
  </div>`;
}

/**
 * Keeps the focus right around the dialog: call with whether it is open after every render. On
 * opening, the safe answer takes the focus; on closing it goes back to what had it — or, when that is
 * gone (the answer changed the screen), to the screen's main content.
 */
export function dialogFocus(root: HTMLElement): (open: boolean) => void {
  const doc = root.ownerDocument;
  let before: Element | null = null;
  let wasOpen = false;
  return (open) => {
    if (open && !wasOpen) {
      before = doc.activeElement;
      root.querySelector<HTMLElement>('.confirm-dialog [data-dialog-safe]')?.focus();
    } else if (!open && wasOpen) {
      const back = before instanceof HTMLElement && before.isConnected && !before.matches(':disabled') ? before : root.querySelector<HTMLElement>('main');
      if (back && back !== before && !back.hasAttribute('tabindex')) back.setAttribute('tabindex', '-1');
      back?.focus();
      before = null;
    }
    wasOpen = open;
  };
}
