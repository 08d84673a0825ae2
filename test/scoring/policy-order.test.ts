import { describe, expect, it } from 'vitest';
import { runDrill, type Policy } from '../../src/core/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { haicheng } from './helpers.ts';

const POLICIES: Policy[] = ['plan', 'late', 'random', 'idle'];

describe('the scores order the bot policies', () => {
  it('on the default scenario: plan > late > random > idle for every seed from 1 to 50', () => {
    const s = haicheng();
    const out: string[] = [];
    for (let seed = 1; seed <= 50; seed++) {
      const overall = POLICIES.map((policy) => {
        const ex = runDrill({ scenario: s, seed, policy });
        return scoreDrill(s, ex.world, ex.log).overall!;
      });
      if (!overall.every((x, i) => i === 0 || overall[i - 1]! > x)) out.push(`seed ${seed}: ${POLICIES.map((p, i) => `${p} ${overall[i]}`).join(', ')}`);
    }
    expect(out).toEqual([]);
  }, 60_000);
});
