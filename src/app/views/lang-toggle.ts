// The language switch: each button names its language in that language, so a reader who cannot
// read the current one can still find their own.
import { html } from 'lit-html';
import { LANGS, htmlLang, t, type Lang } from '../i18n.ts';

export function langToggle(lang: Lang, onLang: (lang: Lang) => void) {
  return html`<div class="lang-toggle" role="group" aria-label=${t(lang, 'lang.group')}>
    ${LANGS.map(
      (option) => html`<button
        type="button"
        lang=${htmlLang(option)}
        aria-pressed=${option === lang ? 'true' : 'false'}
        @click=${() => onLang(option)}
      >
        ${t(option, `lang.${option}`)}
      </button>`,
    )}
  </div>`;
}
