// The join links of a drill on a server (加入链接): a row per link with its role, its seat, the link,
// a QR code to scan from a phone, copy and revoke; a form to issue another link for a role and seat
// already in the table (a revoked one's replacement, a second observer); the log's download. Shown on
// the host panel and on the facilitator's console in a server drill.
import { html, nothing } from 'lit-html';
import { ROLE_TABLE, type DrillRole } from '../../protocol/roles.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { Link } from '../remote/host-api.ts';
import { qrCode } from './qr-code.ts';

export interface JoinLinksProps {
  lang: Lang;
  /** null while they are being read. */
  links: readonly Link[] | null;
  /** Nonces revoked from this page. */
  revoked: ReadonlySet<string>;
  /** The nonce of the link just copied. */
  copied: string | null;
  problem: string | null;
  on: {
    copy: (link: Link) => void;
    revoke: (link: Link) => void;
    issue: (role: DrillRole, seat: string) => void;
    download: (() => void) | null;
  };
}

const roleName = (lang: Lang, role: DrillRole) => pick(lang, ROLE_TABLE[role].name);
const key = (l: Pick<Link, 'role' | 'seat'>) => `${l.role}\n${l.seat}`;

export function joinLinksPanel(p: JoinLinksProps) {
  const { lang } = p;
  return html`<section class="join-links" aria-labelledby="join-links-heading" data-testid="join-links">
    <h2 id="join-links-heading">${t(lang, 'server.links.heading')}</h2>
    <p>${t(lang, 'server.links.intro')}</p>
    ${p.problem ? html`<p class="problem" role="alert">${t(lang, 'server.host.failed', { reason: p.problem })}</p>` : nothing}
    ${p.links === null ? html`<p role="status">${t(lang, 'server.links.loading')}</p>` : p.links.length === 0 ? html`<p>${t(lang, 'server.links.empty')}</p>` : linksTable(p, p.links)}
    ${p.links?.length ? issueForm(p, p.links) : nothing}
    ${p.on.download ? html`<p><button type="button" @click=${p.on.download}>${t(lang, 'server.links.download')}</button></p>` : nothing}
  </section>`;
}

function linksTable(p: JoinLinksProps, links: readonly Link[]) {
  const { lang } = p;
  return html`<table class="join-links-table" aria-label=${t(lang, 'server.links.heading')}>
    <thead>
      <tr>
        <th scope="col">${t(lang, 'server.links.seat')}</th>
        <th scope="col">${t(lang, 'server.links.role')}</th>
        <th scope="col">${t(lang, 'server.links.link')}</th>
        <th scope="col">${t(lang, 'server.links.qr')}</th>
        <th scope="col">${t(lang, 'server.links.actions')}</th>
      </tr>
    </thead>
    <tbody>
      ${links.map((link) => {
        const seat = pick(lang, link.name);
        const revoked = p.revoked.has(link.nonce);
        return html`<tr data-testid="join-link" data-role=${link.role} data-seat=${link.seat} aria-label=${seat}>
          <th scope="row">${seat}</th>
          <td>${roleName(lang, link.role)}</td>
          <td>${revoked ? t(lang, 'server.links.revoked') : html`<a href=${link.url} target="_blank" rel="noopener">${link.url}</a>`}</td>
          <td>${revoked ? nothing : qrCode(link.url, t(lang, 'server.links.qrLabel', { seat }))}</td>
          <td>
            <button type="button" ?disabled=${revoked} @click=${() => p.on.copy(link)}>${p.copied === link.nonce ? t(lang, 'server.links.copied') : t(lang, 'server.links.copy')}</button>
            <button type="button" ?disabled=${revoked} @click=${() => p.on.revoke(link)}>${t(lang, 'server.links.revoke')}</button>
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function issueForm(p: JoinLinksProps, links: readonly Link[]) {
  const { lang } = p;
  const places = [...new Map(links.map((l) => [key(l), l])).values()];
  const submit = (e: Event) => {
    e.preventDefault();
    const chosen = places[Number((e.currentTarget as HTMLFormElement).querySelector('select')?.value)];
    if (chosen) p.on.issue(chosen.role, chosen.seat);
  };
  return html`<form class="issue-link" @submit=${submit} aria-label=${t(lang, 'server.links.issue')}>
    <label
      >${t(lang, 'server.links.issueSeat')}
      <select name="place">
        ${places.map((l, i) => html`<option value=${i}>${pick(lang, l.name)} · ${roleName(lang, l.role)}</option>`)}
      </select></label
    >
    <button type="submit">${t(lang, 'server.links.issue')}</button>
  </form>`;
}
