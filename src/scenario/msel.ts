// The drill script (演练脚本, STANDARDS.md) as a spreadsheet MSEL: one row per inject, the columns
// trainers keep (环节, 阶段, T+, 注入内容, 注入方式, 接收单位, 问题, 期望行动), to and from the file format.
// Pure (no Node built-ins): the CLI reads and writes the files, the authoring view shows the table.
import { z } from 'zod';
import { formatDuration, MAX_DRILL_MS, parseDuration } from './duration.ts';
import { ID_PATTERN } from './effect.ts';
import { DELIVERY, FORMAT_V2, PHASES, scenarioSchema, type Scenario } from './schema.ts';

type Text = { zh: string; en: string };
type Delivery = (typeof DELIVERY)[number];
type Phase = (typeof PHASES)[number];

export type MselKey =
  | 'id' | 'node' | 'nodeId' | 'phase' | 'offset' | 'title' | 'titleEn' | 'narrative' | 'narrativeEn'
  | 'via' | 'to' | 'toIds' | 'question' | 'questionEn' | 'expected' | 'expectedEn';

export interface MselColumn {
  key: MselKey;
  /** The header written, and read (zh is what the 演练脚本 calls it). */
  zh: string;
  /** The English header, also read. */
  en: string;
  /** English text columns are written only when the scenario has English text for them. */
  english: boolean;
}

const col = (key: MselKey, zh: string, en: string, english = false): MselColumn => ({ key, zh, en, english });

/**
 * The columns, in the spreadsheet's order. T+ is the inject's `at.offset`: DRILL time after its 环节
 * opens (what the controller's clock shows), not scenario time after the earthquake — the sheet
 * carries no node spans, and drill time is what the file stores, so a sheet round-trips exactly.
 */
export const MSEL_COLUMNS: readonly MselColumn[] = [
  col('id', '编号', 'id'),
  col('node', '环节', 'node'),
  col('nodeId', '环节 id', 'node id'),
  col('phase', '阶段', 'phase'),
  col('offset', 'T+', 'T+ (drill time into the node)'),
  col('title', '标题', 'title'),
  col('titleEn', '标题 (en)', 'title (en)', true),
  col('narrative', '注入内容', 'narrative'),
  col('narrativeEn', '注入内容 (en)', 'narrative (en)', true),
  col('via', '注入方式', 'via'),
  col('to', '接收单位', 'to'),
  col('toIds', '接收单位 id', 'to (ids)'),
  col('question', '问题', 'question'),
  col('questionEn', '问题 (en)', 'question (en)', true),
  col('expected', '期望行动', 'expected action'),
  col('expectedEn', '期望行动 (en)', 'expected action (en)', true),
];

/** Other headers trainers' sheets use for the same columns (STANDARDS.md's 演练脚本 names among them). */
const ALIASES: Partial<Record<MselKey, readonly string[]>> = {
  id: ['注入编号', '序号', 'inject id'],
  node: ['环节序号', '时间节点', '节点', '环节名称'],
  offset: ['演练时间', '演练时间 (T+)', 'offset', 'time'],
  narrative: ['情景/注入内容', '情景', '注入信息', 'inject'],
  via: ['delivery', 'method'],
  to: ['recipients', 'receiving units'],
  expected: ['expected', 'expected actions'],
};

/** 注入方式 words: the first is written, every one is read (the enum too); 电台 as the console shows it. */
export const VIA_WORDS = {
  text: ['文字', '文本', '书面'],
  phone: ['电话'],
  report: ['报告'],
  video: ['视频'],
  image: ['图片', '图像', '照片'],
  radio: ['电台', '无线电'],
  meeting: ['会议', '会商'],
} as const satisfies Record<Delivery, readonly string[]>;

/** 阶段 words, as the app names the phases (i18n 'phase.*'). */
export const PHASE_WORDS = {
  response: ['应急响应', '响应'],
  rescue: ['抢险救援', '救援'],
  recovery: ['恢复重建', '恢复'],
} as const satisfies Record<Phase, readonly string[]>;

/** Every cell of a row, as text. */
export type MselCells = Record<MselKey, string>;

export interface MselRow extends MselCells {
  /** Scenario time the inject is due, ms after the earthquake (not a column: the authoring table shows it). */
  scenarioMs: number;
}

interface Named {
  id: string;
  name: { zh: string; en?: string };
}

