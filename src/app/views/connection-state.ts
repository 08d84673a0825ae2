// The connection to the drill server, above every screen of a server drill: 连接中, 已连接,
// 已断开·重新连接中 — and what the server last refused that was no command (a speed change, the link).
import { html, nothing } from 'lit-html';
import { t, type Lang } from '../i18n.ts';
import type { Connection } from '../remote/remote-session.ts';

/** `who`: the role (and seat) the link stands for, once the server has said. */
export function connectionState(lang: Lang, connection: Connection, problem: string | null, who?: string) {
  return html`<p class="connection connection-${connection}" role="status" aria-label=${t(lang, 'server.connection.label')} data-testid="connection" data-state=${connection}>
    <span>${t(lang, `server.connection.${connection}`)}</span>
    ${who ? html`<span class="who">${who}</span>` : nothing}
    ${problem ? html`<span class="problem">${problem}</span>` : nothing}
  </p>`;
}
