// The semantic lint: what a schema cannot say — ids unique, references resolved, times inside their
// node, every decision able to open, no instantaneous cascade loops, every place inside the map.
import type { Condition, Effect, Scenario } from './schema.ts';
import type { Finding } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { formatDuration, MAX_DRILL_MS } from './duration.ts';
import { mediaPathProblem } from './media-path.ts';
import { DECISION_KINDS } from './decision-kinds.ts';
import { checkDecisionKinds } from './decision-lint.ts';

type Path = (string | number)[];
type Kind =
  | 'source' | 'settlement' | 'route' | 'facility' | 'unit' | 'team' | 'group' | 'county' | 'hq'
  | 'node' | 'inject' | 'incident' | 'cascade' | 'decision' | 'capability';

const RECIPIENT: Kind[] = ['unit', 'group', 'county', 'hq'];
const PLACE: Kind[] = ['settlement', 'facility', 'route'];
const TARGET: Kind[] = ['settlement', 'facility', 'incident'];
const BASE: Kind[] = ['facility', 'settlement'];

const NOUN: Record<Kind, string> = {
  source: 'source', settlement: 'settlement', route: 'route', facility: 'facility', unit: 'unit', team: 'team',
  group: 'working group', county: 'county HQ', hq: 'HQ', node: 'time node', inject: 'inject', incident: 'incident',
  cascade: 'cascade', decision: 'decision', capability: 'capability',
};
const NOUN_ZH: Record<Kind, string> = {
  source: '资料来源', settlement: '居民点', route: '道路', facility: '设施', unit: '成员单位', team: '队伍',
  group: '工作组', county: '县区指挥部', hq: '指挥部', node: '时间节点', inject: '注入信息', incident: '灾情事件',
  cascade: '次生衍生关系', decision: '决策点', capability: '核心能力',
};

export function lint(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const ids = collectIds(s, out);
  const refs = new References(ids, out);
  checkReferences(s, refs);
  checkOptions(s, out);
  const clock = new DrillClock(s);
  checkNodes(s, out);
  checkDrillDurations(s, out);
  checkTimes(s, clock, out);
  checkReachable(s, clock, out);
  checkCascadeCycles(s, out);
  checkBounds(s, out);
  checkNumbers(s, out);
  checkMedia(s, out);
  checkDecisionKinds(s, out);
  checkConditions(s, out);
  return out;
}

// ── ids ─────────────────────────────────────────────────────────────────────

interface Definition { kind: Kind; path: Path }

function collectIds(s: Scenario, out: Finding[]): Map<string, Definition> {
  const ids = new Map<string, Definition>();
  const define = (id: string, kind: Kind, path: Path) => {
    const first = ids.get(id);
    if (first) {
      out.push({
        path: [...path, 'id'],
        rule: 'unique-id',
        message: `id '${id}' is already used by the ${NOUN[first.kind]} at ${first.path.join('.')}`,
        hint: 'ids must be unique in the whole file; rename one of them',
        zh: { message: `编号 '${id}' 已被位于 ${first.path.join('.')} 的${NOUN_ZH[first.kind]}使用`, hint: '整个文件中编号必须唯一；请给其中一个改名' },
      });
    } else ids.set(id, { kind, path });
  };
  s.meta.sources.forEach((x, i) => define(x.id, 'source', ['meta', 'sources', i]));
  s.region.settlements.forEach((x, i) => define(x.id, 'settlement', ['region', 'settlements', i]));
  s.region.routes.forEach((x, i) => define(x.id, 'route', ['region', 'routes', i]));
  s.region.facilities.forEach((x, i) => define(x.id, 'facility', ['region', 'facilities', i]));
  define(s.organisation.hq.id, 'hq', ['organisation', 'hq']);
  s.organisation.units.forEach((u, i) => {
    define(u.id, 'unit', ['organisation', 'units', i]);
    u.teams.forEach((t, j) => define(t.id, 'team', ['organisation', 'units', i, 'teams', j]));
  });
  s.organisation.groups.forEach((x, i) => define(x.id, 'group', ['organisation', 'groups', i]));
  s.organisation.counties.forEach((x, i) => define(x.id, 'county', ['organisation', 'counties', i]));
  s.nodes.forEach((x, i) => define(x.id, 'node', ['nodes', i]));
  s.injects.forEach((x, i) => {
    define(x.id, 'inject', ['injects', i]);
    if (x.incident) define(x.incident.id, 'incident', ['injects', i, 'incident']);
  });
  s.cascades.forEach((x, i) => {
    define(x.id, 'cascade', ['cascades', i]);
    if ('spawn' in x.then) define(x.then.spawn.id, 'incident', ['cascades', i, 'then', 'spawn']);
  });
  s.decisions.forEach((x, i) => define(x.id, 'decision', ['decisions', i]));
  s.scoring.capabilities.forEach((x, i) => define(x.id, 'capability', ['scoring', 'capabilities', i]));
  return ids;
}

