// The format's kind vocabularies, one typed table per family: incident kinds, facility kinds and team
// capabilities. Every layer reads these — the schema's enums, the engine's dispatch (handledBy) and
// behaviour, the map's GB/T 35649 symbol family and glyph, the display names in both languages — so
// adding a kind is one entry here and the compiler points at anything else that must change.

/** Bilingual words fixed by the format (not scenario text): Chinese first, English second. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/**
 * The four point-symbol families of GB/T 35649-2017 (STANDARDS.md, "Map symbols"): A 突发事件
 * (incidents), B 危险源 (hazard sources), C 防护目标 (protected targets), D 应急保障资源 (response
 * resources). The app maps each family to its drawing (src/app/map/symbols.ts FAMILIES).
 */
export type SymbolFamily = 'incident' | 'hazard' | 'protected' | 'resource';

// ── team capabilities ───────────────────────────────────────────────────────

interface CapabilityEntry {
  readonly name: Words;
  /** The mark drawn inside a team's D-family frame: a pictogram caption in Chinese, a short abbreviation in English. */
  readonly glyph: Words;
}

export const CAPABILITY_TABLE = {
  usar: { name: { zh: '城市搜索与救援', en: 'Urban search and rescue' }, glyph: { zh: '搜', en: 'SR' } },
  fire: { name: { zh: '消防灭火', en: 'Firefighting' }, glyph: { zh: '消', en: 'F' } },
  hazmat: { name: { zh: '危化品处置', en: 'Hazardous materials' }, glyph: { zh: '化', en: 'HZ' } },
  medical: { name: { zh: '医疗救治', en: 'Medical care' }, glyph: { zh: '医', en: 'M' } },
  'power-repair': { name: { zh: '电力抢修', en: 'Power repair' }, glyph: { zh: '电', en: 'P' } },
  'telecom-repair': { name: { zh: '通信抢修', en: 'Telecom repair' }, glyph: { zh: '讯', en: 'T' } },
  'road-repair': { name: { zh: '道路抢通', en: 'Road repair' }, glyph: { zh: '路', en: 'R' } },
  engineering: { name: { zh: '工程抢险', en: 'Engineering' }, glyph: { zh: '工', en: 'E' } },
  logistics: { name: { zh: '物资保障', en: 'Logistics' }, glyph: { zh: '物', en: 'L' } },
  shelter: { name: { zh: '转移安置', en: 'Shelter' }, glyph: { zh: '安', en: 'S' } },
  security: { name: { zh: '治安维护', en: 'Security' }, glyph: { zh: '警', en: 'PO' } },
  traffic: { name: { zh: '交通管制', en: 'Traffic control' }, glyph: { zh: '交', en: 'TF' } },
  monitoring: { name: { zh: '监测预警', en: 'Monitoring' }, glyph: { zh: '测', en: 'MO' } },
  survey: { name: { zh: '灾情调查', en: 'Damage survey' }, glyph: { zh: '查', en: 'SV' } },
  'water-rescue': { name: { zh: '水上救援', en: 'Water rescue' }, glyph: { zh: '水', en: 'WR' } },
  'forest-fire': { name: { zh: '森林灭火', en: 'Forest firefighting' }, glyph: { zh: '林', en: 'FF' } },
  communications: { name: { zh: '应急通信', en: 'Emergency communications' }, glyph: { zh: '通', en: 'C' } },
  psychological: { name: { zh: '心理援助', en: 'Psychological support' }, glyph: { zh: '心', en: 'PS' } },
  epidemic: { name: { zh: '卫生防疫', en: 'Epidemic prevention' }, glyph: { zh: '疫', en: 'EP' } },
  information: { name: { zh: '信息发布', en: 'Public information' }, glyph: { zh: '宣', en: 'I' } },
  // 矿山救护队 (mine rescue brigades) dig out people trapped underground and in collapses, as at Wenchuan 2008.
  'mine-rescue': { name: { zh: '矿山救护', en: 'Mine rescue' }, glyph: { zh: '矿', en: 'MR' } },
} as const satisfies Record<string, CapabilityEntry>;

export type Capability = keyof typeof CAPABILITY_TABLE;

// ── incident kinds ──────────────────────────────────────────────────────────

/**
 * What the engine does with an incident of a kind beyond being contained (src/core): `grows` gets a
 * step worse every so often while nobody works it; `outage` puts its facility back in service when
 * a capable team arrives; `blocks-roads` closes the roads at its place while it is active; `rubble`
 * (people under collapsed buildings) gets worse with each aftershock and counts as a rescue.
 */
export type IncidentBehaviour = 'grows' | 'outage' | 'blocks-roads' | 'rubble';

interface IncidentEntry {
  readonly name: Words;
  /** The mark inside the incident's A-family (red rounded) frame. */
  readonly glyph: Words;
  /** The capabilities that can contain it when the scenario gives no `needs` [E]. */
  readonly handledBy: readonly Capability[];
  readonly behaviour?: IncidentBehaviour;
}

