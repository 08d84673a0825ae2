// The mark of a drill whose record cannot be vouched for, shown wherever the drill shows: the shell's
// header on every screen, the saved-drill list. A verified record needs none.
import { html, nothing } from 'lit-html';
import type { Trust } from '../../review/log-file.ts';
import { t, type Lang } from '../i18n.ts';

export function trustBadge(lang: Lang, trust: Trust['kind'] | null | undefined) {
  if (trust !== 'broken' && trust !== 'unchained') return nothing;
  return html`<span class="tag trust trust-${trust}" data-trust=${trust} title=${t(lang, `persist.trust.${trust}Hint`)}>${t(lang, `persist.trust.${trust}`)}</span>`;
}
