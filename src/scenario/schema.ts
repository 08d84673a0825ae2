// The scenario file format, version 2: defined once here; types, validation, the JSON Schema in
// public/schema/ and scenarios/REFERENCE.md all come from this file (regenerate with `npm run schema`).
// Version 1 files load through migrate.ts (v2 is v1 plus optional fields and the explicit `outcomes`).
import { z } from 'zod';
import { DURATION_PATTERN, MAX_SCENARIO_MS, formatDuration, parseDuration } from './duration.ts';
import { COUNT_MESSAGE, ID_DESCRIPTION, ID_MESSAGE, ID_PATTERN, LEVEL_OR_NONE, LEVELS, MAX_PEOPLE, MAX_TEAMS, effect, refDescription, severityStep } from './effect.ts';
import { FACILITY_KINDS, INCIDENT_KINDS, TEAM_CAPABILITIES } from './kinds.ts';
import { PLAIN_OUTCOMES } from './outcomes.ts';
import { ORIGIN_TIME_FORMAT, originTimeProblem } from './origin-time.ts';
import { DECISION_KIND_IDS, MAX_DECISION_REPORT_CHARS } from './decision-kinds.ts';

// The effect schema (zod/mini, shared with the drill's commands) and its limits live in effect.ts.
export { LEVEL_OR_NONE, LEVELS, MAX_PEOPLE, MAX_TEAMS, effect };
// The kind vocabularies are tables of their own (kinds.ts): names, map symbols and dispatch live beside each kind.
export { FACILITY_KINDS, INCIDENT_KINDS, TEAM_CAPABILITIES };
export type { Effect } from './effect.ts';

export const FORMAT_V1 = 'quake-drill/scenario@1';
/** The current format: what `quake-drill migrate` writes and the schema accepts. */
export const FORMAT_V2 = 'quake-drill/scenario@2';

// ── building blocks ──────────────────────────────────────────────────────────

// The same rule and words as effect.ts's ids, built with classic zod for the chained calls below.
const id = z.string().regex(ID_PATTERN, ID_MESSAGE).describe(ID_DESCRIPTION);

/** A reference to an id defined elsewhere in the file; the linter checks it resolves. */
const ref = (what: string) => id.describe(refDescription(what));

/** Text shown to players: Chinese required, English expected. */
export const text = z
  .strictObject({
    zh: z.string().min(1).describe('中文 — shown by default.'),
    en: z.string().min(1).optional().describe('English — shown when the interface is in English.'),
  })
  .meta({ id: 'Text', description: 'Bilingual text shown to players: zh is required, en is shown in the English interface.' });

const duration = z
  .string()
  .regex(new RegExp(DURATION_PATTERN), 'a duration such as "45s", "15m", "1h30m" or "3d"')
  .transform((s, ctx) => {
    const ms = parseDuration(s);
    if (ms !== undefined && ms <= MAX_SCENARIO_MS) return ms;
    const shown = s.length > 16 ? `${s.slice(0, 12)}…${s.slice(-1)}` : s;
    ctx.issues.push({ code: 'custom', input: s, message: `${shown} is longer than a scenario may span: a duration is at most ${formatDuration(MAX_SCENARIO_MS)}`, params: { hint: 'check for extra digits; drill-time fields (length, offset, deadline) are at most 24h', zh: { message: `${shown} 超过情景可跨越的时长：时长最多为 ${formatDuration(MAX_SCENARIO_MS)}`, hint: '检查是否多写了数字；演练时长类字段（length、offset、deadline）最多 24h' } } });
    return z.NEVER;
  })
  .meta({ id: 'Duration', description: 'A duration: digits with d, h, m, s — e.g. "15m", "1h30m", "3d". Read as milliseconds.' });

const lat = z.number().min(-90).max(90).describe('Latitude, degrees north (WGS-84).');
const lon = z.number().min(-180).max(180).describe('Longitude, degrees east (WGS-84).');
// MAX_PEOPLE and MAX_TEAMS [E]: see effect.ts. The same rule and words as effect.ts's count.
const count = z.number().int().nonnegative().max(MAX_PEOPLE, COUNT_MESSAGE);
const sourceRef = ref('an entry of meta.sources').optional().describe('The source (meta.sources id) the numbers come from.');
const approximate = z
  .boolean()
  .optional()
  .describe('True when the value is an estimate (e.g. a township seat known only to ±5 km); shown as such.');

export const point = z.strictObject({ lat, lon }).meta({ id: 'Point', description: 'A point (WGS-84).' });

const base = z
  .union([ref('a facility or settlement'), point])
  .describe('Home base: a facility or settlement id, or a point.');

