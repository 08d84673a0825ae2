// Numbers in a scenario file are finite and within stated bounds, each refused where it stands with a
// hint — a stray run of zeros used to parse as Infinity and hang `run` (issue 7 §7).
import { describe, expect, it } from 'vitest';
import { edited, expectOneAt, firstLength, problemsOf, replaced } from './helpers.ts';
import { loadScenario } from '../../src/scenario/index.ts';

const ZEROS = '0'.repeat(400);
const loads = (text: string) => loadScenario(text, 'drill.yaml').ok;
/** The example with the last node ending at T+`value` (the scenario's whole span). */
const lastEnd = (value: string) =>
  edited((doc) => {
    const nodes = (doc.get('nodes') as { items: unknown[] }).items.length;
    doc.setIn(['nodes', nodes - 1, 'span', 'to'], value);
  });

describe('durations are finite and bounded', () => {
  it('a node length of 1 and 400 zeros seconds is refused where it stands, not read as Infinity', () => {
    const text = firstLength(`1${ZEROS}s`);
    const p = expectOneAt(text, 'schema', `1${ZEROS}s`);
    expect(p.path).toEqual(['nodes', 0, 'length']);
    expect(p.message).toMatch(/at most 366d/);
    expect(p.message.length).toBeLessThan(120); // the 400 digits are not echoed back
    expect(p.hint).toMatch(/extra digits/);
  });

  it('a span end of 1 and 400 zeros seconds is refused', () => {
    const text = lastEnd(`1${ZEROS}s`);
    const p = expectOneAt(text, 'schema', `1${ZEROS}s`);
    expect(p.path.slice(-2)).toEqual(['span', 'to']);
  });

  it('scenario time reaches one year (366d) and no further', () => {
    // 366 days = 8,784 hours; a node of 20 minutes may map onto all of it.
    expect(loads(lastEnd('366d'))).toBe(true);
    expect(loads(lastEnd('8784h'))).toBe(true);
    expectOneAt(lastEnd('366d1s'), 'schema', '366d1s');
  });

  it('a node may last 24 hours of drill time, not more', () => {
    expect(loads(firstLength('24h'))).toBe(true);
    const p = expectOneAt(firstLength('1d1m'), 'drill-time', '1d1m');
    expect(p.message).toBe("the node's length is 1d1m of drill time; a drill runs at most 24h in the room");
  });

  it('a deadline of a week is refused as drill time', () => {
    expectOneAt(replaced('deadline: 5m', 'deadline: 7d'), 'drill-time', '7d');
  });

  it('a deadline must be after the opening: 0m is refused', () => {
    const text = replaced('    target: 2m\n', '', replaced('deadline: 5m', 'deadline: 0m'));
    const p = expectOneAt(text, 'drill-time', '0m\n    expected');
    expect(p.hint).toMatch(/deadline: 5m/);
  });
});

describe('counts are bounded', () => {
  it('a million teams of one kind is refused; a thousand is the cap', () => {
    const p = expectOneAt(replaced('count: 2', 'count: 1000000'), 'schema', '1000000');
    expect(p.message).toBe('1000000 is out of range: count is at most 1,000');
    expect(p.hint).toMatch(/follows every team/);
    expect(loads(replaced('count: 2', 'count: 1000'))).toBe(true);
  });

  it('a population beyond 50 million is refused with the reason', () => {
    const p = expectOneAt(replaced('population: 30000 ', 'population: 1e12 '), 'schema', '1e12');
    expect(p.message).toBe('1000000000000 is out of range: population is at most 50,000,000');
    expect(p.hint).toMatch(/most populous municipality/);
    expect(loads(replaced('population: 30000 ', 'population: 50000000 '))).toBe(true);
  });

  it('trapped people are bounded like every count of people', () => {
    expectOneAt(replaced('trapped: 12', 'trapped: 99999999999'), 'schema', '99999999999');
  });

  it('a team speed of 1e-300 km/h (travel time overflows) and 1e9 km/h are refused', () => {
    expectOneAt(replaced('speedKmh: 50', 'speedKmh: 1e-300'), 'schema', '1e-300');
    expect(expectOneAt(replaced('speedKmh: 50', 'speedKmh: 1e9'), 'schema', '1e9').message).toBe('1000000000 is out of range: speedKmh is at most 1,000');
  });
});

describe('coordinates are finite', () => {
  it('.nan and a latitude that overflows to Infinity are refused, named as such', () => {
    expect(expectOneAt(replaced('      lat: 40.70\n', '      lat: .nan\n'), 'schema', '.nan').message).toBe('expected number, found NaN');
    expect(expectOneAt(replaced('      lat: 40.70\n', '      lat: 1e400\n'), 'schema', '1e400').message).toBe('expected number, found Infinity');
  });
});

describe('the origin time is a real moment', () => {
  const origin = (value: string) => replaced('originTime: 2026-11-21T09:30+08:00', `originTime: ${value}`);

  it('30 February is refused, saying how long February is', () => {
    const p = expectOneAt(origin('2026-02-30T09:30+08:00'), 'schema', '2026-02-30');
    expect(p.message).toBe('February 2026 has no day 30 (it has 28 days)');
    expect(p.hint).toMatch(/2026-11-21T09:30\+08:00/);
  });

  it('hour 25 and minute 99 are refused', () => {
    expect(expectOneAt(origin('2026-11-21T25:30+08:00'), 'schema', '2026-11-21T25').message).toBe('there is no hour 25 (hours run 00–23)');
    expect(expectOneAt(origin('2026-11-21T09:99+08:00'), 'schema', '2026-11-21T09:99').message).toBe('there is no minute 99 (minutes run 00–59)');
  });

  it('the impossible date of the issue, 2026-02-30T25:99+08:00, gives one problem', () => {
    expect(problemsOf(origin('2026-02-30T25:99+08:00'))).toHaveLength(1);
  });

  it('month 13 and an offset of +15:00 are refused', () => {
    expectOneAt(origin('2026-13-01T09:30+08:00'), 'schema', '2026-13');
    expect(expectOneAt(origin('2026-11-21T09:30+15:00'), 'schema', '2026-11-21T09:30+15').message).toMatch(/not a UTC offset/);
  });

  it('29 February of a leap year (2028) and seconds are accepted; 2100 is not a leap year', () => {
    expect(loads(origin('2028-02-29T02:30:15+08:00'))).toBe(true);
    expect(problemsOf(origin('2100-02-29T02:30+08:00'))[0]!.message).toBe('February 2100 has no day 29 (it has 28 days)');
  });
});
