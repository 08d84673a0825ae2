// Seismic intensity (烈度) from elliptical attenuation relations: I = A + B·M + C·log(R + R0),
// long axis along the fault strike and short axis across it (SCIENCE.md §1).

/** Coefficients of one axis: I = A + B·M + C·log(R + R0), R in km. */
export interface AxisCoefficients {
  readonly A: number;
  readonly B: number;
  readonly C: number;
  /** km */
  readonly R0: number;
}

export type AttenuationId = 'wang2000' | 'gb18306-east' | 'gb18306-moderate' | 'gb18306-qinghai-tibet' | 'gb18306-xinjiang' | 'cea-northeast';

export interface AttenuationRelation {
  readonly id: AttenuationId;
  readonly name: string;
  /** Which logarithm the relation uses: base 10 or natural. */
  readonly log: 'log10' | 'ln';
  readonly long: AxisCoefficients;
  readonly short: AxisCoefficients;
  /** Standard deviation of I, where the source gives one. */
  readonly sigma?: number;
  readonly source: string;
}

export const WANG_2000: AttenuationRelation = {
  id: 'wang2000',
  name: 'Wang Suyun et al. 2000, eastern China',
  log: 'log10',
  // Wang Suyun et al. 2000, eastern China, long axis: A 5.019, B 1.446, C −4.136, R0 24 [S] (SCIENCE.md §1)
  long: { A: 5.019, B: 1.446, C: -4.136, R0: 24 },
  // Wang 2000 short axis: A 2.240, B 1.446, C −3.070, R0 9 [E] (SCIENCE.md §1)
  short: { A: 2.24, B: 1.446, C: -3.07, R0: 9 },
  source: '汪素云, 俞言祥, 高阿甲, 阎秀杰. 中国分区地震动衰减关系的确定. 中国地震, 2000, 16(2): 99–106',
};

export const GB18306_EAST: AttenuationRelation = {
  id: 'gb18306-east',
  name: 'GB 18306-2015, eastern zone',
  log: 'log10',
  // GB 18306-2015 eastern zone, long axis: A 5.7123, B 1.3626, C −4.2903, R0 25 [S] (SCIENCE.md §1)
  long: { A: 5.7123, B: 1.3626, C: -4.2903, R0: 25 },
  // GB 18306-2015 eastern zone, short axis: A 3.6588, B 1.3626, C −3.5406, R0 13 [S] (SCIENCE.md §1)
  short: { A: 3.6588, B: 1.3626, C: -3.5406, R0: 13 },
  // GB 18306-2015 eastern zone σ 0.5826 [S] (SCIENCE.md §1)
  sigma: 0.5826,
  source: 'GB 18306-2015 中国地震动参数区划图, eastern zone intensity attenuation',
};

// GB 18306-2015's other three zones, from one secondary copy of the zoning relations' table [S]: 俞言祥, 李山有,
// 肖亮. 为新一代地震区划图编制的地震动衰减关系 / Development of ground motion attenuation relations for the new
// seismic hazard map of China. 震灾防御技术, 2013, 8(1) — table reproduced at ftp.nowpublishers.com/view-large/103355422.
// That copy drops the one-digit short-axis R0 of the moderate and Qinghai–Tibet zones; 7 and 9 km are the values
// at which both axes give the same intensity at R = 0, as the eastern (25/13) and Xinjiang (25/13) zones do to
// within 1e-5 [E: recovered, not read]. scenarios/README.md says which zone to use where.

export const GB18306_MODERATE: AttenuationRelation = {
  id: 'gb18306-moderate',
  name: 'GB 18306-2015, moderate-to-strong seismicity zone',
  log: 'log10',
  // GB 18306-2015 中强地震活动区, long axis: A 5.8410, B 1.0710, C −3.6570, R0 15 [S] (俞言祥等 2013)
  long: { A: 5.841, B: 1.071, C: -3.657, R0: 15 },
  // GB 18306-2015 中强地震活动区, short axis: A 3.9440, B 1.0710, C −2.8450 [S], R0 7 [E: recovered] (俞言祥等 2013)
  short: { A: 3.944, B: 1.071, C: -2.845, R0: 7 },
  // GB 18306-2015 中强地震活动区 σ 0.5200 [S] (俞言祥等 2013)
  sigma: 0.52,
  source: 'GB 18306-2015 中国地震动参数区划图, 中强地震活动区 intensity attenuation (俞言祥等 2013)',
};