// ── metadata ────────────────────────────────────────────────────────────────

const source = z
  .strictObject({
    id,
    cite: z.string().min(1).describe('The citation as it should appear in a report.'),
    url: z.string().optional().describe('Where the source can be read.'),
    note: z.string().optional().describe('What is taken from it, and how far it can be trusted.'),
  })
  .describe('A published source for numbers used in the file.');

const meta = z
  .strictObject({
    id,
    title: text,
    description: text,
    authors: z.array(z.string().min(1)).min(1).describe('Who wrote the scenario.'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"').describe('The scenario\'s own version (semver).'),
    language: z.literal('zh-CN').default('zh-CN').describe('The first language of the text (always zh-CN in v1).'),
    sources: z.array(source).describe('Citations for the numbers the scenario uses.'),
    assumptions: z.array(text).optional().describe('Choices and estimates the facilitator should know about (e.g. the casualty model).'),
  })
  .describe('What the scenario is, who wrote it, and where its numbers come from.');

// ── the earthquake ──────────────────────────────────────────────────────────

export const ATTENUATION_RELATIONS = ['wang2000', 'gb18306-east', 'gb18306-moderate', 'gb18306-qinghai-tibet', 'gb18306-xinjiang', 'cea-northeast'] as const;

const earthquake = z
  .strictObject({
    name: text.optional(),
    epicentre: point.describe('The epicentre (WGS-84).'),
    magnitude: z.number().min(3).max(9.5).describe('Surface-wave magnitude Ms.'),
    depthKm: z.number().positive().max(700).describe('Focal depth in km.'),
    strikeDeg: z.number().min(0).max(360).describe('Fault strike, degrees clockwise from north: the long axis of the intensity ellipses.'),
    originTime: z
      .string()
      .regex(ORIGIN_TIME_FORMAT, 'local time with offset, e.g. "2026-11-21T09:30+08:00"')
      .check((ctx) => {
        const problem = originTimeProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem.message, params: { hint: 'write a real local date and time with its UTC offset, e.g. "2026-11-21T09:30+08:00"', zh: { message: problem.zh, hint: '写出真实的当地日期和时间并带上 UTC 时差，例如 "2026-11-21T09:30+08:00"' } } });
      })
      .describe('Origin time, local, with its UTC offset, e.g. "2026-11-21T09:30+08:00".'),
    attenuation: z
      .strictObject({
        relation: z.enum(ATTENUATION_RELATIONS).describe('wang2000 (Wang Suyun et al. 2000, eastern China), gb18306-east (GB 18306-2015 eastern strong-earthquake zone: North China, the east), gb18306-moderate (GB 18306-2015 moderate-to-strong zone), gb18306-qinghai-tibet (GB 18306-2015 Qinghai–Tibet zone: Sichuan–Yunnan, the west), gb18306-xinjiang (GB 18306-2015 Xinjiang zone), cea-northeast (CEA rapid assessment, 东北地区). scenarios/README.md says which to use where.'),
        offset: z.number().min(-2).max(2).default(0).describe('Added to every intensity: e.g. the σ of the relation for a "+1σ" stress variant.'),
        source: sourceRef,
      })
      .describe('Which intensity attenuation relation the hazard model uses.'),
    casualtyModel: z
      .strictObject({
        model: z.enum(['building-mix', 'pager-empirical']).default('building-mix').describe('building-mix (default): destroyed shares by GB/T 17742-2020 class × degree, anchored at each zone\'s middle (I = N + 0.5), log-linear between, tapered to 0 from 6.5 down to 6.0; deaths given collapse A1 .06, A2 .007, B .08, C/D .15; occupancy from the origin\'s local time (22–05 h 0.95, 05–10 h 0.6, else 0.5) (SCIENCE.md §7.2). pager-empirical: USGS PAGER China, binned to whole degrees as PAGER does — shown as the central reference in either case.'),
        seriousPerDeath: z.number().nonnegative().max(100).default(4.5).describe('Serious injuries per death (SCIENCE.md §7.2: ≈ 4.5; 3.2 in Haicheng 1975 … 5.8 in Yingjiang 2011).'),
        minorPerDeath: z.number().nonnegative().max(1000).default(9.6).describe('Minor injuries per death (1975 Haicheng: 9.6).'),
        minorFloorShare: z.number().min(0).max(1).default(5e-4).describe('Minor injuries are at least this share of the people of each place at intensity ≥ 6.5 (non-structural injuries; SCIENCE.md §7.2: 5e-4).'),
        trappedAliveShare: z.number().min(0).max(1).default(0.45).describe('Share of the occupants of destroyed buildings trapped alive at T+0 (0.5 × 0.9).'),
        sigma: z.number().positive().max(2).optional().describe('Intensity σ for the "+1σ" field shown beside the median; default the relation\'s own σ, else GB 18306-2015\'s 0.5826 (Wang 2000 publishes none).'),
        source: sourceRef,
      })
      .optional()
      .describe('How deaths, injuries and trapped people are estimated (SCIENCE.md §7.2); `quake-drill estimate` prints the result.'),
    aftershocks: z
      .strictObject({
        // Published sequences fall well inside these (R&J 1989 generic: a −1.67, b 0.91, p 1.08,
        // c 0.05 d); outside them the rate overflows at t = 0 (c → 0) or is meaningless [E].
        a: z.number().min(-5).max(5).describe('Productivity a.'),
        b: z.number().min(0.1).max(3).describe('Gutenberg–Richter b.'),
        p: z.number().min(0.1).max(3).describe('Omori decay p.'),
        c: z.number().min(0.001).max(10).describe('Days.'),
        source: sourceRef,
      })
      .optional()
      .describe('Reasenberg–Jones aftershock parameters: λ(t, M) = 10^(a + b(Mm − M)) · (t + c)^(−p), t in days.'),
  })
  .describe('The main shock and the models the hazard engine uses for it.');

