// `quake-drill verify <drill.jsonl>`: checks a drill's whole-process record (全过程记录) — the header's
// hash, each entry's link in the hash chain, the final hash that seals the end — and names the first
// place where it breaks. The chain needs no scenario; when the scenario named in the header can be
// found, its digest is checked against the one the drill was played on.
import { parseArgs } from 'node:util';
import { parseLog, scenarioDigest, type Trust } from '../review/index.ts';
import { brokenText } from '../review/trust-text.ts';
import { fill } from './messages.ts';
import { locateScenario, scenarioChanged } from './drill-file.ts';
import type { Lang } from './lang.ts';
import { readText } from './read-text.ts';
import { readScenarioFile } from './scenario-file.ts';

const USAGE = 'usage: quake-drill verify <drill.jsonl> [--lang zh|en] [--json]';

const WORDS = {
  zh: {
    ok: '通过：{n} 条记录，哈希链完整，最终哈希 {final}',
    scenarioOk: '情景：{file} 与本次演练记录时的摘要一致',
    notFound: '未核对情景：找不到 {file}（核对哈希链不需要情景文件）',
    notLoaded: '未核对情景：{file} 无法载入',
    unchained: '无法验证：这是第 1 版格式的记录（quake-drill/log@1），没有哈希链',
    unchainedHint: '第 2 版起的记录都带哈希链；重新记录本次演练即可得到可验证的记录',
    brokenHint: '记录在写入后被修改；report --untrusted 仍可读取，并标记为“不可信”',
    scenarioHint: '把文件头的 "scenario" 指向演练时所用的情景文件',
    unchainedOrigin: '无法验证：本次推演接续自 {drill} 的第 1 版格式记录（无哈希链）',
    originHint: '本文件自身的哈希链完整，但它接续的记录未通过验证，因此整份记录不可信',
  },
  en: {
    ok: 'OK: {n} entries, chain intact, final {final}',
    scenarioOk: 'scenario: {file} matches the digest the drill was played on',
    notFound: 'scenario not checked: cannot find {file} (the chain needs none)',
    notLoaded: 'scenario not checked: {file} does not load',
    unchained: 'cannot be verified: a format 1 log (quake-drill/log@1) has no hash chain',
    unchainedHint: 'logs written since format 2 carry one; record the drill again for a record that can be verified',
    brokenHint: 'the record was changed after it was recorded; report --untrusted still reads it, marked as untrusted',
    scenarioHint: 'point "scenario" in the header at the file the drill was played with',
    unchainedOrigin: 'cannot be verified: the drill continues the format 1 record of {drill}, which has no hash chain',
    originHint: "this file's own chain holds, but the record it continues did not verify, so the whole record cannot be trusted",
  },
} as const;

type Key = keyof (typeof WORDS)['en'];
const say = (lang: Lang, key: Key, vars: Record<string, string | number> = {}) => fill(WORDS[lang][key], vars);

export async function verify(args: string[], lang: Lang = 'en'): Promise<number> {
  let values: { json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } }));
  } catch (e) {
    console.error(`quake-drill verify: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length !== 1) {
    console.error(`quake-drill verify: give one drill log\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const json = values.json ?? false;
  const fail = (line: number, message: string, hint: string | undefined, trust?: Trust) => {
    if (json) console.log(JSON.stringify({ file, ok: false, problem: { line, message, ...(hint ? { hint } : {}) }, ...(trust ? { trust } : {}) }, null, 2));
    else console.error(`${file}:${line}:1: ${message}${hint ? `\n  hint: ${hint}` : ''}`);
    return 1;
  };

  const read = await readText(file, 'a drill log is the .jsonl text file that run --out or 导出推演记录 writes', 'log');
  if (!read.ok) return fail(read.problem.line, read.problem.message, read.problem.hint);
  const parsed = parseLog(read.text);
  if (!parsed.ok) return fail(parsed.problem.line, parsed.problem.message, parsed.problem.hint);
  const { header, log, trust } = parsed;
  if (trust.kind === 'unchained') return header.origin ? fail(1, say(lang, 'unchainedOrigin', { drill: header.origin.drill }), say(lang, 'originHint'), trust) : fail(1, say(lang, 'unchained'), say(lang, 'unchainedHint'), trust);
  if (trust.kind === 'broken') return fail(trust.line, brokenText(trust, lang), say(lang, trust.part === 'origin' ? 'originHint' : 'brokenHint'), trust);

  // The chain holds; the scenario, when it is here, must be the one the drill was played on.
  const { found } = await locateScenario(file, header);
  const loaded = found === undefined ? undefined : await readScenarioFile(found);
  const digest = loaded?.ok ? scenarioDigest(loaded.scenario) : undefined;
  if (digest !== undefined && digest !== header.scenarioHash) {
    const changed = scenarioChanged(found!, digest, header.scenarioHash);
    return fail(1, brokenText(changed, lang), say(lang, 'scenarioHint'), changed);
  }
  const scenarioNote = digest !== undefined ? say(lang, 'scenarioOk', { file: header.scenario }) : say(lang, found === undefined ? 'notFound' : 'notLoaded', { file: header.scenario });
  if (json) {
    console.log(JSON.stringify({ file, ok: true, format: header.format, drill: header.drill, entries: log.length, final: trust.final, trust, scenario: { file: found ?? null, checked: digest !== undefined } }, null, 2));
    return 0;
  }
  console.log(say(lang, 'ok', { n: log.length, final: trust.final }));
  if (digest !== undefined) console.log(scenarioNote);
  else console.error(`${file}:1:1: warning: ${scenarioNote}`);
  return 0;
}