/** What an MSEL is drawn from: a whole scenario, or an import-msel skeleton's nodes, injects and seats. */
export interface MselSource {
  nodes: Scenario['nodes'];
  injects: Scenario['injects'];
  organisation?: { hq?: Named; groups?: Named[]; units?: Named[]; counties?: Named[] };
}

const SEPARATOR = '、';

/** One row per inject, in node order, then by T+, then in file order. */
export function mselRows(scenario: MselSource): MselRow[] {
  const org = scenario.organisation;
  const seats = new Map<string, string>([org?.hq, ...(org?.groups ?? []), ...(org?.units ?? []), ...(org?.counties ?? [])].filter((x) => x !== undefined).map((x) => [x.id, x.name.zh]));
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const ordered = scenario.injects
    .map((inject, i) => ({ inject, i, node: nodeIndex.get(inject.at.node) ?? scenario.nodes.length }))
    .sort((a, b) => a.node - b.node || a.inject.at.offset - b.inject.at.offset || a.i - b.i);
  return ordered.map(({ inject: x }) => {
    const node = scenario.nodes.find((n) => n.id === x.at.node);
    return {
      id: x.id,
      node: node?.name.zh ?? x.at.node,
      nodeId: x.at.node,
      phase: node ? PHASE_WORDS[node.phase][0] : '',
      offset: `T+${formatDuration(x.at.offset)}`,
      title: x.title.zh,
      titleEn: x.title.en ?? '',
      narrative: x.narrative.zh,
      narrativeEn: x.narrative.en ?? '',
      via: VIA_WORDS[x.via][0],
      to: x.to.map((id) => seats.get(id) ?? id).join(SEPARATOR),
      toIds: x.to.join(', '),
      question: x.question?.zh ?? '',
      questionEn: x.question?.en ?? '',
      expected: x.expected?.zh ?? '',
      expectedEn: x.expected?.en ?? '',
      // As the engine maps drill time onto the node's span (src/core/time.ts scenarioAt).
      scenarioMs: node ? Math.min(node.span.to, node.span.from + (x.at.offset * (node.span.to - node.span.from)) / node.length) : 0,
    };
  });
}

/** The columns a sheet of these rows needs: every one but the English text nobody wrote. */
export function mselColumnsFor(rows: readonly Partial<MselCells>[]): MselColumn[] {
  return MSEL_COLUMNS.filter((c) => !c.english || rows.some((r) => (r[c.key] ?? '').trim() !== ''));
}

// ── reading a sheet ─────────────────────────────────────────────────────────

const normal = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s*:：]/g, '');
const HEADERS = new Map<string, MselKey>(
  MSEL_COLUMNS.flatMap((c) => [c.zh, c.en, ...(ALIASES[c.key] ?? [])].map((h) => [normal(h), c.key] as const)),
);
/** A header row names 注入内容 and at least two other columns; real sheets put a title or two above it. */
const HEADER_SEARCH_ROWS = 20;
const MIN_HEADERS = 3;

export interface MselSheetRow extends Partial<MselCells> {
  /** The row number in the sheet (1-based, as the spreadsheet shows it). */
  row: number;
}

/**
 * The MSEL rows of a sheet (cells as text, row 1 first): the header row is found by its names, zh or
 * en, among the first 20 rows; rows with no cell filled are left out.
 */
export function sheetRows(sheet: readonly (readonly string[])[]): { ok: true; rows: MselSheetRow[]; ignored: string[] } | { ok: false; message: Text } {
  for (let h = 0; h < Math.min(sheet.length, HEADER_SEARCH_ROWS); h++) {
    const keys = sheet[h]!.map((cell) => HEADERS.get(normal(cell)));
    const found = new Set(keys.filter((k) => k !== undefined));
    if (!found.has('narrative') || found.size < MIN_HEADERS) continue;
    const ignored = sheet[h]!.filter((cell, i) => cell.trim() !== '' && keys[i] === undefined);
    const rows: MselSheetRow[] = [];
    for (let r = h + 1; r < sheet.length; r++) {
      const row: MselSheetRow = { row: r + 1 };
      keys.forEach((key, i) => {
        // The first column of a name wins: a second 注入内容 column is someone's draft.
        if (key && row[key] === undefined) row[key] = (sheet[r]![i] ?? '').trim();
      });
      if (keys.some((key, i) => key && (sheet[r]![i] ?? '').trim() !== '')) rows.push(row);
    }
    return { ok: true, rows, ignored };
  }
  return {
    ok: false,
    message: {
      zh: `前 ${HEADER_SEARCH_ROWS} 行中没有表头行：表头行须含“注入内容”及另外至少两列（环节、阶段、T+、注入方式、接收单位、问题、期望行动…）`,
      en: `no header row in the first ${HEADER_SEARCH_ROWS} rows: the header row names 注入内容 (narrative) and at least two other columns (环节, 阶段, T+, 注入方式, 接收单位, 问题, 期望行动…)`,
    },
  };
}

