// How a number of people is shown, everywhere (app, CLI, reports): never as a fraction of a person.
// Models give expected values (0.3 deaths, 51.4 freed alive); a count is rounded to the nearest
// whole person, an expected one is marked "≈", and an expected count above 0 that rounds to 0 is
// "<1" — a small risk is not shown as none.

/** A count of people as a whole number: "3", "<1" for (0, 0.5), "0". No mark: for cells and sentences that already say "about". */
export function wholePeople(n: number): string {
  if (n > 0 && n < 0.5) return '<1';
  return String(Math.round(n));
}

/** An expected count of people: "≈51" when the model's value is not whole, "12" when it is, "<1" when it rounds to none. */
export function expectedPeople(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const whole = wholePeople(n);
  return whole === '<1' ? whole : `≈${whole}`;
}
