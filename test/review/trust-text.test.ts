// Why a record does not verify, said in the reader's language: the Chinese report and the app's import
// show no English reason inside Chinese text (issue 10 §5).
import { describe, expect, it } from 'vitest';
import { trustText } from '../../src/review/report/index.ts';
import { brokenText, type Broken } from '../../src/review/trust-text.ts';

const entry: Broken = { kind: 'broken', line: 44, seq: 43, part: 'entry', reason: 'entry 43: its hash does not match — the entry was changed after it was recorded' };
const origin: Broken = { kind: 'broken', line: 1, seq: null, part: 'origin', reason: 'the drill continues the record of genuine-1, which did not verify: entry 3: its hash does not match' };

describe('brokenText', () => {
  it('words each part in Chinese; English is the reader’s own reason', () => {
    expect(brokenText(entry, 'zh')).toBe('第 43 条：哈希不符 — 该条目在记录后被修改');
    expect(brokenText(origin, 'zh')).toBe('本次推演接续自一份未通过验证的记录（以不可信方式打开），其后的记录不能作为演练的依据');
    expect(brokenText(entry, 'en')).toBe(entry.reason);
  });
});

describe("the report's trust line", () => {
  it('in Chinese carries no English reason; a continued drill names no line of its own', () => {
    expect(trustText(entry, 'zh')).toBe('记录完整性：不可信——哈希链在第 44 行（序号 43）断开：第 43 条：哈希不符 — 该条目在记录后被修改');
    expect(trustText(origin, 'zh')).toBe('记录完整性：不可信——本次推演接续自一份未通过验证的记录（以不可信方式打开），其后的记录不能作为演练的依据');
    expect(trustText(origin, 'en')).toBe(`Record integrity: UNTRUSTED — ${origin.reason}`);
  });
});
