// `quake-drill statechart <scenario> [--json] [--lang zh|en]`: the scenario's command hierarchy
// statechart (src/core/machines/hierarchy.machine.ts). --json prints the machine's config, plain
// data: Stately Studio imports it pasted inside `createMachine(…)` (Import from code). Without it, the
// regions and their states as a tree, each state with its moves and who leads at each level, in
// Chinese when the locale says so (LC_ALL, LC_MESSAGES or LANG starting with zh) or with --lang zh,
// in English otherwise.
import { parseArgs } from 'node:util';
import { hierarchyConfig } from '../core/machines/hierarchy.machine.ts';
import type { Scenario } from '../scenario/index.ts';
import { takeLang, type Lang } from './lang.ts';
import { argsAndScenario, UsageError } from './scenario-file.ts';

const USAGE = 'usage: quake-drill statechart <scenario> [--json] [--lang zh|en]';
function parse(args: string[]): { file: string; json: boolean; lang: Lang } {
  const chosen = takeLang(args);
  if ('error' in chosen) throw new UsageError(chosen.error);
  let parsed;
  try {
    parsed = parseArgs({ args: chosen.rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one scenario at a time, not ${positionals.length}` : 'which scenario? e.g. quake-drill statechart scenarios/haicheng-m5.8.yaml');
  return { file: positionals[0]!, json: values.json ?? false, lang: chosen.lang };
}

type Words = Record<string, { zh: string; en: string }>;
const REGIONS: Words = {
  hq: { zh: '指挥部', en: 'the HQ' },
  level: { zh: '响应级别', en: 'response level' },
  groups: { zh: '工作组', en: 'working groups' },
  counties: { zh: '县（市）区指挥部', en: 'county HQs' },
};
const STATES: Words = {
  receiving: { zh: '接报', en: 'receiving the report' },
  consulting: { zh: '会商', en: 'consulting' },
  opened: { zh: '指挥部开设', en: 'HQ opened' },
  forwardPost: { zh: '前方指挥部', en: 'forward command post' },
  ended: { zh: '响应结束', en: 'response ended' },
  none: { zh: '未启动响应', en: 'no response yet' },
  I: { zh: 'Ⅰ级响应', en: 'Level I' },
  II: { zh: 'Ⅱ级响应', en: 'Level II' },
  III: { zh: 'Ⅲ级响应', en: 'Level III' },
  IV: { zh: 'Ⅳ级响应', en: 'Level IV' },
  standby: { zh: '待命', en: 'standby' },
  activated: { zh: '已启动', en: 'activated' },
  deployed: { zh: '已出动', en: 'deployed' },
  stoodDown: { zh: '已撤收', en: 'stood down' },
};
const ABOVE: Words = { province: { zh: '省级', en: 'the province' }, state: { zh: '国家级', en: 'the state' } };

interface Node {
  initial?: string;
  type?: string;
  tags?: string[];
  on?: Record<string, string>;
  states?: Record<string, Node>;
}

/** The readable tree: each region, its states (the initial marked), their moves grouped by target, and the level states' leads. */
export function statechartText(scenario: Scenario, lang: Lang): string {
  const config = hierarchyConfig(scenario) as Node & { id: string };
  const org = scenario.organisation;
  const names = new Map<string, { zh: string; en?: string }>([[org.hq.id, org.hq.name], ...org.groups.map((g) => [g.id, g.name] as const), ...org.counties.map((c) => [c.id, c.name] as const)]);
  const name = (id: string) => {
    const n = names.get(id) ?? ABOVE[id];
    return n ? (n[lang] ?? n.zh) : id;
  };
  const word = (w: Words, key: string) => w[key]?.[lang];
  const zh = lang === 'zh';
  const moves = (on: Record<string, string> = {}) => {
    const byTarget = new Map<string, string[]>();
    for (const [event, target] of Object.entries(on)) byTarget.set(target, [...(byTarget.get(target) ?? []), event]);
    return [...byTarget].map(([target, events]) => `${events.join(', ')} → ${target}`).join('; ');
  };
  const leads = (tags: string[] = []) => {
    const of = (prefix: string) => tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
    const lead = of('lead:');
    const guide = of('guide:');
    if (!lead) return '';
    return zh ? `  〔${name(lead)}领导${guide ? `，${name(guide)}指导` : ''}〕` : `  [led by ${name(lead)}${guide ? `, guided by ${name(guide)}` : ''}]`;
  };
  const lines = [zh ? `指挥体系状态图：${scenario.meta.title.zh}` : `Command hierarchy statechart: ${scenario.meta.title.en ?? scenario.meta.title.zh}`, zh ? `${config.id}（并行区域）` : `${config.id} (parallel regions)`];
  const statesOf = (node: Node, indent: string) => {
    const entries = Object.entries(node.states ?? {});
    entries.forEach(([key, state], i) => {
      const last = i === entries.length - 1;
      const mark = key === node.initial ? (zh ? '（初始）' : ' (initial)') : '';
      const label = word(STATES, key);
      const to = moves(state.on);
      lines.push(`${indent}${last ? '└─' : '├─'} ${key}${label ? ` ${label}` : ''}${mark}${leads(state.tags)}${to ? `  ${to}` : ''}`);
    });
  };
  const regions = Object.entries(config.states ?? {});
  regions.forEach(([key, region], i) => {
    const last = i === regions.length - 1;
    const indent = last ? '   ' : '│  ';
    lines.push(`${last ? '└─' : '├─'} ${key} ${word(REGIONS, key)}${region.type === 'parallel' ? (zh ? '（每个一个并行区域）' : ' (one parallel region each)') : ''}`);
    if (region.type !== 'parallel') return statesOf(region, indent);
    const subs = Object.entries(region.states ?? {});
    if (subs.length === 0) lines.push(`${indent}└─ ${zh ? '（无）' : '(none)'}`);
    subs.forEach(([id, sub], j) => {
      const lastSub = j === subs.length - 1;
      lines.push(`${indent}${lastSub ? '└─' : '├─'} ${id} ${name(id)}`);
      statesOf(sub, `${indent}${lastSub ? '   ' : '│  '}`);
    });
  });
  return lines.join('\n');
}

export async function statechart(args: string[]): Promise<number> {
  const start = await argsAndScenario('statechart', USAGE, parse, args);
  if (typeof start === 'number') return start;
  const { args: a, scenario } = start;
  console.log(a.json ? JSON.stringify(hierarchyConfig(scenario), null, 2) : statechartText(scenario, a.lang));
  return 0;
}