export const GB18306_QINGHAI_TIBET: AttenuationRelation = {
  id: 'gb18306-qinghai-tibet',
  name: 'GB 18306-2015, Qinghai–Tibet zone',
  log: 'log10',
  // GB 18306-2015 青藏区, long axis: A 6.4580, B 1.2746, C −4.4709, R0 25 [S] (俞言祥等 2013)
  long: { A: 6.458, B: 1.2746, C: -4.4709, R0: 25 },
  // GB 18306-2015 青藏区, short axis: A 3.3682, B 1.2746, C −3.3119 [S], R0 9 [E: recovered] (俞言祥等 2013)
  short: { A: 3.3682, B: 1.2746, C: -3.3119, R0: 9 },
  // GB 18306-2015 青藏区 σ 0.6636 [S] (俞言祥等 2013)
  sigma: 0.6636,
  source: 'GB 18306-2015 中国地震动参数区划图, 青藏区 intensity attenuation (俞言祥等 2013)',
};

export const GB18306_XINJIANG: AttenuationRelation = {
  id: 'gb18306-xinjiang',
  name: 'GB 18306-2015, Xinjiang zone',
  log: 'log10',
  // GB 18306-2015 新疆区, long axis: A 5.6018, B 1.4347, C −4.4899, R0 25 [S] (俞言祥等 2013)
  long: { A: 5.6018, B: 1.4347, C: -4.4899, R0: 25 },
  // GB 18306-2015 新疆区, short axis: A 3.6113, B 1.4347, C −3.8477, R0 13 [S] (俞言祥等 2013)
  short: { A: 3.6113, B: 1.4347, C: -3.8477, R0: 13 },
  // GB 18306-2015 新疆区 σ 0.5924 [S] (俞言祥等 2013)
  sigma: 0.5924,
  source: 'GB 18306-2015 中国地震动参数区划图, 新疆区 intensity attenuation (俞言祥等 2013)',
};

export const CEA_NORTHEAST: AttenuationRelation = {
  id: 'cea-northeast',
  name: 'CEA rapid assessment, 东北地区 (Liaoning)',
  log: 'ln',
  // CEA rapid assessment 东北地区, long axis, natural log: A 2.83, B 1.42, C −1.39, R0 15 [S] (SCIENCE.md §1)
  long: { A: 2.83, B: 1.42, C: -1.39, R0: 15 },
  // CEA rapid assessment 东北地区, short axis, natural log: A 2.46, B 1.42, C −1.47, R0 10 [S] (SCIENCE.md §1)
  short: { A: 2.46, B: 1.42, C: -1.47, R0: 10 },
  source: 'China Earthquake Administration rapid assessment, 东北地区 intensity attenuation',
};

export const ATTENUATION_RELATIONS: Readonly<Record<AttenuationId, AttenuationRelation>> = {
  wang2000: WANG_2000,
  'gb18306-east': GB18306_EAST,
  'gb18306-moderate': GB18306_MODERATE,
  'gb18306-qinghai-tibet': GB18306_QINGHAI_TIBET,
  'gb18306-xinjiang': GB18306_XINJIANG,
  'cea-northeast': CEA_NORTHEAST,
};

/** A relation, or its id. */
export type RelationRef = AttenuationId | AttenuationRelation;

export function attenuationRelation(ref: RelationRef): AttenuationRelation {
  return typeof ref === 'string' ? ATTENUATION_RELATIONS[ref] : ref;
}

function logOf(relation: AttenuationRelation, x: number): number {
  return relation.log === 'ln' ? Math.log(x) : Math.log10(x);
}

function expOf(relation: AttenuationRelation, x: number): number {
  return relation.log === 'ln' ? Math.exp(x) : 10 ** x;
}

function axisIntensity(relation: AttenuationRelation, axis: AxisCoefficients, magnitude: number, distanceKm: number, offset: number): number {
  return axis.A + axis.B * magnitude + axis.C * logOf(relation, Math.max(0, distanceKm) + axis.R0) + offset;
}

