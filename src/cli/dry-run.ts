// `quake-drill dry-run <scenario> [--seeds 50] [--policy P,…] [--json]`: the scenario played by bots
// over many seeds and policies (src/review/dry-run.ts): injects never fired, decisions never opened,
// the score spread per policy, and the warnings. Exit 1 when it finds anything, so CI can gate on it.
import { parseArgs } from 'node:util';
import { POLICIES, type Policy } from '../core/index.ts';
import { dryRun, type DryRunReport } from '../review/dry-run.ts';
import { table } from '../review/text.ts';
import type { Scenario } from '../scenario/index.ts';
import { fill } from './messages.ts';
import type { Lang } from './lang.ts';
import { progressBar } from './progress.ts';
import { argsAndScenario, UsageError } from './scenario-file.ts';
import { writeRaw } from './terminal.ts';

const USAGE = 'usage: quake-drill dry-run <scenario> [--seeds 50] [--policy plan,late,random,idle,longest] [--json] [--lang zh|en]';
/** 50 seeds × 5 policies of the Haicheng scenario: ≈ 6 s of CPU, 15 s on a busy 2-core machine (issue 12). */
const DEFAULT_SEEDS = 50;
const MAX_SEEDS = 10_000;

const zh = {
  title: '震演 — 试运行：{title}',
  runs: '每种策略 {runs} 次（种子 {from}–{to}）；总分分布：',
  policy: '策略',
  correct: '正确性',
  neverFired: '从未下达的注入：',
  neverReachable: '从未打开的决策：',
  none: '无',
  warnings: '警告：',
  clean: '试运行通过：每条注入都下达过，每个决策都打开过，评分能区分各策略。',
};
const en: Record<keyof typeof zh, string> = {
  title: 'Quake Drill — dry run: {title}',
  runs: '{runs} run(s) per policy (seeds {from}–{to}); overall score:',
  policy: 'Policy',
  correct: 'correct',
  neverFired: 'Injects never fired:',
  neverReachable: 'Decisions never opened:',
  none: 'none',
  warnings: 'Warnings:',
  clean: 'Dry run passed: every inject fired, every decision opened, and the scoring tells the policies apart.',
};
const say = (lang: Lang, key: keyof typeof zh, vars: Record<string, string | number> = {}) => fill((lang === 'zh' ? zh : en)[key], vars);

interface DryRunArgs {
  file: string;
  seeds: number;
  policies: Policy[];
  json: boolean;
}

function parse(args: string[]): DryRunArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { seeds: { type: 'string' }, policy: { type: 'string', multiple: true }, json: { type: 'boolean' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one scenario at a time, not ${positionals.length}` : 'which scenario? e.g. quake-drill dry-run scenarios/haicheng-m5.8.yaml');
  const s = values.seeds;
  const seeds = s === undefined ? DEFAULT_SEEDS : Number(s);
  if (s !== undefined && (!/^\d+$/.test(s.trim()) || seeds < 1 || seeds > MAX_SEEDS)) throw new UsageError(`--seeds takes a whole number from 1 to ${MAX_SEEDS}, not '${s}'`);
  const policies = (values.policy ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const unknown = policies.find((p) => !(POLICIES as readonly string[]).includes(p));
  if (unknown) throw new UsageError(`unknown policy '${unknown}': use ${POLICIES.join(', ')}`);
  return { file: positionals[0]!, seeds, policies: policies.length ? ([...new Set(policies)] as Policy[]) : [...POLICIES], json: values.json ?? false };
}

export async function dryRunCommand(args: string[], lang: Lang = 'en'): Promise<number> {
  const start = await argsAndScenario('dry-run', USAGE, parse, args, lang);
  if (typeof start === 'number') return start;
  const { args: a, scenario } = start;
  const tty = process.stderr.isTTY === true;
  const report = dryRun(scenario, { seeds: a.seeds, policies: a.policies, onRun: tty ? (done, total) => (done === total || done % 5 === 0) && writeRaw(process.stderr, progressBar(done, total)) : undefined });
  if (tty) process.stderr.write('\n');
  console.log(a.json ? JSON.stringify({ scenario: a.file, scenarioId: scenario.meta.id, ...report }, null, 2) : dryRunText(report, scenario, lang));
  return findings(report) ? 1 : 0;
}

const findings = (r: DryRunReport) => r.neverFired.length + r.neverReachable.length + r.warnings.length;

/** The report as the terminal shows it, in one language. */
function dryRunText(r: DryRunReport, scenario: Scenario, lang: Lang): string {
  const title = lang === 'en' ? (scenario.meta.title.en ?? scenario.meta.title.zh) : scenario.meta.title.zh;
  const out = [say(lang, 'title', { title }), say(lang, 'runs', { runs: r.runs, from: r.firstSeed, to: r.firstSeed + r.runs - 1 }), ''];
  const f = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(1));
  const rows = [[say(lang, 'policy'), 'p5', 'p50', 'p95', 'min', 'max', say(lang, 'correct')]];
  for (const p of r.policies) {
    const s = r.spread[p];
    const c = r.correctness[p];
    rows.push([p, f(s?.p5), f(s?.p50), f(s?.p95), f(s?.min), f(s?.max), c === undefined ? '—' : `${Math.round(c * 100)} %`]);
  }
  out.push(...table(rows, new Set([1, 2, 3, 4, 5, 6])).map((l) => `  ${l}`), '');
  // "Warnings: none" / "警告：无": Chinese puts no space after its full-width colon.
  const heading = (key: 'neverFired' | 'neverReachable' | 'warnings', empty: boolean) => (empty ? [say(lang, key), say(lang, 'none')].join(lang === 'zh' ? '' : ' ') : say(lang, key));
  const listed = (key: 'neverFired' | 'neverReachable', ids: string[]) => {
    out.push(heading(key, ids.length === 0));
    for (const id of ids) out.push(`  ${id}${r.why[id] ? ` — ${r.why[id][lang]}` : ''}`);
  };
  listed('neverFired', r.neverFired);
  listed('neverReachable', r.neverReachable);
  out.push(heading('warnings', r.warnings.length === 0));
  for (const w of r.warnings) out.push(`  [${w.code}] ${w.message[lang]}`);
  if (!findings(r)) out.push('', say(lang, 'clean'));
  return out.join('\n');
}