// ── the region ──────────────────────────────────────────────────────────────

export const BUILDING_CLASSES = ['A1', 'A2', 'B', 'C', 'D'] as const;

const buildingMix = z
  .strictObject({
    A1: z.number().min(0).max(1).default(0).describe('Unreinforced earth, brick-timber or stone-timber houses.'),
    A2: z.number().min(0).max(1).default(0).describe('穿斗 timber-frame houses.'),
    B: z.number().min(0).max(1).default(0).describe('Unreinforced brick-concrete (砖混).'),
    C: z.number().min(0).max(1).default(0).describe('Brick-concrete designed for intensity VII.'),
    D: z.number().min(0).max(1).default(0).describe('RC frame designed for intensity VII.'),
  })
  .describe('Share of people living in each GB/T 17742-2020 building class; the shares add up to 1.');

// Share of people indoors by local time of day; the loss estimate multiplies the people of a place by it.
// Defaults (SCIENCE.md §7.2, after PAGER's occupancy windows [E]) live in src/hazard/casualties.ts.
const indoorShare = z.number().min(0).max(1);
export const SEASONS = ['winter', 'spring', 'summer', 'autumn'] as const;
const byHour = {
  night: indoorShare.optional().describe('22:00–05:00, asleep (default 0.95 [E], SCIENCE.md §7.2).'),
  morning: indoorShare.optional().describe('05:00–10:00 (default 0.6 [E]).'),
  day: indoorShare.optional().describe('10:00–22:00 (default 0.5 [E]); raise it for a winter day, when fewer people work outdoors.'),
};
const inSeason = (season: string) =>
  z.strictObject(byHour).optional().describe(`The shares in ${season}, over the ones above, when conditions.season is ${season}.`);
const occupancy = z
  .strictObject({
    ...byHour,
    winter: inSeason('winter'),
    spring: inSeason('spring'),
    summer: inSeason('summer'),
    autumn: inSeason('autumn'),
  } satisfies Record<(typeof SEASONS)[number], unknown> & typeof byHour)
  .meta({ id: 'Occupancy', description: 'Share of people indoors by local time of day, and by season (used by the loss estimate); unset shares keep their defaults.' });

const settlement = z
  .strictObject({
    id,
    name: text,
    kind: z.enum(['city', 'district', 'county-seat', 'town', 'township', 'village']).describe('What sort of place it is.'),
    county: ref('a county/district HQ (organisation.counties)').optional().describe('The county/district HQ responsible for it.'),
    lat,
    lon,
    population: count.describe('Residents.'),
    buildings: buildingMix,
    occupancy: occupancy.optional().describe('Share of its people indoors by time of day, where it differs from the scenario\'s (a market town by day, a mining camp by night).'),
    approximate,
    source: sourceRef,
  })
  .describe('A place where people live.');

const route = z
  .strictObject({
    id,
    name: text,
    kind: z.enum(['expressway', 'national', 'provincial', 'county', 'mountain', 'railway', 'high-speed-rail']).describe('What sort of road or railway.'),
    path: z.array(z.tuple([lat, lon])).min(2).describe('The line as [lat, lon] pairs.'),
    approximate,
  })
  .describe('A road or railway.');

