// Peak ground motion (GB 18306-2015 eastern zone) and instrumental intensity (GB/T 17742-2020 Annex A).

/** Near-source saturation term R + 2.088·e^(0.399·M) of the GB 18306-2015 eastern-zone PGA/PGV relations. */
function saturatedDistance(magnitude: number, distanceKm: number): number {
  // GB 18306-2015 eastern zone, long axis, M ≤ 6.5: R + 2.088·e^(0.399M) [S] (SCIENCE.md §1)
  return Math.max(0, distanceKm) + 2.088 * Math.exp(0.399 * magnitude);
}

/** Median PGA in gal (cm/s²), GB 18306-2015 eastern zone, long axis, valid for M ≤ 6.5. */
export function gb18306PgaGal(magnitude: number, distanceKm: number): number {
  // lg PGA(gal) = 1.979 + 0.671M − 2.315·lg(R + 2.088·e^(0.399M)), σ 0.236 [S] (SCIENCE.md §1)
  return 10 ** (1.979 + 0.671 * magnitude - 2.315 * Math.log10(saturatedDistance(magnitude, distanceKm)));
}

/** Median PGV in cm/s, GB 18306-2015 eastern zone, long axis, valid for M ≤ 6.5. */
export function gb18306PgvCms(magnitude: number, distanceKm: number): number {
  // lg PGV(cm/s) = −0.363 + 0.791M − 2.103·lg(R + 2.088·e^(0.399M)), σ 0.271 [S] (SCIENCE.md §1)
  return 10 ** (-0.363 + 0.791 * magnitude - 2.103 * Math.log10(saturatedDistance(magnitude, distanceKm)));
}

// GB 18306-2015 eastern zone: σ(lg PGA) 0.236, σ(lg PGV) 0.271 [S] (SCIENCE.md §1)
/** σ of lg PGA and lg PGV of the GB 18306-2015 eastern-zone relations. */
export const GB18306_GROUND_MOTION_SIGMA = { pga: 0.236, pgv: 0.271 } as const;

/**
 * Instrumental intensity of GB/T 17742-2020 Annex A from PGA (m/s²) and PGV (m/s):
 * I_A = 3.17·lg PGA + 6.59, I_V = 3.00·lg PGV + 9.77; I = I_V when both are ≥ 6.0, else their mean;
 * rounded to 0.1 and clamped to [1, 12].
 */
export function instrumentalIntensity(pgaMs2: number, pgvMs: number): number {
  // GB/T 17742-2020 Annex A: I_A = 3.17·lg PGA + 6.59 (PGA m/s²) [S] (SCIENCE.md §1)
  const iA = 3.17 * Math.log10(pgaMs2) + 6.59;
  // GB/T 17742-2020 Annex A: I_V = 3.00·lg PGV + 9.77 (PGV m/s) [S] (SCIENCE.md §1)
  const iV = 3.0 * Math.log10(pgvMs) + 9.77;
  // GB/T 17742-2020 Annex A: I_V when both ≥ 6.0, else the mean [S] (SCIENCE.md §1)
  const raw = iA >= 6 && iV >= 6 ? iV : (iA + iV) / 2;
  if (Number.isNaN(raw)) return Number.NaN;
  // GB/T 17742-2020 Annex A: round to 0.1, clamp to [1, 12] [S] (SCIENCE.md §1)
  return Math.min(12, Math.max(1, Math.round(raw * 10) / 10));
}