export const INCIDENT_KIND_TABLE = {
  earthquake: { name: { zh: '地震', en: 'Earthquake' }, glyph: { zh: '震', en: 'EQ' }, handledBy: [] },
  aftershock: { name: { zh: '余震', en: 'Aftershock' }, glyph: { zh: '余', en: 'AS' }, handledBy: [] },
  collapse: { name: { zh: '房屋倒塌', en: 'Building collapse' }, glyph: { zh: '塌', en: 'CO' }, handledBy: ['usar'], behaviour: 'rubble' },
  // People trapped in a mine are `trapped` at a `mine` facility: mine rescue digs as well as USAR.
  trapped: { name: { zh: '人员被困', en: 'People trapped' }, glyph: { zh: '困', en: 'TR' }, handledBy: ['usar', 'mine-rescue'], behaviour: 'rubble' },
  fire: { name: { zh: '火灾', en: 'Fire' }, glyph: { zh: '火', en: 'FI' }, handledBy: ['fire'], behaviour: 'grows' },
  // A pipeline or gate-station rupture is a gas leak at a gas-pipeline / gate-station facility.
  'gas-leak': { name: { zh: '燃气泄漏', en: 'Gas leak' }, glyph: { zh: '气', en: 'GL' }, handledBy: ['hazmat', 'fire'], behaviour: 'grows' },
  'chemical-leak': { name: { zh: '危化品泄漏', en: 'Chemical leak' }, glyph: { zh: '化', en: 'CH' }, handledBy: ['hazmat'], behaviour: 'grows' },
  'power-outage': { name: { zh: '停电', en: 'Power outage' }, glyph: { zh: '电', en: 'PW' }, handledBy: ['power-repair'], behaviour: 'outage' },
  'telecom-outage': { name: { zh: '通信中断', en: 'Telecom outage' }, glyph: { zh: '讯', en: 'TC' }, handledBy: ['telecom-repair', 'communications'], behaviour: 'outage' },
  'hospital-power': { name: { zh: '医院断电', en: 'Hospital power loss' }, glyph: { zh: '医', en: 'HP' }, handledBy: ['power-repair'], behaviour: 'outage' },
  'water-outage': { name: { zh: '停水', en: 'Water outage' }, glyph: { zh: '水', en: 'WA' }, handledBy: ['engineering'], behaviour: 'outage' },
  'road-blocked': { name: { zh: '道路阻断', en: 'Road blocked' }, glyph: { zh: '路', en: 'RB' }, handledBy: ['road-repair', 'engineering'], behaviour: 'blocks-roads' },
  'bridge-damage': { name: { zh: '桥梁受损', en: 'Bridge damage' }, glyph: { zh: '桥', en: 'BR' }, handledBy: ['road-repair', 'engineering'], behaviour: 'blocks-roads' },
  landslide: { name: { zh: '滑坡', en: 'Landslide' }, glyph: { zh: '滑', en: 'LS' }, handledBy: ['engineering', 'road-repair'], behaviour: 'blocks-roads' },
  'dam-risk': { name: { zh: '水库险情', en: 'Dam risk' }, glyph: { zh: '坝', en: 'DM' }, handledBy: ['engineering', 'monitoring'] },
  casualties: { name: { zh: '人员伤亡', en: 'Casualties' }, glyph: { zh: '伤', en: 'CS' }, handledBy: ['medical'] },
  displaced: { name: { zh: '群众转移安置', en: 'People displaced' }, glyph: { zh: '迁', en: 'DP' }, handledBy: ['shelter', 'logistics'] },
  rumour: { name: { zh: '网络谣言', en: 'Rumour' }, glyph: { zh: '谣', en: 'RU' }, handledBy: ['information'] },
  'public-order': { name: { zh: '社会治安', en: 'Public order' }, glyph: { zh: '安', en: 'PO' }, handledBy: ['security'] },
  epidemic: { name: { zh: '疫情风险', en: 'Epidemic risk' }, glyph: { zh: '疫', en: 'EP' }, handledBy: ['epidemic', 'medical'] },
  // 堰塞湖: a slide dams a river; engineers cut a spillway while the water level is watched [E].
  'dammed-lake': { name: { zh: '堰塞湖', en: 'Landslide-dammed lake' }, glyph: { zh: '堰', en: 'DL' }, handledBy: ['engineering', 'monitoring'] },
  other: { name: { zh: '其他事件', en: 'Other incident' }, glyph: { zh: '事', en: '?' }, handledBy: [] },
} as const satisfies Record<string, IncidentEntry>;

export type IncidentKind = keyof typeof INCIDENT_KIND_TABLE;

// ── facility kinds ──────────────────────────────────────────────────────────

interface FacilityEntry {
  readonly name: Words;
  /** The mark inside the facility's frame. */
  readonly glyph: Words;
  /** Its GB/T 35649 family: hazard source (B), protected target (C) or response resource (D). */
  readonly family: Exclude<SymbolFamily, 'incident'>;
}

