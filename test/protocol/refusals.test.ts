// Every refusal a seat can get has a text in Chinese and in English that says what to do next.
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, refusalText } from '../../src/protocol/index.ts';

const HAN = /\p{Script=Han}/u;
/** Each text points to a next step: ask, check, wait, shorten, reload, send again, try again. */
const ZH_NEXT_STEP = /请/;
const EN_NEXT_STEP = /\b(Ask|Check|Wait|Shorten|Reload|Look|send it again|try again)\b/;

describe('refusal texts', () => {
  it('there are eleven codes, as the contract lists them', () => {
    expect([...REFUSAL_CODES]).toEqual(['bad-message', 'too-big', 'rate', 'role', 'stale', 'token', 'revoked', 'expired', 'unknown-drill', 'unavailable', 'refused']);
  });

  for (const code of REFUSAL_CODES) {
    it(`${code}: zh and en, each saying what to do`, () => {
      const zh = refusalText(code, 'zh');
      const en = refusalText(code, 'en');
      expect(zh).toMatch(HAN);
      expect(zh).toMatch(ZH_NEXT_STEP);
      expect(en).not.toMatch(HAN);
      expect(en).toMatch(EN_NEXT_STEP);
    });
  }

  it('each code has its own text in each language', () => {
    for (const lang of ['zh', 'en'] as const) expect(new Set(REFUSAL_CODES.map((c) => refusalText(c, lang))).size).toBe(REFUSAL_CODES.length);
  });

  it("a core refusal carries the core's reason inside the sentence", () => {
    const reason = "decision 'd01-level' is not open (pending)";
    expect(refusalText('refused', 'zh', reason)).toBe(`演练规则不允许此操作（${reason}）。请查看当前态势和您的职责后再试。`);
    expect(refusalText('refused', 'en', reason)).toBe(`The drill’s rules do not allow this (${reason}). Check the current situation and your seat’s duties, then try again.`);
  });

  it('a detail on another code follows the text, in the language’s brackets', () => {
    expect(refusalText('bad-message', 'zh', 'x')).toMatch(/。（x）$/);
    expect(refusalText('bad-message', 'en', 'x')).toMatch(/\. \(x\)$/);
  });
});