const facility = z
  .strictObject({
    id,
    name: text,
    kind: z.enum(FACILITY_KINDS).describe('What sort of facility; decides its map symbol (GB/T 35649 family).'),
    lat,
    lon,
    settlement: ref('a settlement').optional().describe('The settlement it stands in or serves.'),
    capacity: z
      .strictObject({
        beds: count.optional().describe('Hospital beds.'),
        people: count.optional().describe('People a shelter or school holds.'),
        // Three Gorges, the largest plant, is 22,500 MW and its reservoir 39.3 km³: ten times and three times those [E].
        mw: z.number().nonnegative().max(225_000).optional().describe('Power (substation), MW.'),
        volumeM3: z.number().nonnegative().max(1.2e11).optional().describe('Storage (reservoir, tank), m³.'),
        backupHours: z.number().nonnegative().max(8_784).optional().describe('Hours it runs on backup power or batteries (at most a year).'),
      })
      .optional()
      .describe('What it can hold or deliver.'),
    dependsOn: z.array(ref('a facility')).optional().describe('Facilities it needs to work (a hospital on a substation, a telecom hub on power).'),
    hazard: text.optional().describe('What it threatens when damaged (hazard sources).'),
    approximate,
    source: sourceRef,
  })
  .describe('A hospital, lifeline, hazard source or shelter.');

export const BASEMAP_CRS = ['wgs84', 'gcj02'] as const;

const basemap = z
  .strictObject({
    file: z.string().min(1).describe('The GeoJSON FeatureCollection of (Multi)Polygons, beside the scenario file (e.g. geo/anshan-counties.geojson); make one with `quake-drill basemap`.'),
    source: text.describe('Where the boundaries come from, shown in the map\'s legend (package and version, or agency).'),
    licence: z.union([z.string().min(1), text]).describe('The data\'s licence and terms, shown in the map\'s attribution: a string (e.g. "MIT; AMap terms apply"), or { zh, en } when the terms need words in each language.'),
    crs: z.enum(BASEMAP_CRS).describe('The coordinate system of the file: wgs84, or gcj02 (Chinese web maps, a few hundred metres off WGS-84; the legend says the basemap is approximate).'),
    names: z.record(z.string().min(1), z.string().min(1)).optional().describe('English labels by the Chinese `properties.name` of each area (e.g. 海城市: Haicheng City); areas not listed keep their Chinese name in English.'),
  })
  .describe('The boundaries drawn under the map. Without it the map draws a plain grid and says no basemap was given.');

const region = z
  .strictObject({
    name: text,
    bounds: z
      .strictObject({ south: lat, west: lon, north: lat, east: lon })
      .describe('Every coordinate in the file must fall inside this box.'),
    basemap: basemap.optional(),
    detourFactor: z
      .number()
      .min(1)
      .max(4)
      .optional()
      .describe('Off the scenario\'s roads, the way is this many times the straight line (default 1.4 [E], from Anshan → 岔沟; mountain counties run longer, e.g. 1.8–2.5 [E]).'),
    settlements: z.array(settlement).min(1).describe('Townships, towns, districts and cities.'),
    routes: z.array(route).default([]).describe('Expressways, roads and railways.'),
    facilities: z.array(facility).default([]).describe('Hospitals, lifelines, hazard sources, shelters.'),
  })
  .describe('The map: settlements, roads and railways, facilities.');

// ── the organisation ────────────────────────────────────────────────────────

const team = z
  .strictObject({
    id,
    name: text,
    count: z.number().int().positive().max(MAX_TEAMS, `at most ${MAX_TEAMS.toLocaleString('en')} teams of one kind: a city's whole detachment fields tens, and the drill follows every team`).describe('How many such teams the unit has.'),
    people: count.optional().describe('People per team.'),
    // 1 km/h is slower than walking; 1,000 km/h is faster than any helicopter: outside, travel times overflow [E].
    speedKmh: z.number().min(1).max(1_000).describe('Travel speed by road, km/h.'),
    capabilities: z.array(z.enum(TEAM_CAPABILITIES)).min(1).describe('What the team can do (usar = urban search and rescue).'),
    base: base.optional().describe('Where the team is stationed when not at its unit\'s base (a county brigade of the city detachment, a township clinic).'),
    mobilise: duration.optional().describe('Time from the order to leaving base (assemble, load, brief); the engine assumes 30 min when not given.'),
  })
  .describe('A deployable team of a unit.');