const UNIT_WORDS: [RegExp, string][] = [[/天|日/g, 'd'], [/小时|时/g, 'h'], [/分钟|分|min/g, 'm'], [/秒|sec/g, 's']];

/** T+ in ms: "T+2m", "2m", "1h30m", "T+ 2 分钟", "1小时30分", "0:02" (h:mm), "0:02:30", or "0". */
export function parseOffset(cell: string): number | undefined {
  let s = cell.normalize('NFKC').toLowerCase().replace(/\s/g, '').replace(/^t\+/, '');
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) return (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000;
  if (s === '0') return 0;
  for (const [re, unit] of UNIT_WORDS) s = s.replace(re, unit);
  return parseDuration(s);
}

const word = <K extends string>(table: Record<K, readonly string[]>, cell: string): K | undefined => {
  const s = normal(cell);
  return (Object.keys(table) as K[]).find((k) => normal(k) === s || table[k].some((w) => normal(w) === s));
};

const splitNames = (cell: string) => cell.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);
const splitIds = (cell: string) => cell.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean);
const quoted = (s: string) => `“${s}”`;
const list = (words: readonly string[], sep = ', ') => words.join(sep);

export interface MselProblem {
  /** The sheet row. */
  row: number;
  column: MselKey | null;
  message: Text;
}

interface NodeDraft {
  id: string;
  name: string;
  phase?: Phase;
  firstRow: number;
  maxOffset: number;
}

interface InjectDraft {
  row: number;
  id: string;
  node: NodeDraft;
  offset: number;
  cells: Partial<MselCells>;
  to: string[];
}

