// @vitest-environment happy-dom
// A server drill's page follows the join link's role: a seat has its own seat screen only, the
// 控制人员 the console without the drill's flow, and what a participant cannot work out itself — the
// scores, the review stream — comes from the server.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole, queryByRole } from '@testing-library/dom';
import { openJoin } from '../../../src/app/remote/entry.ts';
import { joinDrill } from '../../../src/app/remote/remote-session.ts';
import { remoteRecords } from '../../../src/app/remote/review-stream.ts';
import { createUiStore } from '../../../src/app/store.ts';
import type { DrillRole } from '../../../src/protocol/roles.ts';
import type { ReviewEvent } from '../../../src/review/record.ts';
import { scoreDrill } from '../../../src/scoring/index.ts';
import { authority, fakeOpen, manualClock, settle } from './fake-server.ts';

const containers: HTMLElement[] = [];
const pages: { close(): void }[] = [];
afterEach(() => {
  pages.splice(0).forEach((p) => p.close());
  containers.splice(0).forEach((c) => c.remove());
});

async function page(role: DrillRole, seat: string, prepare?: (server: ReturnType<typeof authority>) => void) {
  const server = authority(role, seat);
  prepare?.(server);
  const net = fakeOpen();
  const container = document.body.appendChild(document.createElement('div'));
  containers.push(container);
  const store = createUiStore('zh');
  const fetchLinks = (async () => new Response(JSON.stringify({ links: [] }), { status: 200 })) as typeof fetch;
  const opened = openJoin({ container, store, clock: manualClock(), params: new URLSearchParams('join=t'), origin: 'http://drill.test', open: net.open, fetch: fetchLinks }, 'http://drill.test', 't');
  pages.push(opened);
  await settle();
  net.socket().accept(server.welcome);
  return { server, net, container, store, opened };
}

describe('the screens of a server drill’s role', () => {
  it('a 参演单位 seat sees its own seat screen only: no screen buttons, no seat switcher, no console', async () => {
    const { container, store } = await page('seat', 'fire-rescue', (s) => s.drill.facilitator({ type: 'start' }));
    expect(container.querySelector('nav.screens')).toBeNull();
    expect(container.querySelector('#seat-switcher')).toBeNull();
    expect(container.querySelector('.seat-screen')).not.toBeNull();
    expect(queryByRole(container, 'checkbox', { name: /导调代答/ })).toBeNull();
    expect(container.querySelector('[data-testid="connection"]')!.textContent).toContain('身份：参演单位（市消防救援支队）');
    store.getState().setScreen('console');
    expect(container.querySelector('.console')).toBeNull();
    expect(container.querySelector('.seat-screen')).not.toBeNull();
  });

  it('控制人员 have the console without the drill’s flow: injects and deadlines, no start, pause, end, speed, visibility or seat assignment', async () => {
    const { container } = await page('controller', 'controller', (s) => s.drill.facilitator({ type: 'start' }));
    expect(container.querySelector('.console')).not.toBeNull();
    expect(container.querySelector('nav.screens')).not.toBeNull();
    expect(getByRole(container, 'button', { name: '注入：房屋倒塌' })).toBeTruthy();
    for (const name of ['暂停', '继续', '下一节点', '结束推演']) expect(queryByRole(container, 'button', { name })).toBeNull();
    expect(container.querySelector('.speed')).toBeNull();
    expect(container.querySelector('fieldset.visibility')).toBeNull();
    expect(container.querySelector('form.empty-seats')).toBeNull();
    expect(container.querySelector('.seats select')).toBeNull();
  });

  it('the facilitator has all of it', async () => {
    const { container } = await page('facilitator', 'facilitator', (s) => s.drill.facilitator({ type: 'start' }));
    expect(getByRole(container, 'button', { name: '暂停' })).toBeTruthy();
    expect(container.querySelector('.speed')).not.toBeNull();
    expect(container.querySelector('fieldset.visibility')).not.toBeNull();
    expect(container.querySelector('#seat-switcher')).not.toBeNull();
  });

  it('a seat shows the scores the server sent, not its own (its scenario has no rubric)', async () => {
    const { server, net, container } = await page('seat', 'fire-rescue', (s) => {
      s.drill.facilitator({ type: 'start' });
      s.drill.facilitator({ type: 'fire-inject', inject: 'collapse-report' });
      s.drill.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
      s.drill.facilitator({ type: 'end' });
    });
    const { exercise } = server.drill;
    const scores = scoreDrill(server.drill.scenario, exercise.world, exercise.log);
    // A total no computation gives: the page shows what came, not what it could work out.
    scores.decisions['send-usar']!.total = 77;
    net.socket().push('scores', { scores });
    expect([...container.querySelectorAll('.score-value')].map((e) => e.textContent)).toEqual(['77']);
  });

  it('the review stream goes to the server and comes back from it', async () => {
    const server = authority('seat', 'fire-rescue');
    const net = fakeOpen();
    const drill = joinDrill({ token: 't', lang: 'zh', clock: manualClock(), open: net.open });
    await settle();
    net.socket().accept(server.welcome);
    const records = remoteRecords(drill.session!, drill.subscribe);
    const mine: ReviewEvent = { type: 'self-assessment', seat: 'fire-rescue', rating: 4, well: '出动及时', hard: '', plan: '' };

    expect(records.getState().add('fire-rescue', mine)).toEqual({ ok: true });
    await settle();
    const [sent] = net.socket().sent.filter((s) => s.event === 'review');
    expect(sent!.payload).toEqual({ clientId: expect.stringMatching(/^[0-9a-f]{32}$/), event: mine });
    expect(records.getState().entries).toEqual([]); // the server numbers it
    sent!.ack({ ok: true, seq: 3 });
    net.socket().push('review', { lines: [{ n: 3, actor: 'fire-rescue', event: mine }] });
    expect(records.getState().record.selfAssessments['fire-rescue']).toMatchObject({ rating: 4, well: '出动及时' });

    // Another seat's self-assessment is refused here already, as the server would.
    expect(records.getState().add('fire-rescue', { ...mine, seat: 'hq' }).ok).toBe(false);
    await records.getState().settled();
    expect(records.getState().problem).toBeNull();
    drill.close();
  });
});
