// Intensity degrees written as Roman numerals, the way Chinese intensity scales label them (VII 度).

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/**
 * The intensity degree a continuous intensity falls in, as a Roman numeral: 'VII' for 7.0 ≤ I < 8.0.
 * Floors (like the zones of zoneRadii: the VII zone is where I ≥ 7), clamped to I…XII.
 */
export function intensityRoman(intensity: number): string {
  const degree = Math.min(12, Math.max(1, Math.floor(intensity + 1e-9)));
  return NUMERALS[degree - 1] ?? 'I';
}

/** A whole degree 1…12 as a Roman numeral; RangeError otherwise. */
export function romanNumeral(degree: number): string {
  const numeral = Number.isInteger(degree) ? NUMERALS[degree - 1] : undefined;
  if (numeral === undefined) throw new RangeError(`intensity degrees run from 1 to 12, got ${degree}`);
  return numeral;
}