export const FACILITY_KIND_TABLE = {
  hospital: { name: { zh: '医院', en: 'Hospital' }, glyph: { zh: '医', en: 'H' }, family: 'protected' },
  substation: { name: { zh: '变电站', en: 'Substation' }, glyph: { zh: '电', en: 'SS' }, family: 'protected' },
  'telecom-hub': { name: { zh: '通信枢纽', en: 'Telecom hub' }, glyph: { zh: '讯', en: 'TC' }, family: 'protected' },
  'chemical-plant': { name: { zh: '危险化学品企业', en: 'Chemical works' }, glyph: { zh: '化', en: 'CH' }, family: 'hazard' },
  reservoir: { name: { zh: '水库', en: 'Reservoir' }, glyph: { zh: '库', en: 'RS' }, family: 'hazard' },
  shelter: { name: { zh: '应急避难场所', en: 'Emergency shelter' }, glyph: { zh: '避', en: 'SH' }, family: 'resource' },
  school: { name: { zh: '学校', en: 'School' }, glyph: { zh: '校', en: 'SC' }, family: 'protected' },
  'water-plant': { name: { zh: '水厂', en: 'Water plant' }, glyph: { zh: '水', en: 'WP' }, family: 'protected' },
  'gas-station': { name: { zh: '加油（气）站', en: 'Filling station' }, glyph: { zh: '油', en: 'GS' }, family: 'hazard' },
  'command-post': { name: { zh: '指挥部', en: 'Command post' }, glyph: { zh: '指', en: 'CP' }, family: 'resource' },
  store: { name: { zh: '物资储备库', en: 'Relief supplies depot' }, glyph: { zh: '储', en: 'ST' }, family: 'resource' },
  bridge: { name: { zh: '桥梁', en: 'Bridge' }, glyph: { zh: '桥', en: 'BR' }, family: 'protected' },
  // 煤矿 and 非煤矿山 alike: a hazard source (tailings dams, explosives, people underground).
  mine: { name: { zh: '矿山', en: 'Mine' }, glyph: { zh: '矿', en: 'MN' }, family: 'hazard' },
  'gas-pipeline': { name: { zh: '天然气管道', en: 'Gas pipeline' }, glyph: { zh: '管', en: 'GP' }, family: 'hazard' },
  'gate-station': { name: { zh: '天然气门站', en: 'Gas gate station' }, glyph: { zh: '门', en: 'GT' }, family: 'hazard' },
  'care-home': { name: { zh: '养老院', en: 'Care home' }, glyph: { zh: '老', en: 'CA' }, family: 'protected' },
} as const satisfies Record<string, FacilityEntry>;

export type FacilityKind = keyof typeof FACILITY_KIND_TABLE;

// ── derived: the enums, dispatch, names ─────────────────────────────────────

/** A table's keys in their written order, as the non-empty tuple z.enum needs. */
const keysOf = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as [K, ...K[]];

export const INCIDENT_KINDS = keysOf(INCIDENT_KIND_TABLE);
export const FACILITY_KINDS = keysOf(FACILITY_KIND_TABLE);
export const TEAM_CAPABILITIES = keysOf(CAPABILITY_TABLE);

/** A record over a table's kinds with `f(entry)` for each: how every per-kind lookup is derived from a table. */
export function mapKinds<K extends string, E, V>(table: Readonly<Record<K, E>>, f: (entry: E, kind: K) => V): Readonly<Record<K, V>> {
  const out = {} as Record<K, V>;
  for (const kind of keysOf(table)) out[kind] = f(table[kind], kind);
  return out;
}

/** Which capabilities handle an incident kind when the scenario gives no `needs` [E]. */
export const HANDLED_BY: Readonly<Record<IncidentKind, readonly Capability[]>> = mapKinds<IncidentKind, IncidentEntry, readonly Capability[]>(INCIDENT_KIND_TABLE, (e) => e.handledBy);

/** The incident kinds with a behaviour, e.g. every kind that blocks roads. */
export const kindsThat = (behaviour: IncidentBehaviour): ReadonlySet<string> =>
  new Set(INCIDENT_KINDS.filter((k) => (INCIDENT_KIND_TABLE[k] as IncidentEntry).behaviour === behaviour));

/** The families the tables hold, for code that names a kind of any family. */
export const KIND_TABLES = { incident: INCIDENT_KIND_TABLE, facility: FACILITY_KIND_TABLE, capability: CAPABILITY_TABLE } as const;
export type KindFamily = keyof typeof KIND_TABLES;

/** A kind's display name in one language (CLI, review and report text read it here). */
export function kindName<F extends KindFamily>(family: F, kind: keyof (typeof KIND_TABLES)[F], lang: 'zh' | 'en'): string {
  return (KIND_TABLES[family][kind] as { name: Words }).name[lang];
}
