// The scenario file format, version 1: defined once here; types, validation and the JSON Schema
// in public/schema/ all come from this file (regenerate with `npm run schema`).
import { z } from 'zod';
import { DURATION_PATTERN, MAX_SCENARIO_MS, formatDuration, parseDuration } from './duration.ts';
import { COUNT_MESSAGE, ID_DESCRIPTION, ID_MESSAGE, ID_PATTERN, LEVEL_OR_NONE, LEVELS, MAX_PEOPLE, MAX_TEAMS, effect, refDescription, severityStep } from './effect.ts';
import { ORIGIN_TIME_FORMAT, originTimeProblem } from './origin-time.ts';

// The effect schema (zod/mini, shared with the drill's commands) and its limits live in effect.ts.
export { LEVEL_OR_NONE, LEVELS, MAX_PEOPLE, MAX_TEAMS, effect };
export type { Effect } from './effect.ts';

export const FORMAT_V1 = 'quake-drill/scenario@1';

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

export const ATTENUATION_RELATIONS = ['wang2000', 'gb18306-east', 'cea-northeast'] as const;

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
        relation: z.enum(ATTENUATION_RELATIONS).describe('wang2000 (Wang Suyun et al. 2000, eastern China), gb18306-east (GB 18306-2015 eastern zone), cea-northeast (CEA rapid assessment, 东北地区).'),
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

export const FACILITY_KINDS = [
  'hospital', 'substation', 'telecom-hub', 'chemical-plant', 'reservoir', 'shelter', 'school',
  'water-plant', 'gas-station', 'command-post', 'store', 'bridge', 'mine',
] as const;

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

const region = z
  .strictObject({
    name: text,
    bounds: z
      .strictObject({ south: lat, west: lon, north: lat, east: lon })
      .describe('Every coordinate in the file must fall inside this box.'),
    settlements: z.array(settlement).min(1).describe('Townships, towns, districts and cities.'),
    routes: z.array(route).default([]).describe('Expressways, roads and railways.'),
    facilities: z.array(facility).default([]).describe('Hospitals, lifelines, hazard sources, shelters.'),
  })
  .describe('The map: settlements, roads and railways, facilities.');

// ── the organisation ────────────────────────────────────────────────────────

export const TEAM_CAPABILITIES = [
  'usar', 'fire', 'hazmat', 'medical', 'power-repair', 'telecom-repair', 'road-repair', 'engineering',
  'logistics', 'shelter', 'security', 'traffic', 'monitoring', 'survey', 'water-rescue', 'forest-fire',
  'communications', 'psychological', 'epidemic', 'information',
] as const;

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

export const INCIDENT_KINDS = [
  'earthquake', 'aftershock', 'collapse', 'trapped', 'fire', 'gas-leak', 'chemical-leak', 'power-outage',
  'telecom-outage', 'hospital-power', 'water-outage', 'road-blocked', 'bridge-damage', 'landslide',
  'dam-risk', 'casualties', 'displaced', 'rumour', 'public-order', 'epidemic', 'other',
] as const;

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

const decision = z
  .strictObject({
    id,
    owner: ref('a unit, group, county HQ or the HQ').describe('The seat that must decide.'),
    prompt: text,
    kind: z.enum(['single', 'multiple', 'allocation', 'acknowledge']).describe('single or multiple choice, allocation of teams to places, acknowledge/report.'),
    options: z.array(option).default([]).describe('The choices (single, multiple).'),
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
        onExpiry: z.array(effect).default([]).describe('What happens in the simulation if no answer comes.'),
      })
      .describe('The answer the plan expects (hidden from players until scored).'),
    rubric: z.array(rubricLine).min(1).describe('How the answer is scored, line by line.'),
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

// ── the whole file ──────────────────────────────────────────────────────────

export const scenarioSchema = z
  .strictObject({
    format: z.literal(FORMAT_V1).describe(`The format version; always "${FORMAT_V1}" for this schema.`),
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
  })
  .describe('A Quake Drill scenario (震演 情景文件).');

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Text = z.output<typeof text>;
export type Incident = z.output<typeof incident>;
export type Inject = Scenario['injects'][number];
export type Decision = Scenario['decisions'][number];
export type TimeNode = Scenario['nodes'][number];