/** Distance (km) at which one axis falls to intensity I; 0 when I is above that axis's value at R = 0. */
function axisRadius(relation: AttenuationRelation, axis: AxisCoefficients, magnitude: number, intensity: number, offset: number): number {
  const r = expOf(relation, (intensity - offset - axis.A - axis.B * magnitude) / axis.C) - axis.R0;
  return Math.max(0, r);
}

/** Intensity on the long axis (along the strike) at distance R km from the epicentre. */
export function intensityLongAxis(ref: RelationRef, magnitude: number, distanceKm: number, offset = 0): number {
  const relation = attenuationRelation(ref);
  return axisIntensity(relation, relation.long, magnitude, distanceKm, offset);
}

/** Intensity on the short axis (across the strike) at distance R km from the epicentre. */
export function intensityShortAxis(ref: RelationRef, magnitude: number, distanceKm: number, offset = 0): number {
  const relation = attenuationRelation(ref);
  return axisIntensity(relation, relation.short, magnitude, distanceKm, offset);
}

/**
 * Epicentral intensity: the smaller of the two axes' values at R = 0 (they differ by < 0.01 for the
 * relations here), so that every ellipse of a lower intensity has two positive semi-axes.
 */
export function epicentralIntensity(ref: RelationRef, magnitude: number, offset = 0): number {
  return Math.min(intensityLongAxis(ref, magnitude, 0, offset), intensityShortAxis(ref, magnitude, 0, offset));
}

/** Semi-axes of the ellipse of intensity I, km: a along the strike, b across it. */
export interface ZoneRadii {
  readonly a: number;
  readonly b: number;
}

/**
 * Semi-axes (km) of the ellipse inside which the intensity is ≥ I. Never null: when I is above the
 * epicentral intensity the zone is empty and the answer is { a: 0, b: 0 }; otherwise each axis is the
 * relation solved for R, clamped at 0.
 */
export function zoneRadii(ref: RelationRef, magnitude: number, intensity: number, offset = 0): ZoneRadii {
  const relation = attenuationRelation(ref);
  if (intensity > epicentralIntensity(relation, magnitude, offset)) return { a: 0, b: 0 };
  return {
    a: axisRadius(relation, relation.long, magnitude, intensity, offset),
    b: axisRadius(relation, relation.short, magnitude, intensity, offset),
  };
}

/** The earthquake as the intensity field needs it. */
export interface QuakeSource {
  readonly lat: number;
  readonly lon: number;
  /** Surface-wave magnitude Ms. */
  readonly magnitude: number;
  /** Fault strike, degrees clockwise from north: the direction of the long axis. */
  readonly strikeDeg: number;
  /** Added to every intensity (e.g. +σ for a stress variant); 0 = the median field. */
  readonly offset: number;
}

// 111.32 km per degree = WGS-84 equatorial circumference 40,075 km / 360 (local flat-earth projection)
const KM_PER_DEGREE = 111.32;

/**
 * A point in km relative to the epicentre: x along the strike, y across it (to the right of the
 * strike). Local flat-earth projection: 111.32 km per degree of latitude, × cos(epicentre latitude)
 * per degree of longitude.
 */
export function projectAlongStrike(quake: Pick<QuakeSource, 'lat' | 'lon' | 'strikeDeg'>, lat: number, lon: number): { x: number; y: number } {
  const north = (lat - quake.lat) * KM_PER_DEGREE;
  const east = (lon - quake.lon) * KM_PER_DEGREE * Math.cos((quake.lat * Math.PI) / 180);
  const s = (quake.strikeDeg * Math.PI) / 180;
  return { x: east * Math.sin(s) + north * Math.cos(s), y: east * Math.cos(s) - north * Math.sin(s) };
}

/**
 * A solver for the field of one quake: (x, y) km along and across the strike → the I whose ellipse
 * passes through the point, x²/a(I)² + y²/b(I)² = 1. The constants are worked out once, so a grid
 * costs one solve per cell; the root is bracketed and found by the Illinois variant of regula falsi
 * (falling back to bisection), to 1e-9 in I.
 */
