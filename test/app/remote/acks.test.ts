// @vitest-environment happy-dom
// A command sent to the server is pending until its acknowledgement: the status line says it is on
// its way, then what the server said — a refusal in the server's own words, in the seat's language.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { openJoin } from '../../../src/app/remote/entry.ts';
import { isPending } from '../../../src/app/remote/pending.ts';
import { createUiStore } from '../../../src/app/store.ts';
import { authority, fakeOpen, joinFake, manualClock, settle } from './fake-server.ts';

const ROLE_REFUSAL = '您的角色不能发出此指令。如需此操作，请联系导调。';

describe('a command at a server', () => {
  it('is pending, then acknowledged or refused, under its own client id and the seq it was decided on', async () => {
    const server = authority('seat', 'fire-rescue');
    server.drill.facilitator({ type: 'start' });
    const { net, remote } = await joinFake('zh');
    net.socket().accept(server.welcome);
    const session = remote.session!;

    const first = session.send('fire-rescue', { type: 'report', to: 'hq', kind: 'report', text: '到达现场' });
    const second = session.facilitator({ type: 'pause' });
    expect(isPending(first) && isPending(second)).toBe(true);
    expect(session.unacked).toBe(2);
    const [a, b] = net.socket().commands();
    expect(a!.payload).toEqual({ clientId: expect.stringMatching(/^[0-9a-f]{32}$/), baseSeq: 1, event: { type: 'report', to: 'hq', kind: 'report', text: '到达现场' } });
    expect((a!.payload as { clientId: string }).clientId).not.toBe((b!.payload as { clientId: string }).clientId);

    a!.ack({ ok: true, seq: 2 });
    b!.ack({ ok: false, code: 'role', reason: ROLE_REFUSAL });
    expect(isPending(first) && (await first.ack)).toEqual({ ok: true });
    expect(isPending(second) && (await second.ack)).toEqual({ ok: false, reason: ROLE_REFUSAL, worded: true });
    expect(session.unacked).toBe(0);
  });

  it('an observer sends nothing: its session is read-only', async () => {
    const server = authority('observer', 'observer-1');
    const { net, remote } = await joinFake('zh');
    net.socket().accept(server.welcome);
    expect(remote.session!.readOnly).toBe(true);
    expect(remote.session!.facilitator({ type: 'start' })).toEqual({ ok: false, reason: 'read-only' });
    expect(net.socket().commands()).toEqual([]);
  });
});

describe('the join link in the page', () => {
  const containers: HTMLElement[] = [];
  afterEach(() => containers.splice(0).forEach((c) => c.remove()));

  it('shows the join screen until the welcome, then the role’s screen; a refusal is said in the status line', async () => {
    const server = authority('facilitator', 'facilitator');
    const net = fakeOpen();
    const container = document.body.appendChild(document.createElement('div'));
    containers.push(container);
    const store = createUiStore('zh');
    const fetchLinks = (async () => new Response(JSON.stringify({ links: [] }), { status: 200 })) as typeof fetch;
    const page = openJoin({ container, store, clock: manualClock(), params: new URLSearchParams('join=t'), origin: 'http://drill.test', open: net.open, fetch: fetchLinks }, 'http://drill.test', 't');
    await settle();
    expect(container.querySelector('[data-testid="join-screen"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="connection"]')!.getAttribute('data-state')).toBe('connecting');

    net.socket().accept(server.welcome);
    expect(store.getState().screen).toBe('console');
    expect(container.querySelector('[data-testid="connection"]')!.textContent).toContain('已连接');
    getByRole(container, 'button', { name: '开始推演' }).click();
    expect(container.querySelector('.status-line')!.textContent).toContain('正在发送');
    net.socket().commands()[0]!.ack({ ok: false, code: 'stale', reason: '演练态势已更新' });
    await settle();
    expect(container.querySelector('.status-line')!.textContent).toContain('演练态势已更新');

    net.socket().drop();
    expect(container.querySelector('[data-testid="connection"]')!.textContent).toContain('已断开·重新连接中');
    page.close();
  });
});
