// Aftershocks: the Reasenberg–Jones rate, expected counts and probabilities over a time window,
// Båth's law, and a seeded draw of a sequence (SCIENCE.md §4). Time t in days after the main shock.

/** Reasenberg–Jones parameters: λ(t, M) = 10^(a + b(Mm − M)) · (t + c)^(−p), t and c in days. */
export interface AftershockParams {
  readonly a: number;
  readonly b: number;
  readonly p: number;
  /** days */
  readonly c: number;
}

export type AftershockParamSetId = 'rj1989-california' | 'page2016-active' | 'page2016-stable';

export interface AftershockParamSet extends AftershockParams {
  readonly id: AftershockParamSetId;
  readonly name: string;
  /** σ of a, where the source gives one. */
  readonly aSigma?: number;
  readonly source: string;
}

export const RJ1989_CALIFORNIA: AftershockParamSet = {
  id: 'rj1989-california',
  name: 'Generic California (Reasenberg & Jones 1989)',
  // Reasenberg & Jones 1989 generic California: a −1.67, b 0.91, p 1.08, c 0.05 d [S] (SCIENCE.md §4)
  a: -1.67, b: 0.91, p: 1.08, c: 0.05,
  source: 'Reasenberg P. A., Jones L. M. (1989). Earthquake hazard after a mainshock in California. Science 243, 1173–1176',
};

export const PAGE2016_ACTIVE: AftershockParamSet = {
  id: 'page2016-active',
  name: 'Active shallow continental (Page et al. 2016)',
  // Page et al. 2016 active shallow continental: a −2.42 (σ 0.63), b 1.0, p 0.98, c 0.018 d [S] (SCIENCE.md §4)
  a: -2.42, aSigma: 0.63, b: 1.0, p: 0.98, c: 0.018,
  source: 'Page M. T. et al. (2016). Three ingredients for improved global aftershock forecasts. BSSA 106(5)',
};

export const PAGE2016_STABLE: AftershockParamSet = {
  id: 'page2016-stable',
  name: 'Stable continental (Page et al. 2016)',
  // Page et al. 2016 stable continental: a −2.85 (σ 0.78), b 1.0, p 0.73, c 0.018 d [S] (SCIENCE.md §4)
  a: -2.85, aSigma: 0.78, b: 1.0, p: 0.73, c: 0.018,
  source: 'Page M. T. et al. (2016). Three ingredients for improved global aftershock forecasts. BSSA 106(5)',
};

export const AFTERSHOCK_PARAMETERS: Readonly<Record<AftershockParamSetId, AftershockParamSet>> = {
  'rj1989-california': RJ1989_CALIFORNIA,
  'page2016-active': PAGE2016_ACTIVE,
  'page2016-stable': PAGE2016_STABLE,
};

/** 10^(a + b(Mm − M)): the rate of aftershocks ≥ M one day after the shock, when c ≪ 1 day. */
function productivity(params: AftershockParams, mainMagnitude: number, minMagnitude: number): number {
  return 10 ** (params.a + params.b * (mainMagnitude - minMagnitude));
}

/** λ(t, M): expected aftershocks ≥ minMagnitude per day, t days after the main shock. */
export function aftershockRate(params: AftershockParams, mainMagnitude: number, minMagnitude: number, tDays: number): number {
  return productivity(params, mainMagnitude, minMagnitude) * (tDays + params.c) ** -params.p;
}

/** A window of aftershocks ≥ minMagnitude from fromDays to toDays after a main shock. */
export interface AftershockWindow {
  readonly params: AftershockParams;
  readonly mainMagnitude: number;
  readonly minMagnitude: number;
  readonly fromDays: number;
  readonly toDays: number;
}

function checkWindow(w: AftershockWindow): void {
  if (!(w.fromDays >= 0) || !(w.toDays >= w.fromDays)) {
    throw new RangeError(`an aftershock window needs 0 ≤ fromDays ≤ toDays, got ${w.fromDays}…${w.toDays}`);
  }
  if (!(w.params.c > 0) || !(w.params.p > 0) || !(w.params.b > 0)) {
    throw new RangeError('aftershock parameters need b, p and c > 0');
  }
}

