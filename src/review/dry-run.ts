// The dry run (试运行): a scenario played headless with bots over many seeds and every policy, to
// show its author what never happens (injects never delivered, decisions never opened), how the
// scores spread per policy, and whether the scoring rewards knowing the plan over luck or form.
// Pure and deterministic: the same scenario, seeds and policies give the same report.
import { POLICIES, runDrill, type Policy } from '../core/index.ts';
import type { Condition, Decision, Scenario, Text } from '../scenario/schema.ts';
import { scoreDrill } from '../scoring/index.ts';
import { distribution } from './spread.ts';

export interface Spread {
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export type DryRunWarningCode = 'plan-like-random' | 'longest-scores-like-plan' | 'longest-option-is-expected' | 'no-decisions';

export interface DryRunWarning {
  code: DryRunWarningCode;
  message: Text & { en: string };
}

export interface DryRunReport {
  /** Seeds played per policy, from `firstSeed`. */
  runs: number;
  firstSeed: number;
  policies: Policy[];
  /** Injects delivered in no run of any policy (injects held for the facilitator, `optional`, are not listed). */
  neverFired: string[];
  /** Decisions opened in no run of any policy. */
  neverReachable: string[];
  /** Inject or decision id → why it never happened, where the runs tell. */
  why: Record<string, Text & { en: string }>;
  /** The overall score (0–100) per policy; absent for a policy whose runs had nothing to score. */
  spread: Partial<Record<Policy, Spread>>;
  /** Mean correctness (0–1) of the answered single and multiple choices, per policy. */
  correctness: Partial<Record<Policy, number>>;
  warnings: DryRunWarning[];
}

export interface DryRunOptions {
  seeds: number;
  policies?: readonly Policy[];
  firstSeed?: number;
  /** Called after each run (a progress bar); never changes the result. */
  onRun?: (done: number, total: number) => void;
}

/** `longest` scoring this share of the plan's correctness means option length carries the answer [E]. */
export const LONGEST_SHARE = 0.8;
/**
 * The expected option is the longest in at least this share of the single choices (X = 50 % [E]) and
 * that is unlikely by chance (below 5 %, each decision's chance 1 / its number of options) [E]: a
 * player who always takes the longest option then beats chance by design, not by luck.
 */
export const LONGEST_EXPECTED_SHARE = 0.5;
export const CHANCE_P = 0.05;

/** What the runs saw, summed over all of them. */
interface Seen {
  fired: Set<string>;
  skipped: Map<string, number>;
  opened: Set<string>;
  expired: Set<string>;
  chosen: Set<string>;
  runs: number;
}

const choice = (d: Pick<Decision, 'kind'>) => d.kind === 'single' || d.kind === 'multiple';

export function dryRun(scenario: Scenario, { seeds, policies = POLICIES, firstSeed = 1, onRun }: DryRunOptions): DryRunReport {
  const seen: Seen = { fired: new Set(), skipped: new Map(), opened: new Set(), expired: new Set(), chosen: new Set(), runs: 0 };
  const spread: DryRunReport['spread'] = {};
  const correctness: DryRunReport['correctness'] = {};
  const choices = new Set(scenario.decisions.filter(choice).map((d) => d.id));
  const total = seeds * policies.length;
  for (const policy of policies) {
    const overall: number[] = [];
    const right: number[] = [];
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const ex = runDrill({ scenario, seed, policy });
      const w = ex.world;
      for (const [id, s] of Object.entries(w.injects)) {
        if (s.status === 'delivered') seen.fired.add(id);
        if (s.status === 'skipped') seen.skipped.set(id, (seen.skipped.get(id) ?? 0) + 1);
      }
      for (const [id, s] of Object.entries(w.decisions)) {
        if (s.openClock !== undefined) seen.opened.add(id);
        if (s.outcome === 'expired') seen.expired.add(id);
        for (const o of s.answer?.options ?? []) seen.chosen.add(`${id}/${o}`);
      }
      const score = scoreDrill(scenario, w, ex.log);
      if (score.overall !== null) overall.push(score.overall);
      for (const d of Object.values(score.decisions)) if (choices.has(d.id) && d.status === 'answered' && d.correctness !== null) right.push(d.correctness);
      seen.runs++;
      onRun?.(seen.runs, total);
    }
    if (overall.length) {
      const { p5, p50, p95, min, max } = distribution(overall);
      spread[policy] = { p5, p50, p95, min, max };
    }
    if (right.length) correctness[policy] = right.reduce((a, x) => a + x, 0) / right.length;
  }

  const why: DryRunReport['why'] = {};
  const neverFired = scenario.injects.filter((x) => !x.optional && !seen.fired.has(x.id)).map((x) => x.id);
  for (const x of scenario.injects) {
    if (seen.fired.has(x.id) || !x.when || seen.skipped.get(x.id) !== seen.runs) continue;
    const never = neverTrue(x.when, seen);
    const shown = conditionText(x.when);
    why[x.id] = {
      zh: `条件 when（${shown}）在每次到期时都不成立${never.length ? `：${never.map((n) => n.zh).join('；')}` : ''}`,
      en: `its condition (when: ${shown}) was false every time it was due${never.length ? `: ${never.map((n) => n.en).join('; ')}` : ''}`,
    };
  }
  const injects = new Map(scenario.injects.map((x) => [x.id, x]));
  const neverReachable = scenario.decisions.filter((d) => !seen.opened.has(d.id)).map((d) => d.id);
  for (const id of neverReachable) {
    const d = scenario.decisions.find((x) => x.id === id)!;
    if (!('after' in d.opens)) continue;
    const after = d.opens.after;
    if (injects.get(after)?.optional && !seen.fired.has(after)) why[id] = { zh: `等待注入 ${after}，该注入留给导调人员手动下达（optional）`, en: `it waits for inject ${after}, which is held for the facilitator to fire (optional)` };
    else if (!seen.fired.has(after)) why[id] = { zh: `等待注入 ${after}，而该注入从未下达`, en: `it waits for inject ${after}, which never fired` };
  }