const unit = z
  .strictObject({
    id,
    name: text,
    short: text.optional().describe('A short name for the map and cards.'),
    seat: text.describe('The seat at the drill table (参演席位) this unit plays.'),
    sector: z.string().optional().describe('The department or sector (应急, 消防, 卫健, 电力 …).'),
    base,
    teams: z.array(team).default([]).describe('The teams the unit can deploy.'),
    source: sourceRef,
  })
  .describe('A member unit (成员单位) of the HQ: one seat at the drill.');

const group = z
  .strictObject({
    id,
    name: text,
    lead: ref('a unit').describe('The unit that leads the group (牵头单位).'),
    members: z.array(ref('a unit')).min(1).describe('Member units (参加单位), the lead included or not.'),
    tasks: text.optional().describe('What the plan gives the group to do.'),
  })
  .describe('A working group (工作组) of the HQ.');

const county = z
  .strictObject({
    id,
    name: text,
    seat: text.describe('The seat at the drill table.'),
    commander: text.optional().describe('Who commands the county/district HQ.'),
    base: base,
  })
  .describe('A county or district HQ (县区指挥部) below the city HQ.');

const hq = z
  .strictObject({
    id,
    name: text,
    commander: text.describe('Who commands (总指挥).'),
    deputies: z.array(text).default([]).describe('Deputy commanders.'),
    office: z
      .strictObject({ name: text, unit: ref('a unit').describe('The unit that runs the office.') })
      .describe('The HQ office (指挥部办公室).'),
    base: base,
  })
  .describe('The earthquake relief command HQ (抗震救灾指挥部).');

const organisation = z
  .strictObject({
    hq,
    groups: z.array(group).min(1).describe('Working groups (工作组).'),
    units: z.array(unit).min(1).describe('Member units (成员单位), one seat each.'),
    counties: z.array(county).default([]).describe('County/district HQs (县区指挥部).'),
  })
  .describe('Who plays: the HQ, its working groups, member units and county/district HQs.');

// ── response levels ─────────────────────────────────────────────────────────

const responseLevel = z
  .strictObject({
    level: z.enum(LEVELS).describe('I (特别重大) … IV (一般).'),
    name: text.describe('e.g. 特别重大 / 重大 / 较大 / 一般.'),
    criteria: z
      .strictObject({
        deathsMin: count.optional().describe('At least this many deaths.'),
        deathsMax: count.optional().describe('At most this many deaths.'),
        magnitudeMin: z.number().min(0).max(10).optional().describe('Magnitude at least.'),
        magnitudeMax: z.number().min(0).max(10).optional().describe('Magnitude below.'),
        text: text.describe('The plan\'s wording of the criteria.'),
      })
      .describe('When the level applies; the numbers are used by the engine\'s guards.'),
    lead: z
      .union([z.enum(['province', 'state']), ref('the HQ or a county HQ')])
      .describe('Who leads the response at this level: the HQ, a county HQ, or "province"/"state" above the city.'),
    source: sourceRef,
  })
  .describe('A response level (响应级别) of the plan.');

// ── time nodes ──────────────────────────────────────────────────────────────

export const PHASES = ['response', 'rescue', 'recovery'] as const;

const node = z
  .strictObject({
    id,
    name: text,
    phase: z.enum(PHASES).describe('response (应急响应), rescue (抢险救援), recovery (恢复重建).'),
    length: duration.describe('Drill time the node takes in the room.'),
    span: z
      .strictObject({ from: duration, to: duration })
      .describe('The scenario time it covers, after the earthquake (T+from → T+to).'),
    briefing: text.describe('What the facilitator reads out when the node opens.'),
  })
  .describe('A time node (时间节点) of the drill.');

const at = z
  .strictObject({
    node: ref('a time node'),
    offset: duration.default(0).describe('Drill time after the node opens.'),
  })
  .describe('A moment in the drill: a node and the drill time into it.');

// ── incidents, injects, cascades ────────────────────────────────────────────

const incident = z
  .strictObject({
    id,
    kind: z.enum(INCIDENT_KINDS).describe('What sort of incident it is; decides its map symbol and how it evolves.'),
    name: text,
    place: ref('a settlement, facility or route').describe('Where it happens.'),
    severity: z.number().int().min(1).max(5).describe('1 minor … 5 catastrophic.'),
    trapped: count.optional().describe('People trapped alive (collapse).'),
    casualties: count.optional().describe('People injured.'),
    displaced: count.optional().describe('People who need shelter.'),
    magnitude: z.number().min(0).max(9.5).optional().describe('Magnitude, for an aftershock.'),
    needs: z.array(z.enum(TEAM_CAPABILITIES)).optional().describe('Capabilities that can contain it (usar, hazmat …).'),
  })
  .meta({ id: 'Incident', description: 'Something that happens in the simulation and can be handled.' });

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ expired: ref('a decision').describe('The decision expired without an answer.') }),
    z.strictObject({ chose: z.strictObject({ decision: ref('a decision'), option: id }).describe('The decision was answered with this option.') }),
    z.strictObject({ uncontained: ref('an incident').describe('The incident is not contained yet.') }),
    z.strictObject({ occurred: ref('an inject').describe('The inject has been delivered (e.g. the aftershock).') }),
    z.strictObject({ all: z.array(condition).min(1).describe('Every condition holds.') }),
    z.strictObject({ any: z.array(condition).min(1).describe('At least one condition holds.') }),
    z.strictObject({ not: condition }),
  ]),
).meta({ id: 'Condition', description: 'A condition, checked when the inject is due: expired, chose, uncontained, occurred, all, any, not.' });