class References {
  constructor(
    private readonly ids: Map<string, Definition>,
    private readonly out: Finding[],
  ) {}

  /** Checks that `id` names one of `kinds`; reports it at `path` with the nearest right id. */
  check(id: string | undefined, kinds: Kind[], path: Path): void {
    if (id === undefined) return;
    const found = this.ids.get(id);
    if (found && kinds.includes(found.kind)) return;
    const what = kinds.map((k) => NOUN[k]).join(' or ');
    const candidates = [...this.ids].filter(([, d]) => kinds.includes(d.kind)).map(([k]) => k);
    this.out.push({
      path,
      rule: 'reference',
      message: found ? `'${id}' is a ${NOUN[found.kind]}, but a ${what} is expected here` : `unknown ${what} '${id}'`,
      expected: `the id of a ${what}`,
      hint: didYouMean(id, candidates) ?? (candidates.length ? `known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}` : `define the ${what} first`),
      zh: referenceZh(id, found?.kind, kinds, candidates),
    });
  }

  all(list: readonly string[] | undefined, kinds: Kind[], path: Path): void {
    list?.forEach((id, i) => this.check(id, kinds, [...path, i]));
  }

  effects(effects: readonly Effect[], path: Path): void {
    effects.forEach((e, i) => {
      const at = [...path, i];
      switch (e.do) {
        case 'activate-group': case 'stand-down-group': return this.check(e.group, ['group'], [...at, 'group']);
        case 'dispatch':
          this.check(e.team, ['team'], [...at, 'team']);
          return this.check(e.to, TARGET, [...at, 'to']);
        case 'contain': case 'worsen': return this.check(e.incident, ['incident'], [...at, 'incident']);
        case 'restore': case 'open-shelter': return this.check(e.facility, ['facility'], [...at, 'facility']);
        case 'evacuate': return this.check(e.place, BASE, [...at, 'place']);
        case 'close-route': case 'open-route': return this.check(e.route, ['route'], [...at, 'route']);
        case 'notify': return this.all(e.to, RECIPIENT, [...at, 'to']);
        case 'fire-inject': return this.check(e.inject, ['inject'], [...at, 'inject']);
        case 'set-level': return;
      }
    });
  }

