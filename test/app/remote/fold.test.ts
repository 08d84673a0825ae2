// A seat at a server folds what it is sent exactly as the authority folded it: the welcome (its
// view of the scenario and the entries so far), each turn's entries, the heartbeat's clock.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/index.ts';
import { REDACTED } from '../../../src/protocol/views.ts';
import { MIN } from '../../core/test-drill.ts';
import { authority, joinFake } from './fake-server.ts';

describe('a remote session folding the server’s entries', () => {
  it('builds the drill from the welcome, then follows the entries and the ticks to the authority’s world', async () => {
    const server = authority('facilitator', 'facilitator');
    server.drill.facilitator({ type: 'start' });
    const { net, remote } = await joinFake('zh');
    expect(remote.connection).toBe('connecting');
    net.socket().accept(server.welcome);
    expect(remote.connection).toBe('connected');
    expect(net.socket().handshakes).toEqual([{ token: 't', lastSeq: 0, lang: 'zh' }]);
    const session = remote.session!;
    expect(session.exercise.world.seq).toBe(1);

    server.clock.advance(2 * MIN + 5_000);
    server.drill.tick();
    server.drill.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    net.socket().push('entries', server.entries(1));
    server.clock.advance(30_000);
    server.drill.tick();
    net.socket().push('tick', { t: server.drill.now(), speed: 1 });

    expect(session.exercise.world.seq).toBe(2);
    expect(session.exercise.world.t).toBe(2 * MIN + 35_000);
    expect(canonicalJson(session.exercise.world)).toBe(canonicalJson(server.drill.exercise.world));
  });

  it('a seat gets the inject’s words once it reached the seat, not before', async () => {
    const server = authority('seat', 'fire-rescue');
    server.drill.facilitator({ type: 'start' });
    const { net, remote } = await joinFake('zh');
    net.socket().accept(server.welcome);
    const model = () => remote.session!.exercise.model;
    expect(model().injects.get('collapse-report')!.title).toEqual({ zh: REDACTED, en: REDACTED });

    server.clock.advance(2 * MIN);
    server.drill.tick();
    net.socket().push('entries', server.entries(1));
    expect(model().injects.get('collapse-report')!.title).toEqual({ zh: '房屋倒塌', en: 'Houses collapsed' });
    expect(remote.session!.exercise.world.injects['collapse-report']!.status).toBe('delivered');
  });

  it('asks for what it missed when a turn’s entries skip some, and folds the resync', async () => {
    const server = authority('facilitator', 'facilitator');
    server.drill.facilitator({ type: 'start' });
    const { net, remote } = await joinFake('zh');
    net.socket().accept(server.welcome);
    server.drill.facilitator({ type: 'pause' });
    server.drill.facilitator({ type: 'resume' });
    net.socket().push('entries', server.entries(2));

    const ask = net.socket().sent.find((s) => s.event === 'resync')!;
    expect(ask.payload).toEqual({ lastSeq: 1 });
    expect(remote.session!.exercise.world.seq).toBe(1);
    ask.ack({ ...server.entries(1), reveals: [] });
    expect(remote.session!.exercise.world.seq).toBe(3);
    expect(remote.session!.exercise.world.mode).toBe('running');
  });
});
