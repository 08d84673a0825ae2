// @vitest-environment happy-dom
// The host panel (?host=<key>): a drill created on the server from a shipped scenario, with the host
// key as the bearer, then its join links; the server's refusal said in the panel.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { openServerPage } from '../../../src/app/remote/entry.ts';
import { createUiStore } from '../../../src/app/store.ts';
import { manualClock, settle } from './fake-server.ts';

const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((c) => c.remove()));

describe('the host panel', () => {
  it('creates a drill of a shipped scenario and shows its join links with a QR code each', async () => {
    const asked: { url: string; auth: string | null; body: unknown }[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      asked.push({ url, auth: new Headers(init.headers).get('authorization'), body: JSON.parse(String(init.body)) });
      const link = (role: string, seat: string, zh: string, n: number) => ({ role, seat, name: { zh, en: zh }, url: `http://drill.test/?join=k${n}`, token: `k${n}`, nonce: `n${n}`, exp: 0 });
      return new Response(JSON.stringify({ drill: 'haicheng-1', links: [link('facilitator', 'facilitator', '导调', 1), link('seat', 'hq', '指挥部', 2)] }), { status: 200 });
    }) as unknown as typeof fetch;
    const container = document.body.appendChild(document.createElement('div'));
    containers.push(container);
    openServerPage({ container, store: createUiStore('zh'), clock: manualClock(), params: new URLSearchParams('host=secret-key'), origin: 'http://drill.test', fetch: fetchStub });
    expect(container.querySelector('[data-testid="host-panel"]')).not.toBeNull();

    getByRole(container, 'button', { name: '用此情景新建' }).click();
    await settle();
    expect(asked).toEqual([{ url: 'http://drill.test/api/drills?lang=zh', auth: 'Bearer secret-key', body: { scenario: 'haicheng-m5.8.yaml' } }]);
    expect(container.querySelectorAll('[data-testid="join-link"]')).toHaveLength(2);
    expect(container.querySelectorAll('svg')).toHaveLength(2);
    expect(getByRole(container, 'heading', { name: '推演 haicheng-1' })).toBeTruthy();
  });

  it('says why the server refused', async () => {
    const fetchStub = (async () => new Response(JSON.stringify({ code: 'token', reason: '主机密钥无效' }), { status: 401 })) as unknown as typeof fetch;
    const container = document.body.appendChild(document.createElement('div'));
    containers.push(container);
    openServerPage({ container, store: createUiStore('zh'), clock: manualClock(), params: new URLSearchParams('host=wrong'), origin: 'http://drill.test', fetch: fetchStub });
    getByRole(container, 'button', { name: '用此情景新建' }).click();
    await settle();
    expect(getByRole(container, 'alert').textContent).toContain('主机密钥无效');
  });
});