  condition(c: Condition, path: Path): void {
    if ('expired' in c) this.check(c.expired, ['decision'], [...path, 'expired']);
    else if ('chose' in c) this.check(c.chose.decision, ['decision'], [...path, 'chose', 'decision']);
    else if ('uncontained' in c) this.check(c.uncontained, ['incident'], [...path, 'uncontained']);
    else if ('occurred' in c) this.check(c.occurred, ['inject'], [...path, 'occurred']);
    else if ('all' in c) c.all.forEach((x, i) => this.condition(x, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((x, i) => this.condition(x, [...path, 'any', i]));
    else this.condition(c.not, [...path, 'not']);
  }
}

function checkReferences(s: Scenario, r: References): void {
  const sourceOf = (x: { source?: string | undefined }, path: Path) => r.check(x.source, ['source'], [...path, 'source']);
  const eq = s.earthquake;
  sourceOf(eq.attenuation, ['earthquake', 'attenuation']);
  if (eq.casualtyModel) sourceOf(eq.casualtyModel, ['earthquake', 'casualtyModel']);
  if (eq.aftershocks) sourceOf(eq.aftershocks, ['earthquake', 'aftershocks']);
  s.region.settlements.forEach((x, i) => {
    const at = ['region', 'settlements', i];
    r.check(x.county, ['county'], [...at, 'county']);
    sourceOf(x, at);
  });
  s.region.facilities.forEach((x, i) => {
    const at = ['region', 'facilities', i];
    r.check(x.settlement, ['settlement'], [...at, 'settlement']);
    r.all(x.dependsOn, ['facility'], [...at, 'dependsOn']);
    sourceOf(x, at);
  });
  const base = (b: string | object, path: Path) => typeof b === 'string' && r.check(b, BASE, path);
  const org = s.organisation;
  base(org.hq.base, ['organisation', 'hq', 'base']);
  r.check(org.hq.office.unit, ['unit'], ['organisation', 'hq', 'office', 'unit']);
  org.units.forEach((u, i) => {
    base(u.base, ['organisation', 'units', i, 'base']);
    u.teams.forEach((t, j) => t.base !== undefined && base(t.base, ['organisation', 'units', i, 'teams', j, 'base']));
    sourceOf(u, ['organisation', 'units', i]);
  });
  org.groups.forEach((g, i) => {
    r.check(g.lead, ['unit'], ['organisation', 'groups', i, 'lead']);
    r.all(g.members, ['unit'], ['organisation', 'groups', i, 'members']);
  });
  org.counties.forEach((c, i) => base(c.base, ['organisation', 'counties', i, 'base']));
  s.responseLevels.forEach((l, i) => {
    if (l.lead !== 'province' && l.lead !== 'state') r.check(l.lead, ['hq', 'county'], ['responseLevels', i, 'lead']);
    sourceOf(l, ['responseLevels', i]);
  });
  s.injects.forEach((x, i) => {
    const at = ['injects', i];
    r.check(x.at.node, ['node'], [...at, 'at', 'node']);
    r.all(x.to, RECIPIENT, [...at, 'to']);
    if (x.incident) r.check(x.incident.place, PLACE, [...at, 'incident', 'place']);
    if (x.when) r.condition(x.when, [...at, 'when']);
  });
  s.cascades.forEach((x, i) => {
    const at = ['cascades', i];
    r.check(x.from, ['incident'], [...at, 'from']);
    if ('spawn' in x.then) r.check(x.then.spawn.place, PLACE, [...at, 'then', 'spawn', 'place']);
    else r.check(x.then.worsen.incident, ['incident'], [...at, 'then', 'worsen', 'incident']);
  });
  s.decisions.forEach((d, i) => {
    const at = ['decisions', i];
    r.check(d.owner, RECIPIENT, [...at, 'owner']);
    if ('node' in d.opens) r.check(d.opens.node, ['node'], [...at, 'opens', 'node']);
    else r.check(d.opens.after, ['inject'], [...at, 'opens', 'after']);
    d.options.forEach((o, j) => r.effects(o.effects, [...at, 'options', j, 'effects']));
    r.all(d.allocate?.teams, ['team'], [...at, 'allocate', 'teams']);
    r.all(d.allocate?.places, TARGET, [...at, 'allocate', 'places']);
    d.expected.allocations?.forEach((a, j) => {
      r.check(a.team, ['team'], [...at, 'expected', 'allocations', j, 'team']);
      r.check(a.to, TARGET, [...at, 'expected', 'allocations', j, 'to']);
    });
    r.effects(d.expected.onExpiry, [...at, 'expected', 'onExpiry']);
    d.rubric.forEach((line, j) => {
      if ('allocated' in line.when) {
        r.check(line.when.allocated.team, ['team'], [...at, 'rubric', j, 'when', 'allocated', 'team']);
        r.check(line.when.allocated.to, TARGET, [...at, 'rubric', j, 'when', 'allocated', 'to']);
      }
    });
    r.check(d.capability, ['capability'], [...at, 'capability']);
  });
}

/** Option ids are local to their decision: unique there, and what rubric lines and conditions name. */
function checkOptions(s: Scenario, out: Finding[]): void {
  const optionsOf = new Map(s.decisions.map((d) => [d.id, d.options.map((o) => o.id)]));
  const unknownOption = (option: string, decision: string, path: Path) => {
    const known = optionsOf.get(decision);
    if (!known || known.includes(option)) return;
    out.push({ path, rule: 'reference', message: `decision '${decision}' has no option '${option}'`, expected: known.join(' | '), hint: didYouMean(option, known) ?? `its options are: ${known.join(', ')}`, zh: { message: `决策 '${decision}' 没有选项 '${option}'`, hint: `它的选项为：${known.join(', ')}` } });
  };
  s.decisions.forEach((d, i) => {
    const at = ['decisions', i];
    const seen = new Set<string>();
    d.options.forEach((o, j) => {
      if (seen.has(o.id)) out.push({ path: [...at, 'options', j, 'id'], rule: 'unique-id', message: `option id '${o.id}' appears twice in this decision`, hint: 'rename one of them', zh: { message: `选项编号 '${o.id}' 在本决策中出现了两次`, hint: '给其中一个改名' } });
      seen.add(o.id);
    });
    d.expected.options?.forEach((o, j) => unknownOption(o, d.id, [...at, 'expected', 'options', j]));
    d.rubric.forEach((line, j) => {
      const w = line.when;
      if ('chose' in w) unknownOption(w.chose, d.id, [...at, 'rubric', j, 'when', 'chose']);
      if ('notChose' in w) unknownOption(w.notChose, d.id, [...at, 'rubric', j, 'when', 'notChose']);
    });
    const kindProblem =
      (d.kind === 'single' || d.kind === 'multiple') && d.options.length < 2 ? { message: `a ${d.kind}-choice decision needs at least two options`, zh: `${d.kind === 'single' ? '单选' : '多选'}决策至少需要两个选项` }
      : d.kind === 'allocation' && !d.allocate ? { message: "an allocation decision needs 'allocate' (its teams and places)", zh: "力量分配决策需要 'allocate'（可分派的队伍和地点）" }
      : undefined;
    if (kindProblem) out.push({ path: [...at, 'kind'], rule: 'decision-kind', message: kindProblem.message, zh: { message: kindProblem.zh } });
    else {
      const missing = expectedAnswerProblem(d);
      if (missing) out.push({ path: [...at, 'expected', ...missing.at], rule: 'decision-kind', message: missing.message, hint: missing.hint, zh: missing.zh });
    }
    if (DECISION_KINDS[d.kind].measure === 'rubric' && !d.rubric.some((l) => l.points > 0)) out.push({ path: [...at, 'rubric'], rule: 'decision-kind', message: 'the rubric gives no positive points: nothing can be scored', hint: 'give the plan\'s expected answer its points', zh: { message: '评分细则没有正分条目：无法评分', hint: '给预案期望答案设置得分' } });
  });
  s.decisions.forEach((d, i) => {
    if (!d.allocate) return;
    const teams = new Set(d.allocate.teams);
    const places = new Set(d.allocate.places);
    const offered = (a: { team: string; to: string }, path: Path) => {
      if (!teams.has(a.team)) out.push({ path: [...path, 'team'], rule: 'decision-kind', message: `team '${a.team}' is not among the teams this decision allocates`, hint: `add it to allocate.teams (${[...teams].join(', ')})`, zh: { message: `队伍 '${a.team}' 不在本决策可分派的队伍中`, hint: `把它加入 allocate.teams（${[...teams].join(', ')}）` } });
      if (!places.has(a.to)) out.push({ path: [...path, 'to'], rule: 'decision-kind', message: `'${a.to}' is not among the places this decision allocates to`, hint: `add it to allocate.places (${[...places].join(', ')})`, zh: { message: `'${a.to}' 不在本决策可分派的地点中`, hint: `把它加入 allocate.places（${[...places].join(', ')}）` } });
    };
    d.expected.allocations?.forEach((a, j) => offered(a, ['decisions', i, 'expected', 'allocations', j]));
    d.rubric.forEach((line, j) => 'allocated' in line.when && offered(line.when.allocated, ['decisions', i, 'rubric', j, 'when', 'allocated']));
  });
  const visit = (c: Condition, path: Path): void => {
    if ('chose' in c) unknownOption(c.chose.option, c.chose.decision, [...path, 'chose', 'option']);
    else if ('all' in c) c.all.forEach((x, i) => visit(x, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((x, i) => visit(x, [...path, 'any', i]));
    else if ('not' in c) visit(c.not, [...path, 'not']);
  };
  s.injects.forEach((x, i) => x.when && visit(x.when, ['injects', i, 'when']));
}

/**
 * The plan's answer must be one the authority accepts (src/core/commands.ts refuseAnswer): plan and
 * late bots give it as it stands, and a refused answer used to be drawn again forever.
 */
function expectedAnswerProblem(d: Scenario['decisions'][number]): { at: Path; message: string; hint: string; zh: { message: string; hint: string } } | undefined {
  const options = d.expected.options ?? [];
  const example = d.options[0]?.id ?? 'option-id';
  if (d.kind === 'single' && options.length !== 1) {
    return {
      at: d.expected.options ? ['options'] : [],
      message: `a single-choice decision expects exactly one option, not ${options.length}`,
      hint: `name the option the plan expects, e.g. expected: { options: [${options[0] ?? example}] }`,
      zh: { message: `单选决策的预案期望答案应恰好为一个选项，而不是 ${options.length} 个`, hint: `写出预案期望的选项，例如 expected: { options: [${options[0] ?? example}] }` },
    };
  }
  if (d.kind === 'multiple' && options.length === 0) {
    return { at: d.expected.options ? ['options'] : [], message: 'a multiple-choice decision expects at least one option', hint: `name the options the plan expects, e.g. expected: { options: [${example}] }`, zh: { message: '多选决策的预案期望答案至少要有一个选项', hint: `写出预案期望的选项，例如 expected: { options: [${example}] }` } };
  }
  if (d.kind === 'allocation' && (d.expected.allocations ?? []).length === 0) {
    const team = d.allocate?.teams[0] ?? 'team-id';
    const place = d.allocate?.places[0] ?? 'place-id';
    return { at: d.expected.allocations ? ['allocations'] : [], message: 'an allocation decision expects at least one allocation', hint: `say where the plan sends which team, e.g. expected: { allocations: [{ team: ${team}, to: ${place} }] }`, zh: { message: '力量分配决策的预案期望答案至少要有一项分派', hint: `写出预案把哪支队伍派往何处，例如 expected: { allocations: [{ team: ${team}, to: ${place} }] }` } };
  }
  return undefined;
}

// ── time ────────────────────────────────────────────────────────────────────

/** Drill-time positions of nodes, injects and decisions (undefined where it depends on play). */
class DrillClock {
  readonly nodeStart = new Map<string, number>();
  readonly nodeEnd = new Map<string, number>();
  private readonly injects: Scenario['injects'];

  constructor(s: Scenario) {
    let t = 0;
    for (const n of s.nodes) {
      this.nodeStart.set(n.id, t);
      t += n.length;
      this.nodeEnd.set(n.id, t);
    }
    this.injects = s.injects;
  }

  inject(id: string): { t: number; node: string } | undefined {
    const x = this.injects.find((i) => i.id === id);
    const start = x && this.nodeStart.get(x.at.node);
    return x && start !== undefined && !x.optional ? { t: start + x.at.offset, node: x.at.node } : undefined;
  }

  opening(d: Scenario['decisions'][number]): { t: number; node: string } | undefined {
    if ('node' in d.opens) {
      const start = this.nodeStart.get(d.opens.node);
      return start === undefined ? undefined : { t: start + d.opens.offset, node: d.opens.node };
    }
    const after = this.inject(d.opens.after);
    return after && { t: after.t + d.opens.delay, node: after.node };
  }
}

const clockText = (ms: number) => `drill ${formatDuration(ms)}`;

function checkNodes(s: Scenario, out: Finding[]): void {
  s.nodes.forEach((n, i) => {
    const at = ['nodes', i, 'span'];
    if (n.span.to <= n.span.from) out.push({ path: [...at, 'to'], rule: 'node-time', message: `the node ends (T+${formatDuration(n.span.to)}) before it begins (T+${formatDuration(n.span.from)})`, zh: { message: `节点结束（T+${formatDuration(n.span.to)}）早于开始（T+${formatDuration(n.span.from)}）` } });
    const prev = s.nodes[i - 1];
    const expectedFrom = prev ? prev.span.to : 0;
    if (n.span.from !== expectedFrom) {
      out.push({
        path: [...at, 'from'],
        rule: 'node-time',
        message: prev
          ? `nodes must cover scenario time without gaps or overlaps: this one starts at T+${formatDuration(n.span.from)}, the one before ends at T+${formatDuration(prev.span.to)}`
          : `the first node must start at the earthquake (T+0), not T+${formatDuration(n.span.from)}`,
        hint: `set from: ${formatDuration(expectedFrom)}`,
        zh: {
          message: prev
            ? `时间节点必须无间隙、无重叠地覆盖情景时间：本节点从 T+${formatDuration(n.span.from)} 开始，前一节点在 T+${formatDuration(prev.span.to)} 结束`
            : `第一个时间节点必须从地震发生时（T+0）开始，而不是 T+${formatDuration(n.span.from)}`,
          hint: `设为 from: ${formatDuration(expectedFrom)}`,
        },
      });
    }
    if (n.length <= 0) out.push({ path: ['nodes', i, 'length'], rule: 'node-time', message: 'a time node must last some drill time', zh: { message: '时间节点的推演时长必须大于 0' } });
  });
}

/** Drill-time fields are at most a day: a stray digit otherwise makes a drill that never ends. */
function checkDrillDurations(s: Scenario, out: Finding[]): void {
  const cap = (ms: number | undefined, path: Path, what: string, whatZh: string) => {
    if (ms !== undefined && ms > MAX_DRILL_MS) {
      out.push({
        path,
        rule: 'drill-time',
        message: `${what} is ${formatDuration(ms)} of drill time; a drill runs at most ${MAX_DRILL_MS / 3_600_000}h in the room`,
        hint: 'drill time is the time in the room; scenario time after the earthquake goes in the node\'s span',
        zh: { message: `${whatZh}为 ${formatDuration(ms)} 演练时长；一次演练在现场最多进行 ${MAX_DRILL_MS / 3_600_000}h`, hint: '演练时长是现场推演所用的时间；地震发生后的情景时间应写在时间节点的 span 中' },
      });
    }
  };
  s.nodes.forEach((n, i) => cap(n.length, ['nodes', i, 'length'], 'the node\'s length', '时间节点的长度'));
  s.injects.forEach((x, i) => cap(x.at.offset, ['injects', i, 'at', 'offset'], 'the offset', '注入时刻'));
  s.decisions.forEach((d, i) => {
    const at = ['decisions', i];
    cap('node' in d.opens ? d.opens.offset : d.opens.delay, [...at, 'opens', 'node' in d.opens ? 'offset' : 'delay'], 'the opening time', '决策开启时刻');
    cap(d.deadline, [...at, 'deadline'], 'the deadline', '截止时间');
    cap(d.target, [...at, 'target'], 'the target', '目标用时');
    if (d.deadline <= 0) out.push({ path: [...at, 'deadline'], rule: 'drill-time', message: 'the deadline is 0: the decision would close as it opens', hint: 'give the seat time to answer, e.g. deadline: 5m', zh: { message: '时限为 0：决策一开启就会关闭', hint: '给席位留出作答时间，例如 deadline: 5m' } });
  });
}

function checkTimes(s: Scenario, clock: DrillClock, out: Finding[]): void {
  const lengthOf = new Map(s.nodes.map((n) => [n.id, n.length]));
  s.injects.forEach((x, i) => {
    const length = lengthOf.get(x.at.node);
    if (length !== undefined && x.at.offset >= length) {
      out.push({ path: ['injects', i, 'at', 'offset'], rule: 'inside-node', message: `offset ${formatDuration(x.at.offset)} is past the end of node '${x.at.node}' (${formatDuration(length)} long)`, hint: `use an offset below ${formatDuration(length)}, or put the inject in a later node`, zh: { message: `注入时刻 ${formatDuration(x.at.offset)} 已超出时间节点 '${x.at.node}' 的结束（该节点长 ${formatDuration(length)}）`, hint: `把注入时刻设为小于 ${formatDuration(length)}，或把该注入放到后面的时间节点` } });
    }
  });
  s.decisions.forEach((d, i) => {
    const at = ['decisions', i];
    if (d.target !== undefined && d.target > d.deadline) out.push({ path: [...at, 'target'], rule: 'inside-node', message: `the target (${formatDuration(d.target)}) is after the deadline (${formatDuration(d.deadline)})`, zh: { message: `目标用时（${formatDuration(d.target)}）长于时限（${formatDuration(d.deadline)}）` } });
    const open = clock.opening(d);
    if (!open) return;
    const end = clock.nodeEnd.get(open.node)!;
    if (open.t >= end) {
      out.push({ path: [...at, 'opens'], rule: 'inside-node', message: `the decision would open at ${clockText(open.t)}, after its node '${open.node}' ends at ${clockText(end)}`, hint: 'open it earlier, or in a later node', zh: { message: `决策将在演练 ${formatDuration(open.t)} 开启，晚于其时间节点 '${open.node}' 的结束（演练 ${formatDuration(end)}）`, hint: '让它更早开启，或放到后面的时间节点' } });
    } else if (open.t + d.deadline > end) {
      out.push({ path: [...at, 'deadline'], rule: 'inside-node', message: `the deadline (${clockText(open.t + d.deadline)}) falls after node '${open.node}' ends (${clockText(end)})`, hint: `shorten the deadline to at most ${formatDuration(end - open.t)}`, zh: { message: `截止时间（演练 ${formatDuration(open.t + d.deadline)}）晚于时间节点 '${open.node}' 的结束（演练 ${formatDuration(end)}）`, hint: `把截止时间缩短到最多 ${formatDuration(end - open.t)}` } });
    }
  });
}

// ── can every decision open, can every contingency fire? ────────────────────

function checkReachable(s: Scenario, clock: DrillClock, out: Finding[]): void {
  const decisions = new Map(s.decisions.map((d) => [d.id, d]));
  const injectTime = (id: string) => clock.inject(id)?.t;
  const canOpen = new Set<string>();
  const canFire = new Set<string>();
  const canAppear = new Set<string>();

  /** Whether `c` can hold at drill time `t` (undefined: the inject's time depends on play). */
  const canHold = (c: Condition, t: number | undefined): boolean => {
    if ('expired' in c) {
      const d = decisions.get(c.expired);
      const open = d && clock.opening(d);
      return canOpen.has(c.expired) && (t === undefined || !open || open.t + d!.deadline <= t);
    }
    if ('chose' in c) {
      const d = decisions.get(c.chose.decision);
      const open = d && clock.opening(d);
      return canOpen.has(c.chose.decision) && (t === undefined || !open || open.t < t);
    }
    if ('uncontained' in c) return canAppear.has(c.uncontained);
    if ('occurred' in c) {
      const other = injectTime(c.occurred);
      return canFire.has(c.occurred) && (t === undefined || other === undefined || other <= t);
    }
    if ('all' in c) return c.all.every((x) => canHold(x, t));
    if ('any' in c) return c.any.some((x) => canHold(x, t));
    return true;
  };

  const firedByChoice = new Set(
    s.decisions.flatMap((d) => [...d.options.flatMap((o) => o.effects), ...d.expected.onExpiry].flatMap((e) => (e.do === 'fire-inject' ? [{ inject: e.inject, by: d.id }] : []))),
  );
  for (let changed = true; changed; ) {
    changed = false;
    const add = (set: Set<string>, id: string) => {
      if (!set.has(id)) {
        set.add(id);
        changed = true;
      }
    };
    for (const x of s.injects) {
      const byChoice = [...firedByChoice].some((f) => f.inject === x.id && canOpen.has(f.by));
      if (x.optional || byChoice || !x.when || canHold(x.when, injectTime(x.id))) {
        add(canFire, x.id);
        if (x.incident) add(canAppear, x.incident.id);
      }
    }
    for (const c of s.cascades) if (canAppear.has(c.from) && 'spawn' in c.then) add(canAppear, c.then.spawn.id);
    for (const d of s.decisions) if ('node' in d.opens || canFire.has(d.opens.after)) add(canOpen, d.id);
  }

  s.injects.forEach((x, i) => {
    if (!canFire.has(x.id)) out.push({ path: ['injects', i, 'when'], rule: 'reachable', message: `the condition of inject '${x.id}' can never hold, so it never fires`, hint: 'check the decisions, incidents and injects it names, and that they come before it', zh: { message: `注入信息 '${x.id}' 的条件永远不会满足，因此不会下达`, hint: '检查它引用的决策、灾情和注入信息，以及它们是否在它之前发生' } });
  });
  s.decisions.forEach((d, i) => {
    if (!canOpen.has(d.id)) out.push({ path: ['decisions', i, 'opens'], rule: 'reachable', message: `decision '${d.id}' can never open: the inject it waits for never fires`, hint: 'open it at a node and offset, or after an inject that can fire', zh: { message: `决策 '${d.id}' 永远不会开启：它等待的注入信息不会下达`, hint: '改为在某节点的某时刻开启，或在一条能下达的注入信息之后开启' } });
  });
}

// ── cascades ────────────────────────────────────────────────────────────────

/** A loop of cascades with no delay would spawn incidents forever at one instant. */
function checkCascadeCycles(s: Scenario, out: Finding[]): void {
  const target = (c: Scenario['cascades'][number]) => ('spawn' in c.then ? c.then.spawn.id : c.then.worsen.incident);
  const instant = new Map<string, { to: string; index: number }[]>();
  s.cascades.forEach((c, index) => {
    if (c.after === 0) instant.set(c.from, [...(instant.get(c.from) ?? []), { to: target(c), index }]);
  });
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<number>();
  const visit = (incident: string, trail: number[]): void => {
    state.set(incident, 'open');
    for (const edge of instant.get(incident) ?? []) {
      const mark = state.get(edge.to);
      if (mark === 'open') {
        if (reported.has(edge.index)) continue;
        reported.add(edge.index);
        const loop = [...trail, edge.index].map((i) => s.cascades[i]!.id);
        out.push({ path: ['cascades', edge.index, 'after'], rule: 'cascade-cycle', message: `cascades ${loop.join(' → ')} form a loop with no delay`, hint: 'give at least one of them a delay (after: 30m)', zh: { message: `次生衍生关系 ${loop.join(' → ')} 构成没有延迟的循环`, hint: '至少给其中一条设置延迟（after: 30m）' } });
      } else if (!mark) visit(edge.to, [...trail, edge.index]);
    }
    state.set(incident, 'done');
  };
  for (const from of instant.keys()) if (!state.has(from)) visit(from, []);
}

// ── space and numbers ───────────────────────────────────────────────────────

function checkBounds(s: Scenario, out: Finding[]): void {
  const b = s.region.bounds;
  if (b.south >= b.north || b.west >= b.east) {
    out.push({ path: ['region', 'bounds'], rule: 'bounds', message: 'the bounds are empty: south must be below north and west left of east', zh: { message: '区域范围为空：south 应小于 north，west 应小于 east' } });
    return;
  }
  const inside = (lat: number, lon: number, path: Path) => {
    if (lat < b.south || lat > b.north || lon < b.west || lon > b.east) {
      out.push({ path, rule: 'bounds', message: `${lat}, ${lon} lies outside the region (${b.south}–${b.north} N, ${b.west}–${b.east} E)`, hint: 'check for swapped latitude and longitude, or widen region.bounds', zh: { message: `${lat}, ${lon} 在区域范围之外（北纬 ${b.south}–${b.north}，东经 ${b.west}–${b.east}）`, hint: '检查纬度和经度是否写反，或扩大 region.bounds' } });
    }
  };
  inside(s.earthquake.epicentre.lat, s.earthquake.epicentre.lon, ['earthquake', 'epicentre']);
  s.region.settlements.forEach((x, i) => inside(x.lat, x.lon, ['region', 'settlements', i, 'lat']));
  s.region.facilities.forEach((x, i) => inside(x.lat, x.lon, ['region', 'facilities', i, 'lat']));
  s.region.routes.forEach((r, i) => r.path.forEach(([lat, lon], j) => inside(lat, lon, ['region', 'routes', i, 'path', j])));
  const org = s.organisation;
  const point = (p: string | { lat: number; lon: number }, path: Path) => typeof p === 'object' && inside(p.lat, p.lon, path);
  point(org.hq.base, ['organisation', 'hq', 'base']);
  org.units.forEach((u, i) => {
    point(u.base, ['organisation', 'units', i, 'base']);
    u.teams.forEach((t, j) => t.base !== undefined && point(t.base, ['organisation', 'units', i, 'teams', j, 'base']));
  });
  org.counties.forEach((c, i) => point(c.base, ['organisation', 'counties', i, 'base']));
}

function checkNumbers(s: Scenario, out: Finding[]): void {
  s.region.settlements.forEach((x, i) => {
    const sum = Object.values(x.buildings).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 0.01) out.push({ path: ['region', 'settlements', i, 'buildings'], rule: 'shares', message: `the building shares add up to ${sum.toFixed(2)}, not 1`, zh: { message: `各类建筑比例之和为 ${sum.toFixed(2)}，应为 1` } });
  });
  const w = s.scoring.weights;
  const sum = w.correctness + w.timeliness + w.consequence;
  if (Math.abs(sum - 1) > 0.001) out.push({ path: ['scoring', 'weights'], rule: 'shares', message: `the weights add up to ${sum.toFixed(3)}, not 1`, zh: { message: `评分权重之和为 ${sum.toFixed(3)}，应为 1` } });
  const r = s.scoring.ratings;
  if (!(r.P > r.S && r.S > r.M)) out.push({ path: ['scoring', 'ratings'], rule: 'shares', message: `the thresholds must fall P > S > M (found P ${r.P}, S ${r.S}, M ${r.M})`, zh: { message: `评级阈值应为 优 > 良 > 中（现为 P ${r.P}、S ${r.S}、M ${r.M}）` } });
  s.responseLevels.forEach((l, i) => {
    const c = l.criteria;
    if (c.deathsMin !== undefined && c.deathsMax !== undefined && c.deathsMin > c.deathsMax) out.push({ path: ['responseLevels', i, 'criteria', 'deathsMin'], rule: 'shares', message: `deathsMin (${c.deathsMin}) is above deathsMax (${c.deathsMax})`, zh: { message: `死亡人数下限 deathsMin（${c.deathsMin}）大于上限 deathsMax（${c.deathsMax}）` } });
    if (c.magnitudeMin !== undefined && c.magnitudeMax !== undefined && c.magnitudeMin > c.magnitudeMax) out.push({ path: ['responseLevels', i, 'criteria', 'magnitudeMin'], rule: 'shares', message: `magnitudeMin (${c.magnitudeMin}) is above magnitudeMax (${c.magnitudeMax})`, zh: { message: `震级下限 magnitudeMin（${c.magnitudeMin}）大于上限 magnitudeMax（${c.magnitudeMax}）` } });
  });
  const levels = new Set<string>();
  s.responseLevels.forEach((l, i) => {
    if (levels.has(l.level)) out.push({ path: ['responseLevels', i, 'level'], rule: 'unique-id', message: `level ${l.level} is defined twice`, zh: { message: `${l.level} 级响应定义了两次` } });
    levels.add(l.level);
  });
}

/** Conditions that could not do what they say: the cold option with no temperature, a night with no length. */
function checkConditions(s: Scenario, out: Finding[]): void {
  const c = s.conditions;
  if (!c) return;
  if (c.coldSurvival && c.weather?.temperatureC === undefined) {
    out.push({ path: ['conditions', 'coldSurvival'], rule: 'conditions', message: 'coldSurvival needs the air temperature: without weather.temperatureC it changes nothing', hint: 'add weather: { kind: …, temperatureC: -8 }, or remove coldSurvival', zh: { message: 'coldSurvival 需要气温：未写 weather.temperatureC 时不起作用', hint: '写上 weather: { kind: …, temperatureC: -8 }，或删去 coldSurvival' } });
  }
  if (c.darkness && c.darkness.dusk === c.darkness.dawn) {
    out.push({ path: ['conditions', 'darkness', 'dawn'], rule: 'conditions', message: `dusk and dawn are both ${c.darkness.dawn}: it would never be dark`, hint: 'write the local time darkness falls (dusk) and the time it is light again (dawn), or leave darkness out to have them computed', zh: { message: `黄昏与黎明都是 ${c.darkness.dawn}：这样永远不会天黑`, hint: '写出当地天黑（dusk）和天亮（dawn）的时刻，或删去 darkness 由程序计算' } });
  }
}

/** Media load only from beside the scenario (or an https address the app allow-lists). */
function checkMedia(s: Scenario, out: Finding[]): void {
  s.injects.forEach((x, i) => {
    const problem = x.media && mediaPathProblem(x.media.file);
    if (problem) {
      out.push({
        path: ['injects', i, 'media', 'file'],
        rule: 'media',
        message: problem.message,
        hint: 'put the file in the scenario\'s folder or below and name it from there, e.g. media/collapse.jpg',
        zh: { message: problem.zh, hint: '把媒体文件放在情景文件所在的文件夹或其子文件夹中，并从那里写路径，例如 media/collapse.jpg' },
      });
    }
  });
}

/** A wrong reference in Chinese: the same finding as the English, with the nearest id the file has. */
function referenceZh(id: string, found: Kind | undefined, kinds: Kind[], candidates: string[]): { message: string; hint: string } {
  const what = kinds.map((k) => NOUN_ZH[k]).join('或');
  const near = didYouMean(id, candidates);
  const nearest = near ? /'([^']*)'/.exec(near)?.[1] : undefined;
  return {
    message: found ? `'${id}' 是${NOUN_ZH[found]}，此处应填${what}` : `未知的${what} '${id}'`,
    hint: nearest ? `是不是要写 '${nearest}'？` : candidates.length ? `已有：${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}` : `请先定义${what}`,
  };
}