  return { runs: seeds, firstSeed, policies: [...policies], neverFired, neverReachable, why, spread, correctness, warnings: warnings(scenario, spread, correctness) };
}

/** The parts of a condition (read as written, not under a `not`) that held in no run. */
function neverTrue(c: Condition, seen: Seen): Text[] {
  if ('expired' in c) return seen.expired.has(c.expired) ? [] : [{ zh: `决策 ${c.expired} 从未超时`, en: `decision ${c.expired} never expired` }];
  if ('chose' in c) return seen.chosen.has(`${c.chose.decision}/${c.chose.option}`) ? [] : [{ zh: `决策 ${c.chose.decision} 从未选 ${c.chose.option}`, en: `no run chose ${c.chose.option} in decision ${c.chose.decision}` }];
  if ('occurred' in c) return seen.fired.has(c.occurred) ? [] : [{ zh: `注入 ${c.occurred} 从未下达`, en: `inject ${c.occurred} never fired` }];
  if ('all' in c) return c.all.flatMap((x) => neverTrue(x, seen));
  if ('any' in c) return c.any.flatMap((x) => neverTrue(x, seen));
  return []; // uncontained and not: the runs do not record when they were checked
}

function conditionText(c: Condition): string {
  if ('expired' in c) return `expired ${c.expired}`;
  if ('chose' in c) return `chose ${c.chose.decision}/${c.chose.option}`;
  if ('uncontained' in c) return `uncontained ${c.uncontained}`;
  if ('occurred' in c) return `occurred ${c.occurred}`;
  if ('all' in c) return `all(${c.all.map(conditionText).join(', ')})`;
  if ('any' in c) return `any(${c.any.map(conditionText).join(', ')})`;
  return `not ${conditionText(c.not)}`;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function warnings(scenario: Scenario, spread: DryRunReport['spread'], correctness: DryRunReport['correctness']): DryRunWarning[] {
  const out: DryRunWarning[] = [];
  if (Object.keys(spread).length === 0) {
    out.push({ code: 'no-decisions', message: { zh: '没有可评分的决策：评分无从区分任何策略', en: 'nothing was scored: the scenario has no decision that opened and counted' } });
  }
  // The plan's worst 5 % still above random's best 5 %: a random team lands in the plan's range less often than that.
  const plan = spread.plan;
  const random = spread.random;
  if (plan && random && random.p95 >= plan.p5) {
    out.push({
      code: 'plan-like-random',
      message: {
        zh: `评分分不清按预案作答与随机作答：随机作答的 p95（${random.p95.toFixed(1)}）不低于按预案作答的 p5（${plan.p5.toFixed(1)}）`,
        en: `scoring cannot tell plan from random: random's p95 (${random.p95.toFixed(1)}) is at or above plan's p5 (${plan.p5.toFixed(1)})`,
      },
    });
  }
  const longest = correctness.longest;
  const planRight = correctness.plan;
  if (longest !== undefined && planRight !== undefined && planRight > 0 && longest >= LONGEST_SHARE * planRight) {
    out.push({
      code: 'longest-scores-like-plan',
      message: {
        zh: `选项长度泄露了答案：总选最长选项的正确性达到按预案作答的 ${pct(longest / planRight)}（警戒线 ${pct(LONGEST_SHARE)}）`,
        en: `option length gives the answer away: always picking the longest option reaches ${pct(longest / planRight)} of the plan's correctness (threshold ${pct(LONGEST_SHARE)})`,
      },
    });
  }
  const tell = longestTells(scenario.decisions);
  if (tell.n > 0 && tell.ids.length / tell.n >= LONGEST_EXPECTED_SHARE && tell.chance < CHANCE_P) {
    out.push({
      code: 'longest-option-is-expected',
      message: {
        zh: `选项长度泄露了答案：${tell.n} 个单选决策中有 ${tell.ids.length} 个的预期答案是最长的选项（${tell.ids.join('、')}）；纯属巧合的概率为 ${tell.chance.toPrecision(2)}`,
        en: `option length gives the answer away: in ${tell.ids.length} of ${tell.n} single-choice decisions the expected option is the longest (${tell.ids.join(', ')}); by chance alone that has probability ${tell.chance.toPrecision(2)}`,
      },
    });
  }
  return out;
}

/**
 * Single choices whose expected option is alone the longest (Chinese characters, as the `longest` bot
 * counts them), of how many, and the chance of at least that many if length said nothing: each
 * decision of m options has the longest expected with chance 1/m (exact sum over the Poisson-binomial).
 */
export function longestTells(decisions: readonly Decision[]): { n: number; ids: string[]; chance: number } {
  const singles = decisions.filter((d) => d.kind === 'single' && d.options.length >= 2 && d.expected.options?.length === 1);
  const ids = singles
    .filter((d) => {
      const len = d.options.map((o) => [...o.label.zh].length);
      const max = Math.max(...len);
      const i = d.options.findIndex((o) => o.id === d.expected.options![0]);
      return len[i] === max && len.filter((x) => x === max).length === 1;
    })
    .map((d) => d.id);
  // P(X = k) over the decisions, one at a time.
  let dist = [1];
  for (const d of singles) {
    const p = 1 / d.options.length;
    dist = [...dist, 0].map((x, k) => x * (1 - p) + (k > 0 ? dist[k - 1]! * p : 0));
  }
  return { n: singles.length, ids, chance: dist.slice(ids.length).reduce((a, x) => a + x, 0) };
}
