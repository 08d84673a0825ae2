// A command whose acknowledgement was lost with the connection goes again after the reconnect, with
// the same client id (the server answers a resend it has with the first acknowledgement: nothing twice),
// and the handshake says which seq the client has, so the welcome brings only what it missed.
import { describe, expect, it } from 'vitest';
import { isPending } from '../../../src/app/remote/pending.ts';
import { joinDrill } from '../../../src/app/remote/remote-session.ts';
import { authority, fakeOpen, joinFake, manualClock, settle } from './fake-server.ts';

describe('a reconnect', () => {
  it('resends the unacknowledged commands under the same ids, and the server’s duplicate answer settles them once', async () => {
    const server = authority('facilitator', 'facilitator');
    server.drill.facilitator({ type: 'start' });
    const { net, remote } = await joinFake('en');
    net.socket().accept(server.welcome);
    const session = remote.session!;

    const sent = session.facilitator({ type: 'pause' });
    const lost = net.socket().commands()[0]!;
    net.socket().drop();
    expect(remote.connection).toBe('reconnecting');
    // Sent while down: it waits for the welcome, and goes once.
    const later = session.facilitator({ type: 'resume' });
    expect(net.socket().commands()).toHaveLength(1);

    // The server had committed the pause before the connection went.
    server.drill.facilitator({ type: 'pause' });
    net.socket().accept(server.welcome);
    expect(net.socket().handshakes.at(-1)).toEqual({ token: 't', lastSeq: 1, lang: 'en' });
    expect(session.exercise.world.seq).toBe(2);
    expect(session.exercise.world.mode).toBe('paused');

    const [, again, resumed] = net.socket().commands();
    expect(again!.payload).toEqual(lost.payload);
    expect((resumed!.payload as { event: unknown }).event).toEqual({ type: 'resume' });
    expect(session.unacked).toBe(2);

    again!.ack({ ok: true, seq: 2, dup: true });
    lost.ack({ ok: true, seq: 2 }); // the old connection's answer, late: already settled
    resumed!.ack({ ok: true, seq: 3 });
    expect(isPending(sent) && (await sent.ack)).toEqual({ ok: true });
    expect(isPending(later) && (await later.ack)).toEqual({ ok: true });
    expect(session.unacked).toBe(0);
  });

  it('a link the server refuses at the handshake stops there, with the server’s reason', async () => {
    const { net, remote } = await joinFake('zh');
    net.socket().refuse({ code: 'revoked', reason: '此加入链接已被导调收回。请向导调索取新的链接。' });
    expect(remote.connection).toBe('failed');
    expect(remote.problem).toBe('此加入链接已被导调收回。请向导调索取新的链接。');
    expect(net.socket().reconnects).toBe(0);
  });

  it('a server that is unavailable is asked again', async () => {
    const net = fakeOpen();
    const waiting: (() => void)[] = [];
    const remote = joinDrill({ token: 't', lang: 'zh', clock: manualClock(), open: net.open, later: (run) => waiting.push(run) });
    await settle();
    net.socket().refuse({ code: 'unavailable', reason: '服务器暂不可用' });
    expect(remote.connection).toBe('connecting');
    waiting.shift()!();
    expect(net.socket().reconnects).toBe(1);
  });
});