/** The first of prefix1, prefix2 … not used yet (now taken). */
function freshId(used: Set<string>, prefix: string): string {
  for (let k = 1; ; k++) {
    const id = `${prefix}${k}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/**
 * A YAML skeleton from MSEL rows: its `nodes`, `injects`, and the receiving units as placeholder
 * seats, with a problem per bad cell. A row with a problem is written as a comment (nothing typed is
 * lost, and what is left still parses), so fixing the sheet and importing again is the way on.
 * Empty 环节 and 阶段 cells take the row above's (merged cells read as empty below their first row).
 */
export function rowsToYamlSkeleton(rows: readonly (Partial<MselCells> & { row?: number })[], source = 'the MSEL'): { yaml: string; problems: MselProblem[] } {
  const problems: MselProblem[] = [];
  const problem = (row: number, column: MselKey | null, zh: string, en: string) => problems.push({ row, column, message: { zh, en } });
  const numbered = rows.map((r, i) => ({ ...r, row: r.row ?? i + 1 }));
  const cell = (r: Partial<MselCells>, k: MselKey) => (r[k] ?? '').trim();

  // Ids the sheet gives are taken first, so generated ones never clash with them.
  const usedNodeIds = new Set<string>();
  const usedInjectIds = new Set<string>();
  const usedSeatIds = new Set<string>();
  const seatIdOf = new Map<string, string>();
  for (const r of numbered) {
    if (ID_PATTERN.test(cell(r, 'nodeId'))) usedNodeIds.add(cell(r, 'nodeId'));
    if (ID_PATTERN.test(cell(r, 'id'))) usedInjectIds.add(cell(r, 'id'));
    const names = splitNames(cell(r, 'to'));
    const ids = splitIds(cell(r, 'toIds'));
    if (ids.length === names.length) names.forEach((n, i) => ID_PATTERN.test(ids[i]!) && !seatIdOf.has(n) && seatIdOf.set(n, ids[i]!));
    for (const id of [...ids, ...names]) if (ID_PATTERN.test(id)) usedSeatIds.add(id);
  }

  const newSeat = (name: string) => {
    const id = freshId(usedSeatIds, 'unit-');
    seatIdOf.set(name, id);
    return id;
  };

  const nodes: NodeDraft[] = [];
  const nodeByKey = new Map<string, NodeDraft>();
  const seenInjectIds = new Set<string>();
  const injects: InjectDraft[] = [];
  const bad: { row: number; cells: Partial<MselCells> }[] = [];
  let above: NodeDraft | undefined;

  for (const r of numbered) {
    const before = problems.length;
    // 环节: by its id when given, else by its name; empty → the row above's.
    const nodeId = cell(r, 'nodeId');
    const nodeName = cell(r, 'node');
    let node: NodeDraft | undefined;
    if (nodeId && !ID_PATTERN.test(nodeId)) {
      problem(r.row, 'nodeId', `环节 id ${quoted(nodeId)} 不是合法 id：只用小写字母、数字和连字符，如 n1`, `环节 id "${nodeId}" is not an id: lower-case letters, digits and hyphens, e.g. n1`);
    } else if (!nodeId && !nodeName) {
      node = above;
      if (!node) problem(r.row, 'node', '环节为空，且上面没有行给出环节：请填写环节名称', '环节 (node) is empty and no row above names one: write the node\'s name');
    } else {
      const byId = nodeId ? nodeByKey.get(`id:${nodeId}`) : undefined;
      const byName = nodeName ? nodeByKey.get(`name:${nodeName}`) : undefined;
      if (byId && nodeName && byId.name !== nodeName) {
        problem(r.row, 'node', `环节 id ${nodeId} 在第 ${byId.firstRow} 行叫 ${quoted(byId.name)}，这里叫 ${quoted(nodeName)}：同一环节请用同一名称`, `环节 id ${nodeId} is "${byId.name}" at row ${byId.firstRow} but "${nodeName}" here: give one node one name`);
      } else if (byName && nodeId && byName.id !== nodeId) {
        problem(r.row, 'nodeId', `环节 ${quoted(nodeName)} 在第 ${byName.firstRow} 行的 id 是 ${byName.id}，这里是 ${nodeId}`, `环节 "${nodeName}" has id ${byName.id} at row ${byName.firstRow} but ${nodeId} here`);
      } else {
        node = byId ?? byName;
        if (!node) {
          node = { id: nodeId || freshId(usedNodeIds, 'n'), name: nodeName || nodeId, firstRow: r.row, maxOffset: 0 };
          nodes.push(node);
        }
        nodeByKey.set(`id:${node.id}`, node);
        nodeByKey.set(`name:${node.name}`, node);
      }
    }
    if (node) above = node;

    const phaseCell = cell(r, 'phase');
    if (phaseCell) {
      const phase = word(PHASE_WORDS, phaseCell);
      if (!phase) problem(r.row, 'phase', `阶段 ${quoted(phaseCell)} 不是 ${list(PHASES.map((p) => PHASE_WORDS[p][0]), '、')} 之一`, `阶段 (phase) "${phaseCell}" is not one of ${list(PHASES.map((p) => PHASE_WORDS[p][0]))} or ${list(PHASES)}`);
      else if (node?.phase && node.phase !== phase) problem(r.row, 'phase', `环节 ${quoted(node.name)} 前面的阶段是 ${PHASE_WORDS[node.phase][0]}，这里是 ${phaseCell}：一个环节只属于一个阶段`, `环节 "${node.name}" is in phase ${node.phase} above but ${phase} here: a node has one phase`);
      else if (node) node.phase = phase;
    }

    const offsetCell = cell(r, 'offset');
    const offset = offsetCell ? parseOffset(offsetCell) : undefined;
    if (!offsetCell) problem(r.row, 'offset', 'T+ 为空：填写环节开始后的推演时间，如 T+5m', 'T+ is empty: write the drill time after the node opens, e.g. T+5m');
    else if (offset === undefined) problem(r.row, 'offset', `无法识别 T+ ${quoted(offsetCell)}：写成 T+5m、T+1h30m、5分钟 或 0:05`, `cannot read T+ "${offsetCell}": write T+5m, T+1h30m, 5分钟 or 0:05 (h:mm)`);
    else if (offset > MAX_DRILL_MS) problem(r.row, 'offset', `T+ ${quoted(offsetCell)} 超过 24 小时：T+ 是环节开始后的推演时间，不是震后时间`, `T+ "${offsetCell}" is past 24 h: T+ is the drill time after the node opens, not scenario time`);

    if (!cell(r, 'narrative')) problem(r.row, 'narrative', '注入内容为空：写出向接收单位通报的情景', '注入内容 (narrative) is empty: write what the recipients are told');

    const viaCell = cell(r, 'via');
    const via = DELIVERY.map((d) => VIA_WORDS[d][0]);
    if (!viaCell) problem(r.row, 'via', `注入方式为空：填写 ${list(via, '、')} 之一`, `注入方式 (via) is empty: write one of ${list(via)}`);
    else if (!word(VIA_WORDS, viaCell)) problem(r.row, 'via', `注入方式 ${quoted(viaCell)} 不是 ${list(via, '、')} 之一`, `注入方式 "${viaCell}" is not one of ${list(via)} (or ${list(DELIVERY)})`);

    const names = splitNames(cell(r, 'to'));
    const ids = splitIds(cell(r, 'toIds'));
    if (names.length === 0 && ids.length === 0) problem(r.row, 'to', '接收单位为空：填写接收注入的单位，多个用“、”分隔', '接收单位 (to) is empty: name the receiving units, separated by 、');
    else if (ids.length && names.length && ids.length !== names.length) problem(r.row, 'toIds', `接收单位有 ${names.length} 个，接收单位 id 有 ${ids.length} 个：请一一对应`, `${names.length} receiving units but ${ids.length} ids: give one id per unit`);
    const badId = ids.find((id) => !ID_PATTERN.test(id));
    if (badId) problem(r.row, 'toIds', `接收单位 id ${quoted(badId)} 不是合法 id`, `接收单位 id "${badId}" is not an id: lower-case letters, digits and hyphens`);

    const idCell = cell(r, 'id');
    if (idCell && !ID_PATTERN.test(idCell)) problem(r.row, 'id', `编号 ${quoted(idCell)} 不是合法 id：只用小写字母、数字和连字符`, `id "${idCell}" is not an id: lower-case letters, digits and hyphens`);
    else if (idCell && seenInjectIds.has(idCell)) problem(r.row, 'id', `编号 ${idCell} 与上面某行重复`, `id ${idCell} is used by a row above`);

    if (problems.length > before || !node) {
      bad.push({ row: r.row, cells: r });
      continue;
    }
    const id = idCell || freshId(usedInjectIds, 'inject-');
    seenInjectIds.add(id);
    // A name without an id takes the id another row gives it, is its own id when it is one, or gets unit-k.
    const to = ids.length ? ids : names.map((n) => seatIdOf.get(n) ?? (ID_PATTERN.test(n) ? n : newSeat(n)));
    node.maxOffset = Math.max(node.maxOffset, offset!);
    injects.push({ row: r.row, id, node, offset: offset!, cells: r, to });
  }

  const seats = new Map<string, string>(); // id → name, in the order first named
  for (const x of injects) {
    const names = splitNames(cell(x.cells, 'to'));
    x.to.forEach((id, i) => seats.has(id) || seats.set(id, names[i] ?? id));
  }
  for (const n of nodes) if (!n.phase) problem(n.firstRow, 'phase', `环节 ${quoted(n.name)} 的任何一行都没有填写阶段（应急响应、抢险救援、恢复重建）`, `no row of 环节 "${n.name}" gives its 阶段 (phase): write 应急响应, 抢险救援 or 恢复重建`);
  problems.sort((a, b) => a.row - b.row);
  return { yaml: skeletonYaml(source, nodes, injects, seats, bad, problems), problems };
}

// ── writing the skeleton ────────────────────────────────────────────────────

/** A YAML scalar: plain when it is an unmistakable id, else double-quoted (JSON's escapes are YAML's). */
const scalar = (s: string) => (/^[a-z][a-z0-9-]*$/.test(s) && !['true', 'false', 'null'].includes(s) ? s : JSON.stringify(s));
const textYaml = (zh: string, en?: string) => `{ zh: ${scalar(zh)}${en ? `, en: ${scalar(en)}` : ''} }`;
/** A title when the sheet gives none: the narrative's first clause, at most 16 characters [E]. */
const TITLE_CHARS = 16;
const titleFrom = (narrative: string) => [...(narrative.split(/[，。；！？,.;!?\n]/)[0] ?? narrative)].slice(0, TITLE_CHARS).join('');
/** Drill time a placeholder node runs past its last inject [E]: the trainer sets the real length. */
const NODE_TAIL_MS = 10 * 60_000;

function skeletonYaml(source: string, nodes: NodeDraft[], injects: InjectDraft[], seats: Map<string, string>, bad: { row: number; cells: Partial<MselCells> }[], problems: MselProblem[]): string {
  const out = [
    `# A scenario skeleton from ${source} (quake-drill import-msel): its time nodes, injects and receiving units.`,
    '# Still to write (scenarios/README.md): meta, earthquake, region, the organisation (hq, groups, each unit\'s',
    '# seat and base), responseLevels, decisions and scoring; then replace every TODO and run quake-drill validate.',
    `format: ${FORMAT_V2}`,
    'organisation:',
    '  # The receiving units (接收单位) the MSEL names: move the HQ, working groups and county HQs to their own',
    '  # lists (hq, groups, counties), keeping the ids the injects use.',
    '  units:',
  ];
  for (const [id, name] of seats) out.push(`    - id: ${scalar(id)}`, `      name: ${textYaml(name)}`, `      seat: ${textYaml(`${name}席`)}  # TODO`, '      base: todo  # TODO: a settlement or facility id');
  if (seats.size === 0) out[out.length - 1] += ' []';
  out.push('nodes:');
  let from = 0;
  for (const n of nodes) {
    const length = n.maxOffset + NODE_TAIL_MS;
    out.push(
      `  - id: ${scalar(n.id)}`,
      `    name: ${textYaml(n.name)}`,
      `    phase: ${n.phase ?? 'response'}${n.phase ? '' : '  # TODO: the sheet gives no 阶段'}`,
      `    length: ${formatDuration(length)}  # TODO: drill time the node takes`,
      `    span: { from: ${formatDuration(from)}, to: ${formatDuration(from + length)} }  # TODO: scenario time after the earthquake`,
      `    briefing: ${textYaml('TODO：环节开始时宣读的情景', 'TODO: what the facilitator reads out when the node opens')}`,
    );
    from += length;
  }
  if (nodes.length === 0) out[out.length - 1] += ' []';
  out.push('injects:');
  for (const x of injects) {
    const c = (k: MselKey) => (x.cells[k] ?? '').trim();
    const pair = (zh: MselKey, en: MselKey, name: string) => (c(zh) || c(en) ? [`    ${name}: ${textYaml(c(zh) || c(en), c(zh) ? c(en) : undefined)}`] : []);
    out.push(
      `  - id: ${scalar(x.id)}  # row ${x.row}`,
      `    at: { node: ${scalar(x.node.id)}, offset: ${formatDuration(x.offset)} }`,
      `    title: ${textYaml(c('title') || titleFrom(c('narrative')), c('titleEn') || undefined)}`,
      `    narrative: ${textYaml(c('narrative'), c('narrativeEn') || undefined)}`,
      `    to: [${x.to.map(scalar).join(', ')}]`,
      `    via: ${word(VIA_WORDS, c('via'))!}`,
      ...pair('question', 'questionEn', 'question'),
      ...pair('expected', 'expectedEn', 'expected'),
    );
  }
  if (injects.length === 0) out[out.length - 1] += ' []';
  if (bad.length) {
    out.push('', '# Rows left out, each with its problems: fix them in the sheet and import it again.');
    for (const b of bad) {
      out.push(`# row ${b.row}:`);
      for (const p of problems.filter((x) => x.row === b.row)) out.push(`#   ! ${p.message.en}`);
      for (const k of MSEL_COLUMNS) if ((b.cells[k.key] ?? '').trim()) out.push(`#   ${k.zh}: ${JSON.stringify(b.cells[k.key]!.trim())}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ── reading a skeleton back ─────────────────────────────────────────────────

const named = z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string().optional() }) });
const skeletonSchema = z.object({
  nodes: scenarioSchema.shape.nodes,
  injects: scenarioSchema.shape.injects,
  organisation: z.object({ hq: named.optional(), groups: z.array(named).optional(), units: z.array(named).optional(), counties: z.array(named).optional() }).optional().catch(undefined),
});

/**
 * The MSEL part of a document that is not (yet) a whole scenario, such as an import-msel skeleton:
 * its nodes and injects as the schema reads them, and the seat names where they can be read.
 */
export function mselSourceOf(doc: unknown): MselSource | undefined {
  const parsed = skeletonSchema.safeParse(doc);
  return parsed.success ? parsed.data : undefined;
}
