// @vitest-environment happy-dom
// The live scores are recomputed when an input or a scoring changes the drill, and otherwise at
// most every SCORE_EVERY_MS of room time — not on every render.
import './quiet-lit.ts';
import { describe, expect, it, vi } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { SCORE_EVERY_MS } from '../../src/app/app.ts';
import { MIN, renderDrill } from './render.ts';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/scoring/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/scoring/index.ts')>();
  return {
    ...real,
    scoreDrill: (...args: Parameters<typeof real.scoreDrill>) => {
      calls.n++;
      return real.scoreDrill(...args);
    },
  };
});

describe('live scores', () => {
  it('are not recomputed on every render', () => {
    const d = renderDrill();
    const session = d.start();
    d.reveal();
    d.pass(3 * MIN + 10_000);
    getByRole(d.container, 'button', { name: '记分板' }).click();
    calls.n = 0;
    for (let i = 0; i < 20; i++) d.pass(100); // twenty renders in two seconds of room time
    expect(calls.n).toBeGreaterThan(0);
    expect(calls.n).toBeLessThanOrEqual(Math.ceil(2_000 / SCORE_EVERY_MS) + 1);

    calls.n = 0;
    session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] });
    expect(calls.n).toBe(1); // an input: at once
    const hq = within(getByRole(d.container, 'table', { name: '各单位得分' })).getByRole('row', { name: /^鞍山市抗震救灾指挥部/ });
    expect(within(hq).getAllByRole('cell')[0]!.textContent!.trim()).toBe('100.0 暂定'); // its horizon is the end of node 2
  });
});
