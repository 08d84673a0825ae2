// The outcome figures a drill shows and reports (issue 12): a scenario lists its own (`outcomes`, e.g.
// hours a hospital is without power, the time a chemical leak takes to contain); a v1 file gets the v1
// set (the figures the app showed before the list existed), a v2 file without the list only the
// figures every drill has — never another region's themes.
// The scoring computes the listed ones by incident and facility kind (src/scoring/outcomes.ts) and
// every surface shows them in the listed order with the scenario's labels.
import { kindsThat, type FacilityKind, type IncidentKind } from './kinds.ts';
import type { Scenario, Text } from './schema.ts';

/** The figures that need nothing but their kind. */
export const PLAIN_OUTCOMES = ['trapped-rescued', 'first-rescue', 'response-level', 'shelter', 'decisions'] as const;
export type PlainOutcome = (typeof PLAIN_OUTCOMES)[number];

/** A figure over the incidents of some kinds, under the scenario's own label. */
export interface KindsOutcome {
  kind: 'hours-without' | 'time-to-contain';
  /** Incident kinds, or facility kinds (see `counts`). */
  incidents: readonly (IncidentKind | FacilityKind)[];
  label: Text;
}

/** One figure, as the scoring and the screens use it. */
export type OutcomeFigure = { kind: PlainOutcome } | KindsOutcome;
export type OutcomeKind = OutcomeFigure['kind'];

/**
 * The v1 set: what the app and the reports showed before scenarios listed their figures (Haicheng's
 * themes among them: its hospitals' power, its chemical leak), so a v1 file reports as it always did.
 * Written as a file writes it: `quake-drill migrate` writes it into a v1 file (migrate.ts).
 */
export const V1_OUTCOMES = [
  'trapped-rescued',
  'response-level',
  'first-rescue',
  { kind: 'hours-without', incidents: ['hospital-power', 'hospital'], label: { zh: '医院断电（医院·小时）', en: 'Hospital-hours without power' } },
  'shelter',
  { kind: 'time-to-contain', incidents: ['chemical-leak'], label: { zh: '危化品泄漏控制', en: 'Chemical leak contained' } },
  'decisions',
] as const satisfies NonNullable<Scenario['outcomes']>;

/** What a v2 file that lists no figures shows: the v1 set without Haicheng's two themes, in its order. */
export const EVERY_DRILL_OUTCOMES = ['trapped-rescued', 'response-level', 'first-rescue', 'shelter', 'decisions'] as const satisfies readonly PlainOutcome[];

const figuresOf = new WeakMap<object, readonly OutcomeFigure[]>();

/**
 * The scenario's figures in its order (a v1 file's are the v1 set, written in as it loads: migrate.ts);
 * kept per scenario object, as every score and every figures render asks (scenarios never change once loaded).
 */
export function outcomeFigures(scenario: Pick<Scenario, 'outcomes'>): readonly OutcomeFigure[] {
  let figures = figuresOf.get(scenario);
  if (!figures) figuresOf.set(scenario, (figures = (scenario.outcomes ?? EVERY_DRILL_OUTCOMES).map((o) => (typeof o === 'string' ? { kind: o } : o))));
  return figures;
}

/** Whether the scenario shows a plain figure. */
export const shows = (scenario: Pick<Scenario, 'outcomes'>, kind: PlainOutcome): boolean => outcomeFigures(scenario).some((f) => f.kind === kind);

/** The figures over incident kinds, in order. */
export const kindsFigures = (scenario: Pick<Scenario, 'outcomes'>, kind: KindsOutcome['kind']): KindsOutcome[] =>
  outcomeFigures(scenario).filter((f): f is KindsOutcome => f.kind === kind);

const OUTAGES = kindsThat('outage');

/**
 * Whether an incident counts towards a figure: its kind is listed, or it happens at a facility of a
 * listed kind — for hours-without only the outages there (the kinds whose behaviour is 'outage':
 * power, telecom, water, hospital power), since a fire at a hospital is not hours without a service.
 */
export function counts(figure: KindsOutcome, incident: { kind: string; place: string }, facilityKind: (place: string) => string | undefined): boolean {
  if ((figure.incidents as readonly string[]).includes(incident.kind)) return true;
  const at = facilityKind(incident.place);
  if (at === undefined || !(figure.incidents as readonly string[]).includes(at)) return false;
  return figure.kind === 'time-to-contain' || OUTAGES.has(incident.kind);
}
