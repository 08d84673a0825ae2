// Why a record does not verify, in the reader's language: the CLI, the reports and the app's import
// say the same words. English is the reason log-file.ts gives, with its details; Chinese words it by
// which part broke, so no English reason shows inside Chinese text.
import type { Trust } from './log-file.ts';

export type Broken = Extract<Trust, { kind: 'broken' }>;

const BREAK_ZH: Record<Broken['part'], string> = {
  header: '文件头在记录后被修改（种子、情景、演练编号、父演练、来源或创建时间与其哈希不符）',
  entry: '第 {seq} 条：哈希不符 — 该条目在记录后被修改',
  end: '记录的结尾与最终哈希不符 — 末尾的条目被删除，或文件头的 until 被修改',
  scenario: '情景文件自本次演练记录以来已被修改',
  origin: '本次推演接续自一份未通过验证的记录（以不可信方式打开），其后的记录不能作为演练的依据',
};

/** Why the record breaks, in `lang`. */
export function brokenText(trust: Pick<Broken, 'part' | 'seq' | 'reason'>, lang: 'zh' | 'en'): string {
  if (lang === 'en') return trust.reason;
  return trust.part === 'entry' ? BREAK_ZH.entry.replace('{seq}', String(trust.seq)) : BREAK_ZH[trust.part];
}
