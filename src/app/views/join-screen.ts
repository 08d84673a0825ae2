// What a join link shows until the server has welcomed the seat: connecting, or why it cannot join
// (a revoked, expired or unknown link; the reason is the server's, in the seat's language).
import { html, nothing } from 'lit-html';
import { htmlLang, t, type Lang } from '../i18n.ts';
import type { Connection } from '../remote/remote-session.ts';
import { connectionState } from './connection-state.ts';
import { plainMasthead } from './summary.ts';

export function joinScreen(lang: Lang, connection: Connection, problem: string | null, onLang: (lang: Lang) => void) {
  const failed = connection === 'failed';
  return html`<div class="page page-join" lang=${htmlLang(lang)} data-testid="join-screen">
    ${plainMasthead(lang, onLang)}
    <main class="content">
      <h1>${t(lang, 'server.join.heading')}</h1>
      ${connectionState(lang, connection, null)}
      ${failed
        ? html`<section role="alert" aria-label=${t(lang, 'server.join.failed')}>
            <h2>${t(lang, 'server.join.failed')}</h2>
            ${problem ? html`<p>${problem}</p>` : nothing}
          </section>`
        : html`<p>${t(lang, 'server.join.connecting')}</p>`}
    </main>
  </div>`;
}
