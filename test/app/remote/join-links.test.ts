// @vitest-environment happy-dom
// The join links panel: a row per link with one QR code each, names shown as text whatever they
// contain, revoke and issue going to the server's API.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { render } from 'lit-html';
import type { Link } from '../../../src/app/remote/host-api.ts';
import { joinLinksPanel, type JoinLinksProps } from '../../../src/app/views/join-links.ts';
import { drillLinks } from '../../../src/app/remote/links.ts';
import type { HostApi } from '../../../src/app/remote/host-api.ts';
import { settle } from './fake-server.ts';

const ATTACK = '<img src=x onerror=alert(1)>';
const link = (role: Link['role'], seat: string, zh: string, n: number): Link => ({
  role,
  seat,
  name: { zh, en: `${zh} (en)` },
  url: `http://drill.test/?join=token${n}`,
  token: `token${n}`,
  nonce: `nonce${n}`,
  exp: 0,
});
const LINKS = [link('facilitator', 'facilitator', '导调', 1), link('seat', 'fire-rescue', `${ATTACK}消防`, 2), link('observer', 'observer-1', '观摩', 3)];

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((c) => c.remove()));
const mount = () => {
  const c = document.body.appendChild(document.createElement('div'));
  containers.push(c);
  return c;
};
const noop = { copy: () => {}, revoke: () => {}, issue: () => {}, download: null };

describe('the join links panel', () => {
  it('draws a row and one QR code per link, a hostile seat name staying text', () => {
    const c = mount();
    const props: JoinLinksProps = { lang: 'zh', links: LINKS, revoked: new Set(), copied: null, problem: null, on: noop };
    render(joinLinksPanel(props), c);
    const rows = c.querySelectorAll('[data-testid="join-link"]');
    expect(rows).toHaveLength(3);
    expect(c.querySelectorAll('svg')).toHaveLength(3);
    expect(c.querySelector('img')).toBeNull();
    const hostile = getByRole(c, 'row', { name: `${ATTACK}消防` });
    expect(within(hostile).getByRole('rowheader').textContent).toBe(`${ATTACK}消防`);
    expect(within(hostile).getByRole('img', { name: `${ATTACK}消防 的加入二维码` })).toBeTruthy();
    expect(hostile.getAttribute('data-seat')).toBe('fire-rescue');
    expect(within(hostile).getByRole('link').getAttribute('href')).toBe('http://drill.test/?join=token2');

    render(joinLinksPanel({ ...props, lang: 'en', revoked: new Set(['nonce2']) }), c);
    expect(c.querySelectorAll('svg')).toHaveLength(2);
    expect(within(getByRole(c, 'row', { name: `${ATTACK}消防 (en)` })).getByRole('button', { name: 'Revoke' }).hasAttribute('disabled')).toBe(true);
  });

  it('revokes a link and issues another for the same seat through the server', async () => {
    const calls: string[] = [];
    const api: HostApi = {
      createDrill: async () => ({ ok: false, reason: 'unused' }),
      links: async () => ({ ok: true, value: LINKS.slice(0, 2) }),
      issue: async (drill, role, seat) => (calls.push(`issue ${drill} ${role} ${seat}`), { ok: true, value: link(role, seat, '新消防', 4) }),
      revoke: async (drill, nonce) => (calls.push(`revoke ${drill} ${nonce}`), { ok: true, value: null }),
      log: async () => ({ ok: false, reason: '无权下载' }),
    };
    const c = mount();
    const draw = () => render(links.panel('zh'), c);
    const links = drillLinks(api, 'd1', draw, undefined, document);
    draw();
    expect(c.textContent).toContain('正在读取加入链接');
    await settle();
    expect(c.querySelectorAll('[data-testid="join-link"]')).toHaveLength(2);

    within(getByRole(c, 'row', { name: `${ATTACK}消防` })).getByRole('button', { name: '收回' }).click();
    await settle();
    (c.querySelector('select[name="place"]') as HTMLSelectElement).value = '1';
    getByRole(c, 'button', { name: '签发新链接' }).click();
    await settle();
    expect(calls).toEqual(['revoke d1 nonce2', 'issue d1 seat fire-rescue']);
    expect(c.querySelectorAll('svg')).toHaveLength(2); // the facilitator's and the new one; the revoked has none
    getByRole(c, 'button', { name: '下载推演记录' }).click();
    await settle();
    expect(getByRole(c, 'alert').textContent).toContain('无权下载');
  });
});
