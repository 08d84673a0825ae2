// `quake-drill statechart`: the command hierarchy statechart of a scenario, as JSON for the Stately
// visualiser (the machine's config, which XState itself builds the same machine from) and as a tree.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMachine, getNextSnapshot } from 'xstate';
import { localeLang } from '../../src/cli/lang.ts';
import { HAICHENG, MINIMAL, quakeDrill } from './helpers.ts';

interface Node {
  type?: string;
  initial?: string;
  tags?: string[];
  states?: Record<string, Node>;
}

describe('quake-drill statechart --json', () => {
  let config: Node & { id: string };
  beforeAll(async () => {
    const run = await quakeDrill(['statechart', HAICHENG, '--json']);
    expect(run.code).toBe(0);
    config = JSON.parse(run.stdout);
  }, 60_000);

  it('four parallel regions: hq, level, groups (one per working group), counties (one per county HQ)', () => {
    expect(config.id).toBe('hierarchy');
    expect(config.type).toBe('parallel');
    const { hq, level, groups, counties } = config.states!;
    expect(Object.keys(config.states!)).toEqual(['hq', 'level', 'groups', 'counties']);
    expect(Object.keys(hq!.states!)).toEqual(['receiving', 'consulting', 'opened', 'forwardPost', 'ended']);
    expect(hq!.initial).toBe('receiving');
    expect(Object.keys(level!.states!)).toEqual(['none', 'IV', 'III', 'II', 'I', 'ended']);
    expect(groups!.type).toBe('parallel');
    expect(Object.keys(groups!.states!)).toHaveLength(11);
    expect(Object.keys(groups!.states!['g-rescue']!.states!)).toEqual(['standby', 'activated', 'deployed', 'stoodDown']);
    expect(Object.keys(counties!.states!)).toEqual(['county-haicheng', 'county-tiedong', 'county-tiexi', 'county-lishan', 'county-qianshan', 'county-taian', 'county-xiuyan']);
    expect(Object.keys(counties!.states!['county-haicheng']!.states!)).toEqual(['standby', 'activated', 'stoodDown']);
  });

  it('each level state names who leads it (the plan: IV the county, the city guiding; III the city HQ)', () => {
    const level = config.states!.level!.states!;
    expect(level.IV!.tags).toEqual(['lead:county-haicheng', 'guide:anshan-hq']);
    expect(level.III!.tags).toEqual(['lead:anshan-hq']);
    expect(level.II!.tags).toEqual(['lead:province']);
  });

  it('is a machine XState builds as it is: declaring Level III opens the HQ', () => {
    const machine = createMachine(config as never);
    const next = getNextSnapshot(machine, machine.resolveState({ value: machine.getInitialSnapshot(undefined as never).value }), { type: 'level.III' });
    expect(next.matches({ hq: 'opened', level: 'III' })).toBe(true);
    expect(next.hasTag('lead:anshan-hq')).toBe(true);
  });
});

describe('quake-drill statechart (the tree)', () => {
  it('in Chinese with --lang zh: regions, states and who leads', async () => {
    const run = await quakeDrill(['statechart', HAICHENG, '--lang', 'zh']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('指挥体系状态图：鞍山市海城5.8级地震应急桌面推演（默认情景）');
    expect(lines).toContain('├─ hq 指挥部');
    expect(lines.find((l) => l.includes('forwardPost 前方指挥部'))).toBe('│  ├─ forwardPost 前方指挥部  hq.end, level.none → ended');
    expect(lines.find((l) => l.includes('IV Ⅳ级响应'))).toMatch(/〔海城市抗震救灾指挥部领导，鞍山市抗震救灾指挥部指导〕/);
    expect(lines).toContain('│  ├─ g-rescue 抢险救援组');
    expect(lines).toContain('└─ counties 县（市）区指挥部（每个一个并行区域）');
  });

  it('in English with --lang en; a scenario without county HQs says so', async () => {
    const run = await quakeDrill(['statechart', MINIMAL, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│  ├─ III Level III  [led by City earthquake relief HQ]  level.none → ended');
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual(['└─ counties county HQs (one parallel region each)', '   └─ (none)']);
  });

  it('the language follows the locale when not given', () => {
    expect(localeLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLang({})).toBe('en');
  });

  it('wrong use: no scenario, or a language it does not speak', async () => {
    expect((await quakeDrill(['statechart'])).code).toBe(2);
    const run = await quakeDrill(['statechart', MINIMAL, '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--lang takes zh or en, not 'fr'");
  });
});