function fieldSolver(relation: AttenuationRelation, magnitude: number, offset: number): (x: number, y: number) => number {
  const top = epicentralIntensity(relation, magnitude, offset);
  const lnBase = relation.log === 'ln' ? 1 : Math.LN10;
  const axis = (c: AxisCoefficients) => ({ k: c.A + c.B * magnitude + offset, s: lnBase / c.C, r0: c.R0, c });
  const long = axis(relation.long);
  const short = axis(relation.short);
  const radius = (ax: typeof long, i: number) => Math.max(0, Math.exp((i - ax.k) * ax.s) - ax.r0);
  const at = (ax: typeof long, r: number) => ax.k + ax.c.C * logOf(relation, r + ax.r0);
  return (x, y) => {
    const r = Math.hypot(x, y);
    if (r === 0) return top;
    const xx = x * x;
    const yy = y * y;
    // ≤ 0 when the point lies inside the ellipse of intensity i.
    const g = (i: number): number => {
      const a = radius(long, i);
      const b = radius(short, i);
      return (a > 0 ? xx / (a * a) : xx === 0 ? 0 : Infinity) + (b > 0 ? yy / (b * b) : yy === 0 ? 0 : Infinity) - 1;
    };
    // Bracket: where both semi-axes are ≥ r the point is inside; where both are ≤ r it is outside.
    const iLong = at(long, r);
    const iShort = at(short, r);
    let lo = Math.min(iLong, iShort, top);
    let hi = Math.min(Math.max(iLong, iShort), top);
    let gHi = g(hi);
    if (gHi <= 0) return hi;
    let gLo = g(lo);
    let side = 0;
    for (let k = 0; k < 200 && hi - lo > 1e-9; k++) {
      let mid = Number.isFinite(gHi) ? (lo * gHi - hi * gLo) / (gHi - gLo) : (lo + hi) / 2;
      if (!(mid > lo && mid < hi)) mid = (lo + hi) / 2;
      const gMid = g(mid);
      if (gMid === 0) return mid;
      if (gMid < 0) {
        lo = mid;
        gLo = gMid;
        if (side === -1) gHi /= 2;
        side = -1;
      } else {
        hi = mid;
        gHi = gMid;
        if (side === 1) gLo /= 2;
        side = 1;
      }
      if (Math.abs(gMid) < 1e-13) return mid;
    }
    return (lo + hi) / 2;
  };
}

/**
 * Intensity at a point x km along and y km across the strike: the I whose ellipse passes through the
 * point, x²/a(I)² + y²/b(I)² = 1. Continuous; equals the epicentral intensity at (and, for a few
 * metres, next to) the epicentre.
 */
export function intensityAtOffset(ref: RelationRef, magnitude: number, x: number, y: number, offset = 0): number {
  return fieldSolver(attenuationRelation(ref), magnitude, offset)(x, y);
}

/** Intensity at a point (WGS-84 degrees) for a quake: the elliptical field of SCIENCE.md §1. */
export function intensityAt(ref: RelationRef, quake: QuakeSource, lat: number, lon: number): number {
  const { x, y } = projectAlongStrike(quake, lat, lon);
  return intensityAtOffset(ref, quake.magnitude, x, y, quake.offset);
}

export interface GridBounds {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

export interface IntensityGrid {
  /** Row-major: values[row · cellsX + col]; row 0 is the northern edge, col 0 the western edge. */
  readonly values: Float32Array;
  readonly cellsX: number;
  readonly cellsY: number;
  readonly bounds: GridBounds;
}

/** The intensity field sampled at the centre of each cell of a cellsX × cellsY grid over the bounds. */
export function intensityGrid(ref: RelationRef, quake: QuakeSource, bounds: GridBounds, cellsX: number, cellsY: number): IntensityGrid {
  if (!Number.isInteger(cellsX) || !Number.isInteger(cellsY) || cellsX < 1 || cellsY < 1) {
    throw new RangeError(`intensityGrid needs positive whole cell counts, got ${cellsX} × ${cellsY}`);
  }
  const solve = fieldSolver(attenuationRelation(ref), quake.magnitude, quake.offset);
  const values = new Float32Array(cellsX * cellsY);
  const dLat = (bounds.north - bounds.south) / cellsY;
  const dLon = (bounds.east - bounds.west) / cellsX;
  for (let row = 0; row < cellsY; row++) {
    const lat = bounds.north - (row + 0.5) * dLat;
    for (let col = 0; col < cellsX; col++) {
      const { x, y } = projectAlongStrike(quake, lat, bounds.west + (col + 0.5) * dLon);
      values[row * cellsX + col] = solve(x, y);
    }
  }
  return { values, cellsX, cellsY, bounds };
}
