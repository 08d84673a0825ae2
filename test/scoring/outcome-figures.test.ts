// @vitest-environment happy-dom
// The outcome figures come from the scenario (issue 12): a scenario lists its own (`outcomes`), the
// scoring works them out by incident and facility kind, and the reports and the app show them under
// its labels; a v1 file reports the v1 set, a v2 file without the list only the figures every drill
// has. Values worked out by hand below.
import { describe, expect, it } from 'vitest';
import { render } from 'lit-html';
import { figuresOf } from '../../src/app/views/drill-data.ts';
import { figuresView } from '../../src/app/views/scores.ts';
import { outcomeRows } from '../../src/review/summary.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, loadScenario } from '../../src/scenario/index.ts';
import { counts, outcomeFigures, V1_OUTCOMES, type KindsOutcome } from '../../src/scenario/outcomes.ts';
import { Drill, MIN, load } from './helpers.ts';

// By path: under happy-dom, URL is the DOM's, which node:fs rejects.
const readScenario = (name: string) => readFileSync(resolve(import.meta.dirname, '../../scenarios', name), 'utf8');

/**
 * The minimal scenario with a water plant in Chagou and three incidents there: its water out at drill
 * 4:00 (n1 maps 20 drill min onto 30 scenario min: T+0:06), its power out at drill 10:00 (T+0:15) and
 * a fire at drill 12:00 (T+0:18). No team can contain any of them (usar-1 is never sent), so all three
 * stand to the end: drill 40:00 = T+6:00 (n2 maps 20 drill min onto T+0:30 … T+6:00).
 */
