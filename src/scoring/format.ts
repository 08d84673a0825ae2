// Times as evaluators read them: drill time as mm:ss, scenario time as T+h:mm.

/** Drill time in ms as mm:ss (minutes may pass 59: a drill runs about two hours). */
export function drillTime(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A length of drill time, e.g. "5:00" or "0:20". */
export function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Scenario time in ms after the earthquake as T+h:mm. */
export function scenarioTime(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return `T+${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