/**
 * ∫ from t1 to t of (s + c)^(−p) ds in closed form: ((t + c)^(1−p) − (t1 + c)^(1−p)) / (1 − p),
 * or ln((t + c)/(t1 + c)) when p = 1; written with expm1 so it stays exact as p → 1.
 */
function omoriIntegral(p: number, c: number, t1: number, t: number): number {
  const q = 1 - p;
  const d = Math.log((t + c) / (t1 + c));
  if (q === 0) return d;
  return ((t1 + c) ** q * Math.expm1(q * d)) / q;
}

/** The t at which omoriIntegral(p, c, t1, t) reaches `area`; Infinity if it never does (p > 1). */
function inverseOmoriIntegral(p: number, c: number, t1: number, area: number): number {
  const q = 1 - p;
  let d: number;
  if (q === 0) d = area;
  else {
    const arg = (area * q) / (t1 + c) ** q;
    if (arg <= -1) return Infinity;
    d = Math.log1p(arg) / q;
  }
  return (t1 + c) * Math.exp(d) - c;
}

/** N: the expected number of aftershocks ≥ minMagnitude in the window, ∫ λ(t, M) dt. */
export function expectedAftershocks(window: AftershockWindow): number {
  checkWindow(window);
  const { params, mainMagnitude, minMagnitude, fromDays, toDays } = window;
  return productivity(params, mainMagnitude, minMagnitude) * omoriIntegral(params.p, params.c, fromDays, toDays);
}

/** P(at least one aftershock ≥ minMagnitude in the window) = 1 − e^(−N). */
export function aftershockProbability(window: AftershockWindow): number {
  return -Math.expm1(-expectedAftershocks(window));
}

// Båth's law: the largest aftershock is about 1.2 magnitude units below the main shock [V] (SCIENCE.md §4)
export const BATH_DELTA = 1.2;

/** Båth's law: the magnitude of the largest aftershock ≈ Mm − 1.2. */
export function bathLargestAftershock(mainMagnitude: number): number {
  return mainMagnitude - BATH_DELTA;
}

export interface Aftershock {
  /** Days after the main shock. */
  readonly tDays: number;
  readonly magnitude: number;
}

export interface AftershockDraw extends AftershockWindow {
  /** Upper bound of the Gutenberg–Richter magnitudes; default the main shock's magnitude. */
  readonly maxMagnitude?: number;
  /** Refuse (RangeError) windows expecting more aftershocks than this; default 100,000. */
  readonly maxEvents?: number;
}

/**
 * A seeded draw of an aftershock sequence: a non-homogeneous Poisson process with rate λ(t, minMagnitude),
 * by inverting the cumulative count (each gap in cumulative count is exponential with mean 1), and
 * Gutenberg–Richter magnitudes with the b-value, truncated at maxMagnitude (default: no aftershock larger
 * than the main shock). Two rng draws per aftershock plus one that ends the window. Sorted by time.
 */
export function drawAftershocks(draw: AftershockDraw, rng: () => number): Aftershock[] {
  const expected = expectedAftershocks(draw);
  const maxEvents = draw.maxEvents ?? 100_000;
  if (expected > maxEvents) {
    throw new RangeError(`${expected.toFixed(0)} aftershocks expected ≥ M${draw.minMagnitude}, more than maxEvents ${maxEvents}: raise minMagnitude`);
  }
  const { params, mainMagnitude, minMagnitude, fromDays, toDays } = draw;
  const maxMagnitude = draw.maxMagnitude ?? mainMagnitude;
  if (!(maxMagnitude > minMagnitude)) throw new RangeError(`maxMagnitude ${maxMagnitude} must exceed minMagnitude ${minMagnitude}`);
  const k = productivity(params, mainMagnitude, minMagnitude);
  // Share of G–R magnitudes ≥ minMagnitude that fall below maxMagnitude: 1 − 10^(−b(Mmax − Mmin)).
  const belowMax = -Math.expm1(-params.b * (maxMagnitude - minMagnitude) * Math.LN10);
  const out: Aftershock[] = [];
  let area = 0;
  for (;;) {
    area += -Math.log1p(-rng()) / k;
    const t = inverseOmoriIntegral(params.p, params.c, fromDays, area);
    if (!(t <= toDays)) break;
    const magnitude = minMagnitude - Math.log10(1 - rng() * belowMax) / params.b;
    out.push({ tDays: t, magnitude });
  }
  return out;
}
