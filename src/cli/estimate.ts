// `quake-drill estimate <scenario> [--json] [--sigma N]`: the hazard model's loss estimate per place
// (SCIENCE.md §7.2) — intensity, degree, deaths, injuries, the trapped and PAGER's central figure —
// with the totals, the +1σ field beside the median, and the response level the plan's criteria give.
import { parseArgs } from 'node:util';
import { DEGREE_CONVENTION, estimateLosses, levelByCriteria, type LossEstimate } from '../core/estimate.ts';
import type { Scenario } from '../scenario/index.ts';
import { table } from '../review/text.ts';
import { wholePeople } from '../scoring/people.ts';
import type { Lang } from './lang.ts';
import { say } from './messages.ts';
import { argsAndScenario, UsageError } from './scenario-file.ts';

const USAGE = 'usage: quake-drill estimate <scenario> [--json] [--sigma N] [--lang zh|en]';
/** σ added to the field: a "stress" variant is +1σ; more than ±3σ is not a scenario any more. */
const MAX_SIGMAS = 3;



function parse(args: string[]): { file: string; json: boolean; sigmas: number } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, sigma: { type: 'string' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one scenario at a time, not ${positionals.length}` : 'which scenario? e.g. quake-drill estimate scenarios/haicheng-m5.8.yaml');
  let sigmas = 0;
  if (values.sigma !== undefined) {
    sigmas = Number(values.sigma);
    if (values.sigma.trim() === '' || !Number.isFinite(sigmas) || Math.abs(sigmas) > MAX_SIGMAS) throw new UsageError(`--sigma takes a number from −${MAX_SIGMAS} to ${MAX_SIGMAS} (e.g. 1 for the +1σ field), not '${values.sigma}'`);
  }
  return { file: positionals[0]!, json: values.json ?? false, sigmas };
}

/** What `estimate --json` prints: the estimate, the +1σ (or median) totals beside it, and the level the criteria give. */
export function estimateJson(file: string, scenario: Scenario, sigmas = 0) {
  const e = estimateLosses(scenario, { sigmas });
  const beside = estimateLosses(scenario, { sigmas: sigmas === 0 ? 1 : 0 });
  return {
    scenario: file,
    scenarioId: scenario.meta.id,
    originTime: scenario.earthquake.originTime,
    relation: scenario.earthquake.attenuation.relation,
    degreeConvention: DEGREE_CONVENTION.en,
    ...e,
    beside: { sigmas: beside.sigmas, offset: beside.offset, total: beside.total },
    level: levelByCriteria(scenario, e.total.deaths) ?? null,
  };
}

const people = wholePeople;
const whole = (x: number) => Math.round(x).toLocaleString('en');
const hhmm = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;
const field = (lang: Lang, e: Pick<LossEstimate, 'sigmas'>) => (e.sigmas === 0 ? say(lang, 'median') : `${e.sigmas > 0 ? '+' : '−'}${Math.abs(e.sigmas)}σ`);

/** The text `estimate` prints, in the CLI's language; people as whole people (scoring/people.ts). */
export function estimateText(file: string, scenario: Scenario, sigmas = 0, lang: Lang = 'en'): string {
  const j = estimateJson(file, scenario, sigmas);
  const names = new Map(scenario.region.settlements.map((s) => [s.id, s.name]));
  const name = (t: { zh: string; en?: string | undefined }) => (lang === 'en' ? (t.en ?? t.zh) : t.zh);
  const out = [
    say(lang, 'title', { title: name(scenario.meta.title) }),
    say(lang, 'origin', { origin: j.originTime, local: hhmm(j.localHour), occupancy: j.occupancy }),
    say(lang, 'field', { relation: j.relation, field: field(lang, j), offset: j.offset.toFixed(4), sigma: j.sigma.value, from: say(lang, `from.${j.sigma.from}`) }),
    say(lang, 'degree', { convention: DEGREE_CONVENTION[lang] }),
    say(lang, j.model === 'building-mix' ? 'modelMix' : 'modelPager'),
    '',
  ];
  const rows = [
    (['place', 'intensity', 'degreeCol', 'bin', 'population', 'deaths', 'serious', 'minor', 'trapped', 'pagerDeaths'] as const).map((k) => say(lang, k)),
    ...j.settlements.map((s) => {
      const n = names.get(s.id);
      return [(n ? `${name(n)}${s.approximate ? '≈' : ''}` : s.id), s.intensity.toFixed(2), s.degree, s.pagerBin, whole(s.population), people(s.deaths), people(s.serious), people(s.minor), people(s.trappedAlive), people(s.pagerDeaths)];
    }),
    [say(lang, 'total'), '', '', '', whole(j.total.population), people(j.total.deaths), people(j.total.serious), people(j.total.minor), people(j.total.trappedAlive), people(j.total.pagerDeaths)],
  ];
  out.push(...table(rows, new Set([1, 4, 5, 6, 7, 8, 9])));
  out.push('');
  const b = j.beside.total;
  out.push(say(lang, 'beside', { field: field(lang, j.beside), deaths: people(b.deaths), serious: people(b.serious), minor: people(b.minor), trapped: people(b.trappedAlive), pager: people(b.pagerDeaths) }));
  out.push(j.level ? say(lang, j.level.by === 'deaths' ? 'levelDeaths' : 'levelMagnitude', { level: j.level.level }) : say(lang, 'levelNone'));
  out.push(say(lang, 'footnote'));
  return out.join('\n');
}

export async function estimate(args: string[], lang: Lang = 'en'): Promise<number> {
  const start = await argsAndScenario('estimate', USAGE, parse, args, lang);
  if (typeof start === 'number') return start;
  const { args: a, scenario } = start;
  console.log(a.json ? JSON.stringify(estimateJson(a.file, scenario, a.sigmas), null, 2) : estimateText(a.file, scenario, a.sigmas, lang));
  return 0;
}