function plantText(outcomes: string | null) {
  const incident = (id: string, kind: string, offset: string) => `
  - id: ${id}-inject
    at: { node: n1, offset: ${offset} }
    title: { zh: 水厂险情, en: Water plant }
    narrative: { zh: 岔沟水厂受损。, en: The Chagou water plant is damaged. }
    to: [fire-rescue]
    via: phone
    incident: { id: ${id}, kind: ${kind}, name: { zh: 水厂${kind}, en: Plant ${kind} }, place: water-1, severity: 2, needs: [engineering] }`;
  // minimal.yaml lists the v1 set (written by `quake-drill migrate`): taken out, so each case says its own or none.
  let text = readScenario('minimal.yaml')
    .replace(/\n(#[^\n]*\n)*outcomes:[\s\S]*$/, '\n')
    .replace('organisation:', `  facilities:\n    - { id: water-1, name: { zh: 岔沟水厂, en: Chagou water plant }, kind: water-plant, lat: 40.70, lon: 122.86, settlement: chagou }\norganisation:`)
    .replace('injects:', `injects:${incident('plant-water', 'water-outage', '4m')}${incident('plant-power', 'power-outage', '10m')}${incident('plant-fire', 'fire', '12m')}`);
  if (outcomes !== null) text += `\noutcomes:\n${outcomes}\n`;
  return text;
}
/** `outcomes: null` leaves the list out; 'v1' also marks the file as format v1. */
const plantScenario = (outcomes: string | null | 'v1') =>
  outcomes === 'v1' ? load(plantText(null).replace('format: quake-drill/scenario@2', 'format: quake-drill/scenario@1'), 'plant.yaml') : load(plantText(outcomes), 'plant.yaml');

const OWN = `  - { kind: hours-without, incidents: [water-plant], label: { zh: 水厂停运, en: Water plant down } }
  - { kind: time-to-contain, incidents: [fire, chemical-leak], label: { zh: 火灾控制, en: Fires contained } }
  - shelter`;

const played = (outcomes: string | null | 'v1') => {
  const d = new Drill(plantScenario(outcomes)).start().at(40 * MIN);
  return { d, o: d.score().outcomes };
};

describe('the scenario’s own outcome figures', () => {
  const { d, o } = played(OWN);

  it('lists the figures in the scenario’s order', () => {
    expect(o.figures).toEqual(['hours-without', 'time-to-contain', 'shelter']);
  });

  it('hours without: a facility kind counts the outages there (water and power, not the fire), overlaps once', () => {
    // Water out T+0:06 → T+6:00 = 5.9 h; power out T+0:15 → T+6:00 = 5.75 h; the plant is without from T+0:06: 5.9 h.
    expect(o.hoursWithout).toEqual([
      {
        label: { zh: '水厂停运', en: 'Water plant down' },
        incidents: ['water-plant'],
        hours: 5.9,
        outages: [
          { incident: 'plant-water', place: 'water-1', hours: 5.9, contained: false },
          { incident: 'plant-power', place: 'water-1', hours: 5.75, contained: false },
        ],
        places: [{ place: 'water-1', hours: 5.9 }],
      },
    ]);
  });

  it('time to contain: by incident kind, null for one never contained', () => {
    expect(o.timeToContain).toEqual([{ label: { zh: '火灾控制', en: 'Fires contained' }, incidents: ['fire', 'chemical-leak'], contained: [{ incident: 'plant-fire', hoursToContain: null }] }]);
  });

  it('the CLI and report rows show those figures only, under the scenario’s labels', () => {
    expect(outcomeRows(o, d.scenario)).toEqual([
      ['水厂停运 / Water plant down', '5.9 h'],
      ['火灾控制 / Fires contained: plant-fire', '未控制 / never'],
      ['避难场所 / Shelter places opened / needed', '0 / 0'],
      ['驳回 / Rejections', '0'],
      ['演练结束 / End', 'drill 40:00, scenario T+6:00'],
    ]);
  });

  it('the app’s figures: its hours-without figure under its label, no trapped or rescued tiles', () => {
    const f = figuresOf(d.ex.model, d.ex.world);
    expect(f.show).toEqual({ trappedRescued: false, shelter: true });
    expect(f.hoursWithout).toEqual([{ label: { zh: '水厂停运', en: 'Water plant down' }, hours: 5.9, withoutNow: 1 }]);
    const el = document.createElement('div');
    render(figuresView('en', f), el);
    expect([...el.querySelectorAll('dt')].map((x) => x.textContent)).toEqual(['Injured', 'Water plant down', 'Shelter (open / needed)', 'Incidents not under control', 'Open decisions']);
    expect(el.textContent).toContain('5.9 h');
  });
});

describe('a v2 scenario without `outcomes`', () => {
  const { d, o } = played(null);

  it('gets only the figures every drill has: no hospital, chemical or water-plant figure', () => {
    expect(o.figures).toEqual(['trapped-rescued', 'response-level', 'first-rescue', 'shelter', 'decisions']);
    expect(o.hoursWithout).toEqual([]);
    expect(o.timeToContain).toEqual([]);
    const rows = outcomeRows(o, d.scenario).map(([label]) => label).join('\n');
    expect(rows).not.toMatch(/医院|危化品|水厂/);
  });
});

describe('a v1 scenario (no `outcomes` in that format)', () => {
  const { d, o } = played('v1');

  it('gets the v1 set: the hospitals’ power and chemical leaks, nothing of the water plant', () => {
    expect(o.figures).toEqual(['trapped-rescued', 'response-level', 'first-rescue', 'hours-without', 'shelter', 'time-to-contain', 'decisions']);
    expect(o.hoursWithout).toEqual([{ label: { zh: '医院断电（医院·小时）', en: 'Hospital-hours without power' }, incidents: ['hospital-power', 'hospital'], hours: 0, outages: [], places: [] }]);
    expect(o.timeToContain).toEqual([{ label: { zh: '危化品泄漏控制', en: 'Chemical leak contained' }, incidents: ['chemical-leak'], contained: [] }]);
    const rows = outcomeRows(o, d.scenario).map(([label]) => label);
    expect(rows).toContain('医院断电（医院·小时） / Hospital-hours without power');
    expect(rows).toContain('危化品泄漏控制 / Chemical leak contained');
  });
});

describe('the file format', () => {
  it('refuses a kind that is neither an incident nor a facility kind, at its line', () => {
    const text = plantText('  - { kind: hours-without, incidents: [hospitals], label: { zh: 医院 } }');
    const loaded = loadScenario(text, 'plant.yaml');
    expect(loaded.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('[hospitals]')) + 1;
    const problem = !loaded.ok ? formatProblem(loaded.problems[0]!) : '';
    expect(problem).toMatch(new RegExp(`^plant\\.yaml:${line}:\\d+: .*"hospitals" is not allowed here`));
  });

  it('v1’s hospital figure: hospital-power anywhere and any outage at a hospital count, a fire or casualties there do not', () => {
    const hospital = outcomeFigures({ outcomes: [...V1_OUTCOMES] }).find((f): f is KindsOutcome => f.kind === 'hours-without')!;
    const kindOf = (place: string) => ({ hosp: 'hospital', sub: 'substation' })[place];
    expect(counts(hospital, { kind: 'hospital-power', place: 'town' }, kindOf)).toBe(true);
    expect(counts(hospital, { kind: 'power-outage', place: 'hosp' }, kindOf)).toBe(true);
    expect(counts(hospital, { kind: 'power-outage', place: 'sub' }, kindOf)).toBe(false);
    expect(counts(hospital, { kind: 'fire', place: 'hosp' }, kindOf)).toBe(false);
    expect(counts(hospital, { kind: 'casualties', place: 'hosp' }, kindOf)).toBe(false);
  });
});