export type Condition =
  | { expired: string }
  | { chose: { decision: string; option: string } }
  | { uncontained: string }
  | { occurred: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const DELIVERY = ['text', 'phone', 'report', 'video', 'image', 'radio', 'meeting'] as const;

const inject = z
  .strictObject({
    id,
    at: at.describe('When it is delivered.'),
    title: text,
    narrative: text.describe('情景 — what the recipients are told.'),
    to: z.array(ref('a unit, group, county HQ or the HQ')).min(1).describe('接收单位 — who receives it.'),
    via: z.enum(DELIVERY).describe('注入方式 — how it is delivered.'),
    media: z
      .strictObject({
        kind: z.enum(['image', 'video', 'audio']).describe('How the media file is shown.'),
        file: z.string().min(1).describe('A file beside the scenario, e.g. media/collapse.jpg.'),
        caption: text.optional(),
      })
      .optional()
      .describe('A scene shown with the inject (the 2024 Anshan drill mixed video scenes into the tabletop).'),
    incident: incident.optional().describe('The incident it reports or starts.'),
    question: text.optional().describe('问题 — what the recipients must answer.'),
    expected: text.optional().describe('期望行动 — what the plan expects them to do.'),
    when: condition.optional().describe('Contingency: fire only if this holds when due.'),
    optional: z.boolean().default(false).describe('Held back for the facilitator to fire by hand.'),
  })
  .describe('An inject (注入信息): one row of the drill script.');

const cascade = z
  .strictObject({
    id,
    from: ref('an incident').describe('The cause.'),
    after: duration.describe('Scenario time after the cause appears.'),
    unless: z.enum(['contained', 'resolved']).default('contained').describe('What stops it.'),
    then: z
      .union([
        z.strictObject({ spawn: incident }),
        z.strictObject({ worsen: z.strictObject({ incident: ref('an incident'), by: severityStep }).describe('Raise the severity of an incident.') }),
      ])
      .describe('spawn a new incident, or worsen an existing one.'),
    note: text.optional(),
  })
  .describe('A cascade (次生/衍生): if the cause is not handled in time, it spawns or worsens another incident.');

// ── decisions ───────────────────────────────────────────────────────────────

const option = z
  .strictObject({
    id,
    label: text,
    effects: z.array(effect).default([]).describe('What choosing it does in the simulation.'),
  })
  .describe('One answer a seat can give.');

const match = z
  .union([
    z.strictObject({ chose: id.describe('An option id.') }),
    z.strictObject({ notChose: id.describe('An option id.') }),
    z.strictObject({ allocated: z.strictObject({ team: ref('a team'), to: ref('a settlement, facility or incident') }).describe('The team was sent to that place.') }),
    z.strictObject({ acknowledged: z.literal(true).describe('The seat acknowledged or reported.') }),
  ])
  .describe('What the answer must contain for the rubric line to score.');

const rubricLine = z
  .strictObject({
    // Scores are shares of the line points, so only their ratio matters; ±1,000 leaves room for any rubric [E].
    points: z.number().min(-1_000).max(1_000).describe('Points given when the line matches (may be negative).'),
    when: match,
    because: text.describe('Why, in the plan\'s terms — shown to the evaluator.'),
  })
  .describe('One line of the scoring rubric (partial credit allowed).');

const numberAnswer = z
  .strictObject({
    unit: text.describe('What is counted, e.g. { zh: 人, en: people }.'),
    min: z.number().describe('The smallest answer accepted.'),
    max: z.number().describe('The largest answer accepted.'),
    // Optional in the schema only so a participant's copy can leave it out (src/protocol/views.ts); lint requires it.
    expected: z.number().optional().describe("The plan's number (required; hidden from players until scored)."),
    tolerance: z.number().min(0).describe('Full credit within ± this of expected, falling linearly to 0 at ± twice this.'),
  })
  .describe('Number: a figure the seat enters, e.g. how many people to evacuate.');

const reportPoint = z
  .strictObject({
    id,
    text: text.describe('What the report should contain — the evaluator ticks it after reading.'),
    points: z.number().positive().max(1_000).describe('Points when the evaluator ticks it.'),
  })
  .describe('One rubric point of a written report.');

const reportAnswer = z
  .strictObject({
    points: z.array(reportPoint).min(1).describe('The rubric points the evaluator ticks (hidden from players until scored).'),
    maxChars: z.number().int().min(1).max(MAX_DECISION_REPORT_CHARS).default(MAX_DECISION_REPORT_CHARS).describe('The longest report accepted, in characters.'),
  })
  .describe('Report: the seat writes a report (free text) that the evaluator scores against these points.');

const decision = z
  .strictObject({
    id,
    owner: ref('a unit, group, county HQ or the HQ').describe('The seat that must decide.'),
    prompt: text,
    kind: z
      .enum(DECISION_KIND_IDS)
      .describe('single or multiple choice, allocation of teams to places, acknowledge, a number, a ranking of the options, or a written report the evaluator ticks.'),
    options: z.array(option).default([]).describe('The choices (single, multiple), or the items to put in order (ranking).'),
    number: numberAnswer.optional(),
    report: reportAnswer.optional(),
    allocate: z
      .strictObject({
        teams: z.array(ref('a team')).min(1).describe('Teams the seat may assign.'),
        places: z.array(ref('a settlement, facility or incident')).min(1).describe('Places they may go.'),
      })
      .optional()
      .describe('Allocation: which teams may go to which places.'),
    opens: z
      .union([at, z.strictObject({ after: ref('an inject'), delay: duration.default(0) })])
      .describe('When it opens: at a node and offset, or after an inject is delivered.'),
    deadline: duration.describe('Drill time from opening to the deadline.'),
    target: duration.optional().describe('Drill time from opening within which the answer earns full timeliness credit.'),
    expected: z
      .strictObject({
        options: z.array(id).optional().describe('The option ids the plan expects.'),
        allocations: z.array(z.strictObject({ team: ref('a team'), to: ref('a settlement, facility or incident') })).optional().describe('The allocations the plan expects.'),
        order: z.array(id).optional().describe('Ranking: every option id, most important first.'),
        onExpiry: z.array(effect).default([]).describe('What happens in the simulation if no answer comes.'),
      })
      .default({ onExpiry: [] })
      .describe('The answer the plan expects (hidden from players until scored); a number or report decision keeps its own in number/report.'),
    rubric: z.array(rubricLine).default([]).describe('How the answer is scored, line by line (single, multiple, allocation, acknowledge; number, ranking and report score by their own measure).'),
    planClause: z.string().min(1).describe('The plan clause it tests, e.g. "鞍政办发〔2016〕117号 §4.2".'),
    capability: ref('a capability (scoring.capabilities)'),
  })
  .describe('A timed decision (分析决策) a seat must take.');

// ── scoring ─────────────────────────────────────────────────────────────────

const scoring = z
  .strictObject({
    weights: z
      .strictObject({
        correctness: z.number().min(0).max(1).describe('Against the plan\'s expected answer.'),
        timeliness: z.number().min(0).max(1).describe('Answered by the target, decaying to zero at the deadline.'),
        consequence: z.number().min(0).max(1).describe('The outcome difference the choice made in the simulation.'),
      })
      .describe('How much each part counts; they add up to 1.'),
    ratings: z
      .strictObject({
        P: z.number().min(0).max(100).describe('At or above: performed without challenges (优).'),
        S: z.number().min(0).max(100).describe('At or above: some challenges (良).'),
        M: z.number().min(0).max(100).describe('At or above: major challenges (中); below: unable to perform (差).'),
      })
      .describe('P/S/M/U thresholds on 0–100.'),
    capabilities: z
      .array(z.strictObject({ id, name: text }))
      .min(1)
      .describe('Core capabilities the decisions evidence (HSEEP-style), e.g. operational coordination.'),
  })
  .describe('How decisions are scored and rated.');

// ── conditions: season, darkness, weather ───────────────────────────────────

export const WEATHER_KINDS = ['clear', 'rain', 'snow', 'fog'] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time such as "07:20" (24-hour HH:MM)');

const conditions = z
  .strictObject({
    season: z.enum(SEASONS).describe('The season of the origin date: picks the occupancy shares of that season (occupancy.winter …).'),
    darkness: z
      .strictObject({
        dusk: clockTime.describe('Local time darkness falls (end of civil twilight), e.g. "18:52".'),
        dawn: clockTime.describe('Local time it is light again (start of civil twilight), e.g. "07:31".'),
      })
      .optional()
      .describe('When it is dark; default: civil twilight computed for the epicentre and the origin date (NOAA solar equations).'),
    weather: z
      .strictObject({
        kind: z.enum(WEATHER_KINDS).describe('clear, rain, snow or fog: rain, snow and fog slow teams on the road [E].'),
        temperatureC: z.number().min(-60).max(60).optional().describe('Air temperature, °C (below 0 with coldSurvival: trapped people survive less long).'),
      })
      .optional()
      .describe('The weather during the drill.'),
    nightSpeedFactor: z.number().min(0.1).max(1).optional().describe('Teams\' road speed is multiplied by this in the dark (default 0.7 [E]).'),
    coldSurvival: z.boolean().default(false).describe('[E] option: below 0 °C people trapped survive less long (the survival curve\'s time scale shrinks). Off by default.'),
  })
  .describe('Season, darkness and weather: teams drive slower in the dark and in bad weather; the cold can shorten survival.');

// ── outcome figures ─────────────────────────────────────────────────────────

// The figures' kinds and the v1 set are src/scenario/outcomes.ts's; here only their written form.
const outcomeIncidents = z
  .array(z.enum([...INCIDENT_KINDS, ...FACILITY_KINDS]))
  .min(1)
  .describe('Incident kinds (every incident of the kind counts), or facility kinds (the incidents at a facility of the kind count: for hours-without, its outages — power, telecom, water).');

const outcome = z
  .union([
    z.enum(PLAIN_OUTCOMES).describe('trapped-rescued (trapped and rescued alive), first-rescue (the first team on scene, per settlement), response-level (the first level declared), shelter (places opened / needed), decisions (answered, expired …).'),
    z
      .strictObject({
        kind: z.literal('hours-without').describe('The figure\'s kind.'),
        incidents: outcomeIncidents,
        label: text.describe('What the figure is called in the app and the reports, e.g. { zh: 医院断电（医院·小时）, en: Hospital-hours without power }.'),
      })
      .describe('Hours places go without a service: per place, the time its counted incidents stand uncontained (overlaps once), summed over the places.'),
    z
      .strictObject({
        kind: z.literal('time-to-contain').describe('The figure\'s kind.'),
        incidents: outcomeIncidents,
        label: text.describe('What the figure is called, e.g. { zh: 危化品泄漏控制, en: Chemical leak contained }.'),
      })
      .describe('Per counted incident that appeared: hours from appearing to contained (never, if it was not).'),
  ])
  .meta({ id: 'Outcome', description: 'An outcome figure the drill shows and reports.' });

// ── the whole file ──────────────────────────────────────────────────────────

export const scenarioSchema = z
  .strictObject({
    format: z.literal(FORMAT_V2).describe(`The format version; always "${FORMAT_V2}" for this schema (a "${FORMAT_V1}" file is read too: \`quake-drill migrate\` updates it).`),
    meta,
    earthquake,
    region,
    organisation,
    responseLevels: z.array(responseLevel).min(1).describe('The plan\'s response levels I–IV.'),
    nodes: z.array(node).min(1).describe('Time nodes (时间节点), in order.'),
    injects: z.array(inject).default([]).describe('The drill script (演练脚本): injects in any order.'),
    cascades: z.array(cascade).default([]).describe('How incidents spawn or worsen others when not handled.'),
    decisions: z.array(decision).default([]).describe('Timed decisions the seats must take.'),
    scoring,
    conditions: conditions.optional().describe('Season, darkness and weather (none: daylight all drill, clear, no effect on speed or survival).'),
    occupancy: occupancy.optional().describe('Share of people indoors by local time of day, for the loss estimate (default SCIENCE.md §7.2: night 0.95, morning 0.6, day 0.5).'),
    outcomes: z
      .array(outcome)
      .min(1)
      .optional()
      .describe('The outcome figures the drill shows and reports, in this order (none: the figures every drill has — trapped-rescued, response-level, first-rescue, shelter, decisions; a v1 file gets the v1 set, which adds hospital-hours without power and chemical-leak containment).'),
  })
  .describe('A Quake Drill scenario (震演 情景文件).');

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Text = z.output<typeof text>;
export type Incident = z.output<typeof incident>;
export type Conditions = z.output<typeof conditions>;
export type Occupancy = z.output<typeof occupancy>;
export type Inject = Scenario['injects'][number];
export type Decision = Scenario['decisions'][number];
export type TimeNode = Scenario['nodes'][number];
